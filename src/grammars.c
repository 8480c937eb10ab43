/*
 * grammars.c: maps archlint's languages to tree-sitter grammars, and the two node
 * helpers every tree walker needs.
 */
#include "grammars.h"

#include <string.h>

const TSLanguage *al_grammar_for(al_language lang)
{
	return lang == AL_LANG_GO ? tree_sitter_go() : tree_sitter_rust();
}

char *al_node_text(TSNode node, const char *source)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
	return al_strndup(source + start, end - start);
}

int al_node_first_error(TSNode node, TSNode *out)
{
	if (ts_node_is_missing(node) || strcmp(ts_node_type(node), "ERROR") == 0) {
		*out = node;
		return 1;
	}
	if (!ts_node_has_error(node))
		return 0;
	uint32_t n = ts_node_child_count(node);
	for (uint32_t i = 0; i < n; i++)
		if (al_node_first_error(ts_node_child(node, i), out))
			return 1;
	return 0;
}

unsigned al_node_line(TSNode node)
{
	return ts_node_start_point(node).row + 1;
}
