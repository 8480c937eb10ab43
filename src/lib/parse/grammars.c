/*
 * grammars.c: maps archlint's languages to tree-sitter grammars, the node helpers every
 * tree walker needs, and the check that keeps pathological input away from the parsers.
 */
#include "grammars.h"

#include <stdlib.h>
#include <string.h>

const TSLanguage *al_grammar_for(al_language lang)
{
	return lang == AL_LANG_GO ? tree_sitter_go() : tree_sitter_rust();
}

char *al_parse_hazard(const char *source, size_t len)
{
	size_t depth = 0, max_depth = 0, run = 0, max_run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)source[i];
		if (c == '(' || c == '[' || c == '{') {
			if (++depth > max_depth)
				max_depth = depth;
		} else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
			depth--;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		int word =
		    (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
		if (!word && c != '_' && c != '"' && c != '\'' && c != '`') {
			if (++run > max_run)
				max_run = run;
		} else {
			run = 0;
		}
	}
	if (max_depth > AL_PARSE_MAX_NESTING)
		return al_sprintf("brackets nested %zu deep, over %d", max_depth,
		                  AL_PARSE_MAX_NESTING);
	if (max_run > AL_PARSE_MAX_PUNCT_RUN)
		return al_sprintf("%zu punctuation characters in a row, over %d", max_run,
		                  AL_PARSE_MAX_PUNCT_RUN);
	return NULL;
}

char *al_node_text(TSNode node, const char *source)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
	return al_strndup(source + start, end - start);
}

TSNode *al_node_children(TSNode node, int named_only, uint32_t *count)
{
	uint32_t cap = named_only ? ts_node_named_child_count(node) : ts_node_child_count(node);
	TSNode *out = al_calloc(cap ? cap : 1, sizeof(*out));
	uint32_t n = 0;
	TSTreeCursor cur = ts_tree_cursor_new(node);
	if (ts_tree_cursor_goto_first_child(&cur)) {
		do {
			TSNode c = ts_tree_cursor_current_node(&cur);
			if ((!named_only || ts_node_is_named(c)) && n < cap)
				out[n++] = c;
		} while (ts_tree_cursor_goto_next_sibling(&cur));
	}
	ts_tree_cursor_delete(&cur);
	*count = n;
	return out;
}

int al_node_first_error(TSNode node, TSNode *out)
{
	if (ts_node_is_missing(node) || strcmp(ts_node_type(node), "ERROR") == 0) {
		*out = node;
		return 1;
	}
	if (!ts_node_has_error(node))
		return 0;
	uint32_t n;
	TSNode *kids = al_node_children(node, 0, &n);
	int found = 0;
	for (uint32_t i = 0; i < n && !found; i++)
		found = al_node_first_error(kids[i], out);
	free(kids);
	return found;
}

unsigned al_node_line(TSNode node)
{
	return ts_node_start_point(node).row + 1;
}
