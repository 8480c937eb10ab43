/*
 * vec.h: a growable array of pointers.
 *
 * The vector owns its slot array, never the pointees: whoever pushes an item decides who
 * frees it (al_vec_dispose_with frees each item with the given function, then the array).
 */
#ifndef AL_UTIL_VEC_H
#define AL_UTIL_VEC_H

#include <stddef.h>

typedef struct {
	void **items;
	size_t len;
	size_t cap;
} al_vec;

#define AL_VEC_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void al_vec_push(al_vec *self, void *item);
void al_vec_sort(al_vec *self, int (*cmp)(const void *a, const void *b));
void al_vec_dispose(al_vec *self);
void al_vec_dispose_with(al_vec *self, void (*free_item)(void *));

/* qsort comparator for a vector of C strings. */
int al_vec_cmp_str(const void *a, const void *b);
/* Index of the first item of sorted (ordered by key_of, strcmp) whose key does not sort before
 * key: sorted->len when there is none. */
size_t al_vec_lower_bound(const al_vec *sorted, const char *key,
                          const char *(*key_of)(const void *));

#endif
