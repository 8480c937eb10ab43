/*
 * classify.h: the classification stage — a found component (found.h) and the facts of its
 * files in, its evidence, lifecycle, features and verdict (verdict.h) written into its
 * al_component out. Pure: it reads nothing but its inputs, so a test can hand it a closure
 * and facts it built itself.
 */
#ifndef AL_CLASSIFY_H
#define AL_CLASSIFY_H

#include "config.h"
#include "extract.h"
#include "found.h"
#include "rules.h"

typedef struct {
	const al_ruleset *rules;
	const al_config *config; /* declarations; may be NULL */
	const al_strmap *facts;  /* path -> al_file_facts * (extract.h) of every file read */
	int repository_ships;    /* some component has a deployment reference (deploy.h) */
} al_classify_input;

/* The inputs and what one run works out once for all its components. */
typedef struct {
	al_classify_input in;
	al_strmap sharing; /* "LANG:dir" -> how many components of LANG have dir in their closure */
	size_t components_of[AL_LANG__COUNT];
	al_strmap import_signals; /* import path -> al_vec * of the import signals it matches */
} al_classifier;

/* A classifier for the components of found (al_found *), whose closures it counts once;
 * in is copied, what it points to is borrowed. */
void al_classifier_init(al_classifier *self, const al_classify_input *in, const al_vec *found);
/* Classifies one of those components. */
void al_classify(al_classifier *self, al_found *found);
void al_classifier_dispose(al_classifier *self);

#endif
