/*
 * strmap.c: open-addressing string map over al_hash64 (hash.h). The table keeps at most
 * half its slots full, so probes stay short and a lookup always meets an empty slot.
 */
#include "strmap.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"

static uint64_t hash_str(const char *s)
{
	return al_hash64(s, strlen(s));
}

static al_strmap_slot *find_slot(al_strmap_slot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)(hash_str(key) & (cap - 1));
	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void rehash(al_strmap *self, size_t cap)
{
	al_strmap_slot *slots = al_calloc(cap, sizeof(*slots));
	for (size_t i = 0; i < self->cap; i++) {
		if (!self->slots[i].key)
			continue;
		*find_slot(slots, cap, self->slots[i].key) = self->slots[i];
	}
	free(self->slots);
	self->slots = slots;
	self->cap = cap;
}

void *al_strmap_get(const al_strmap *self, const char *key)
{
	if (!self->cap)
		return NULL;
	al_strmap_slot *slot = find_slot(self->slots, self->cap, key);
	return slot->key ? slot->value : NULL;
}

int al_strmap_has(const al_strmap *self, const char *key)
{
	return self->cap && find_slot(self->slots, self->cap, key)->key != NULL;
}

void *al_strmap_set(al_strmap *self, const char *key, void *value)
{
	if ((self->len + 1) * 2 > self->cap)
		rehash(self, self->cap ? self->cap * 2 : 16);
	al_strmap_slot *slot = find_slot(self->slots, self->cap, key);
	if (slot->key) {
		void *old = slot->value;
		slot->value = value;
		return old;
	}
	slot->key = al_strdup(key);
	slot->value = value;
	self->len++;
	return NULL;
}

void al_strmap_dispose_with(al_strmap *self, void (*free_value)(void *))
{
	for (size_t i = 0; i < self->cap; i++) {
		if (!self->slots[i].key)
			continue;
		free(self->slots[i].key);
		if (free_value)
			free_value(self->slots[i].value);
	}
	free(self->slots);
	self->slots = NULL;
	self->cap = self->len = 0;
}

void al_strmap_dispose(al_strmap *self)
{
	al_strmap_dispose_with(self, NULL);
}

void al_ptr_key(char key[AL_PTR_KEY_SIZE], const void *p)
{
	snprintf(key, AL_PTR_KEY_SIZE, "%" PRIxPTR, (uintptr_t)p);
}
