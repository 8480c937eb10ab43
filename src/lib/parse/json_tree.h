/*
 * json_tree.h: building a cJSON tree member by member in time linear in its size, for the
 * readers that convert a syntax tree into cJSON (toml.c, yaml.c). cJSON finds an object's
 * member and an array's size by walking the list, so a manifest of 80,000 keys cost 80,000
 * walks; the builder keeps an index beside the tree instead.
 *
 * Every object member and array of the tree must be added through the builder (values
 * made elsewhere may be added whole). A member set twice keeps the last value, moved to
 * the end, as cJSON_DeleteItemFromObject + cJSON_AddItemToObject would; the value it
 * replaces is freed with the builder, not before, so that no pointer the index knows is
 * reused while it is alive. al_json_tree_dispose frees the index, never the tree.
 */
#ifndef AL_JSON_TREE_H
#define AL_JSON_TREE_H

#include <cjson/cJSON.h>

#include "archlint.h"

typedef struct {
	al_strmap members; /* al_ptr_key(object) + key -> cJSON * */
	al_strmap arrays;  /* al_ptr_key(array) -> al_json_tree_array * */
	al_vec replaced;   /* cJSON *: values a later one replaced, detached */
} al_json_tree;

#define AL_JSON_TREE_INIT                                                                          \
	{                                                                                          \
		AL_STRMAP_INIT, AL_STRMAP_INIT, AL_VEC_INIT                                        \
	}

/* obj's member key, or NULL. */
cJSON *al_json_tree_get(al_json_tree *t, const cJSON *obj, const char *key);
/* Sets obj's member key to value (which the tree then owns); returns value. */
cJSON *al_json_tree_set(al_json_tree *t, cJSON *obj, const char *key, cJSON *value);
/* Appends item to arr (which then owns it); returns item. */
cJSON *al_json_tree_append(al_json_tree *t, cJSON *arr, cJSON *item);
/* The number of items of arr, and its last item (NULL when empty). */
size_t al_json_tree_size(al_json_tree *t, const cJSON *arr);
cJSON *al_json_tree_last(al_json_tree *t, const cJSON *arr);
void al_json_tree_dispose(al_json_tree *t);

#endif
