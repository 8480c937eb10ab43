/*
 * query_shape.h: checks the shape of one signal's query before tree-sitter compiles it.
 *
 * The tree-sitter library archlint links (Debian's 0.20.7) writes outside its arrays on some
 * query shapes and loops forever on others; a query is user input (.archlint.json, --rules),
 * so those shapes are refused here with a reason and the byte offset where they start.
 * The same reader splits a query into its patterns and their predicates (query.c compiles
 * a structure shared by several signals once).
 */
#ifndef AL_QUERY_SHAPE_H
#define AL_QUERY_SHAPE_H

#include <stddef.h>

#include "vec.h"

/* Returns NULL when tree-sitter may compile `src`, or why not, with *offset set. */
const char *al_query_shape_problem(const char *src, size_t *offset);

typedef struct {
	size_t start, end; /* byte offsets into the query source */
} al_query_span;

/* One top-level pattern of a query: its bytes, and the predicates among them (at any depth:
 * a predicate constrains the whole pattern it sits in). */
typedef struct {
	al_query_span bytes;
	al_vec predicates; /* al_query_span * */
} al_query_pattern;

/* Fills `out` (al_query_pattern *) with the top-level patterns of a query that passed
 * al_query_shape_problem. Returns 0, or -1 when the query has a syntax error this reader
 * leaves to tree-sitter (then `out` holds only the patterns before it). */
int al_query_patterns(const char *src, al_vec *out);
void al_query_pattern_free(void *pattern);

#endif
