/*
 * strmap.c: open-addressing string map over a word-at-a-time hash. The table keeps at most
 * half its slots full, so probes stay short and a lookup always meets an empty slot.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Mixes the key eight bytes at a time (paths are long; a byte at a time was the cost of
 * most lookups), then folds the high bits down for the table index. */
static uint64_t hash_str(const char *s)
{
	size_t len = strlen(s);
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
	for (; len >= 8; len -= 8, s += 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
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
