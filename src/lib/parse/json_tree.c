/*
 * json_tree.c: the index beside a cJSON tree under construction (json_tree.h): members by
 * object and key, and per array its size and last item, both in hash maps.
 */
#include "json_tree.h"

#include <stdlib.h>

typedef struct {
	size_t size;
	cJSON *last;
} al_json_tree_array;

static char *member_key(const cJSON *obj, const char *key)
{
	char id[AL_PTR_KEY_SIZE];
	al_ptr_key(id, obj);
	return al_sprintf("%s.%s", id, key);
}

cJSON *al_json_tree_get(al_json_tree *t, const cJSON *obj, const char *key)
{
	char *k = member_key(obj, key);
	cJSON *v = al_strmap_get(&t->members, k);
	free(k);
	return v;
}

cJSON *al_json_tree_set(al_json_tree *t, cJSON *obj, const char *key, cJSON *value)
{
	char *k = member_key(obj, key);
	cJSON *old = al_strmap_set(&t->members, k, value);
	free(k);
	if (old)
		al_vec_push(&t->replaced, cJSON_DetachItemViaPointer(obj, old));
	cJSON_AddItemToObject(obj, key, value);
	return value;
}

/* The index entry of arr; an array made outside the builder is counted once. */
static al_json_tree_array *array_of(al_json_tree *t, const cJSON *arr)
{
	char id[AL_PTR_KEY_SIZE];
	al_ptr_key(id, arr);
	al_json_tree_array *a = al_strmap_get(&t->arrays, id);
	if (!a) {
		a = al_calloc(1, sizeof(*a));
		for (cJSON *it = arr->child; it; it = it->next) {
			a->size++;
			a->last = it;
		}
		al_strmap_set(&t->arrays, id, a);
	}
	return a;
}

cJSON *al_json_tree_append(al_json_tree *t, cJSON *arr, cJSON *item)
{
	al_json_tree_array *a = array_of(t, arr);
	cJSON_AddItemToArray(arr, item);
	a->size++;
	a->last = item;
	return item;
}

size_t al_json_tree_size(al_json_tree *t, const cJSON *arr)
{
	return array_of(t, arr)->size;
}

cJSON *al_json_tree_last(al_json_tree *t, const cJSON *arr)
{
	return array_of(t, arr)->last;
}

static void delete_json(void *p)
{
	cJSON_Delete(p);
}

void al_json_tree_dispose(al_json_tree *t)
{
	al_strmap_dispose(&t->members);
	al_strmap_dispose_with(&t->arrays, free);
	al_vec_dispose_with(&t->replaced, delete_json);
}
