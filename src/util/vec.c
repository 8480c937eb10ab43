/*
 * vec.c: pointer vector; sorting is qsort over the slots, so comparators receive
 * pointers to slots (const void * pointing at a T *).
 */
#include "vec.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

void al_vec_push(al_vec *self, void *item)
{
	if (self->len == self->cap) {
		self->cap = self->cap ? self->cap * 2 : 8;
		self->items = al_realloc(self->items, self->cap * sizeof(void *));
	}
	self->items[self->len++] = item;
}

void al_vec_sort(al_vec *self, int (*cmp)(const void *a, const void *b))
{
	if (self->len > 1)
		qsort(self->items, self->len, sizeof(void *), cmp);
}

void al_vec_dispose(al_vec *self)
{
	free(self->items);
	self->items = NULL;
	self->len = self->cap = 0;
}

void al_vec_dispose_with(al_vec *self, void (*free_item)(void *))
{
	for (size_t i = 0; i < self->len; i++)
		free_item(self->items[i]);
	al_vec_dispose(self);
}

int al_vec_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t al_vec_lower_bound(const al_vec *sorted, const char *key,
                          const char *(*key_of)(const void *))
{
	size_t lo = 0, hi = sorted->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(key_of(sorted->items[mid]), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
