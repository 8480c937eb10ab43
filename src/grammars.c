/*
 * grammars.c: maps archlint's languages to tree-sitter grammars, and the two node
 * helpers every tree walker needs.
 */
#include "grammars.h"

const TSLanguage *al_grammar_for(al_language lang)
{
	return lang == AL_LANG_GO ? tree_sitter_go() : tree_sitter_rust();
}

char *al_node_text(TSNode node, const char *source)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
	return al_strndup(source + start, end - start);
}

unsigned al_node_line(TSNode node)
{
	return ts_node_start_point(node).row + 1;
}
