/*
 * strmap.h: a hash map from C strings to pointers (open addressing, linear probing).
 *
 * The map copies and owns its keys; values are borrowed: free them yourself before
 * al_strmap_dispose, or use al_strmap_dispose_with.
 */
#ifndef AL_UTIL_STRMAP_H
#define AL_UTIL_STRMAP_H

#include <stddef.h>

typedef struct {
	char *key;
	void *value;
} al_strmap_slot;

typedef struct {
	al_strmap_slot *slots;
	size_t cap;
	size_t len;
} al_strmap;

#define AL_STRMAP_INIT                                                                             \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void *al_strmap_get(const al_strmap *self, const char *key);
int al_strmap_has(const al_strmap *self, const char *key);
/* Sets key to value; returns the previous value, or NULL. */
void *al_strmap_set(al_strmap *self, const char *key, void *value);
void al_strmap_dispose(al_strmap *self);
void al_strmap_dispose_with(al_strmap *self, void (*free_value)(void *));

/* Maps keyed by object identity: the key of pointer p ("7f3a...", fixed per pointer). */
#define AL_PTR_KEY_SIZE (2 * sizeof(void *) + 1)
void al_ptr_key(char key[AL_PTR_KEY_SIZE], const void *p);

/* Iterate: for (size_t i = 0; i < m.cap; i++) if (m.slots[i].key) ... */

#endif
