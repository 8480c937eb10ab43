/*
 * nearest.h: the nearest spelling of a mistyped name among the names that exist, for the
 * "did you mean ...?" of notices about ids and directives that match nothing.
 */
#ifndef AL_UTIL_NEAREST_H
#define AL_UTIL_NEAREST_H

#include <stddef.h>

/* Levenshtein distance between a and b (bytes; case counts), or max + 1 once it is known
 * to exceed max: a comparison stops at the first row past it, so most cost a few rows. */
size_t al_edit_distance(const char *a, const char *b, size_t max);
/* The candidate closest to word, or NULL when none is close enough to be a plausible typo:
 * within a third of the word's length (at least 1, at most 3 edits). Ties: the first. */
const char *al_nearest(const char *word, const char *const *candidates, size_t n);

#endif
