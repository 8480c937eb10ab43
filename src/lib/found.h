/*
 * found.h: the found set, what discovery makes and classification reads — each component
 * with its closure: the packages it is built from, each with the way from main that brought
 * it in and its source files.
 */
#ifndef AL_FOUND_H
#define AL_FOUND_H

#include "archlint.h"
#include "cargo.h"

/* One package in a component's closure: a Go package directory or a Cargo package. */
typedef struct al_unit {
	char *dir;
	int own;                   /* the component's own package (vs. an in-repo dependency) */
	unsigned depth;            /* package hops from the component's own package (0: own) */
	const struct al_unit *via; /* the unit whose dependency brought this one in (NULL: own) */
	al_vec files; /* char *: source files of this unit that belong to the component */
	const al_cargo_manifest *manifest; /* Rust only, borrowed */
} al_unit;

/* A component while it is being discovered and classified. */
typedef struct {
	al_component *component; /* owned by the result */
	al_vec units;            /* al_unit * */
	al_vec facts;            /* char *, owned: discovery facts ("go-testdata", ...) */
} al_found;

/* A found component around c, which is owned elsewhere (by the result it is pushed to). */
al_found *al_found_new(al_component *c);
al_unit *al_found_add_unit(al_found *found, const char *dir, int own,
                           const al_cargo_manifest *manifest);
/* Frees the found component's units and facts, not the component (an al_vec free). */
void al_found_free(void *found);

#endif
