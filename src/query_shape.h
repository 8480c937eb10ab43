/*
 * query_shape.h: checks the shape of one signal's query before tree-sitter compiles it.
 *
 * The tree-sitter library archlint links (Debian's 0.20.7) writes outside its arrays on some
 * query shapes and loops forever on others; a query is user input (.archlint.json, --rules),
 * so those shapes are refused here with a reason and the byte offset where they start.
 */
#ifndef AL_QUERY_SHAPE_H
#define AL_QUERY_SHAPE_H

#include <stddef.h>

/* Returns NULL when tree-sitter may compile `src`, or why not, with *offset set. */
const char *al_query_shape_problem(const char *src, size_t *offset);

#endif
