/*
 * query_predicate.h: the predicates of a query signal (#eq?, #match?, #any-of? and their
 * #not- forms), which tree-sitter leaves to its caller: read from the predicate's own text,
 * checked, and evaluated against a match.
 *
 * They are read from text rather than from the compiled query because query.c compiles a
 * pattern structure once for every signal that shares it, each with its own predicates.
 */
#ifndef AL_QUERY_PREDICATE_H
#define AL_QUERY_PREDICATE_H

#include <stddef.h>

#include <tree_sitter/api.h>

#include "rules.h"

typedef struct al_predicate al_predicate;

/*
 * Reads the predicate `text` (len bytes, "(#eq? @x \"v\")") of signal s; captures are
 * resolved by name in `query`. Returns 0 and *out, or AL_ECONFIG naming the signal.
 */
int al_predicate_new(al_predicate **out, const char *text, size_t len, const TSQuery *query,
                     const al_signal *s);
void al_predicate_free(void *predicate);

/* Whether the predicate holds for match m over `source`. */
int al_predicate_holds(const al_predicate *p, const TSQueryMatch *m, const char *source);

#endif
