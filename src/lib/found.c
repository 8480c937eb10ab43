/*
 * found.c: building and freeing the found set (found.h).
 */
#include "found.h"

#include <stdlib.h>

al_found *al_found_new(al_component *c)
{
	al_found *f = al_calloc(1, sizeof(*f));
	f->component = c;
	return f;
}

al_unit *al_found_add_unit(al_found *found, const char *dir, int own,
                           const al_cargo_manifest *manifest)
{
	al_unit *u = al_calloc(1, sizeof(*u));
	u->dir = al_strdup(dir);
	u->own = own;
	u->manifest = manifest;
	al_vec_push(&found->units, u);
	return u;
}

static void free_unit(void *p)
{
	al_unit *u = p;
	free(u->dir);
	al_vec_dispose_with(&u->files, free);
	free(u);
}

void al_found_free(void *p)
{
	al_found *f = p;
	al_vec_dispose_with(&f->units, free_unit);
	al_vec_dispose_with(&f->facts, free);
	free(f);
}
