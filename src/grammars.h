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

/* The text of a node, copied (malloc'ed, caller frees). */
char *al_node_text(TSNode node, const char *source);
/* The first ERROR or MISSING node below node, depth first: 1 and *out set, or 0. Manifests
 * and catalog files must parse cleanly, unlike source files. */
int al_node_first_error(TSNode node, TSNode *out);
/* 1-based line of a node's start. */
unsigned al_node_line(TSNode node);

#endif
