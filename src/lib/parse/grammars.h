/*
 * grammars.h: the tree-sitter languages archlint links in, fetched from npm at build time
 * (see grammars/grammars.cmake). The returned pointers are static; nothing to free.
 */
#ifndef AL_GRAMMARS_H
#define AL_GRAMMARS_H

#include <tree_sitter/api.h>

#include "archlint.h"

const TSLanguage *tree_sitter_go(void);
const TSLanguage *tree_sitter_rust(void);
const TSLanguage *tree_sitter_toml(void);
const TSLanguage *tree_sitter_yaml(void);

const TSLanguage *al_grammar_for(al_language lang);

/* Input the parsers must not be given. tree-sitter 0.20.7 corrupts its own tree (a double
 * free in ts_tree_delete) when error recovery gathers some 65 536 tokens into one node —
 * brackets left open, or a long run of operators — and its error recovery grows
 * quadratically well before that. Real code comes nowhere near either limit. */
#define AL_PARSE_MAX_NESTING 1024    /* brackets open at once, strings and comments included */
#define AL_PARSE_MAX_PUNCT_RUN 16384 /* punctuation in a row, whitespace aside */
/* NULL when source is safe to parse; otherwise a malloc'ed reason ("brackets nested 2000
 * deep, over 1024") the caller frees. */
char *al_parse_hazard(const char *source, size_t len);

/* The text of a node, copied (malloc'ed, caller frees). */
char *al_node_text(TSNode node, const char *source);
/* The children of node (only the named ones when named_only), in order, in a malloc'ed array
 * of *count nodes the caller frees. ts_node_child(node, i) walks the first i children, so a
 * loop over it is quadratic in the number of children; this walks them once. */
TSNode *al_node_children(TSNode node, int named_only, uint32_t *count);
/* The first ERROR or MISSING node below node, depth first: 1 and *out set, or 0. Manifests
 * and catalog files must parse cleanly, unlike source files. */
int al_node_first_error(TSNode node, TSNode *out);
/* 1-based line of a node's start. */
unsigned al_node_line(TSNode node);

#endif
