/*
 * yaml.c: converts a tree-sitter YAML tree into cJSON. Anchors, aliases and tags are
 * ignored (neither catalog files nor the configuration need them); block scalars keep
 * their text.
 */
#include "yaml.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammars.h"
#include "json_tree.h"

typedef struct {
	const char *src;
	al_strmap *lines;
	unsigned flags;
	unsigned depth;
	unsigned too_deep; /* line of the first value nested deeper than MAX_DEPTH, or 0 */
	al_json_tree tree; /* every mapping goes through it */
} yaml_ctx;

/* The grammar's scanner counts rows in 16 bits: past this many lines it loses its place
 * and the whole file parses as one error. */
#define MAX_LINES 32767

/* Catalog files nest a few levels; indentation nesting is not bounded by al_parse_hazard,
 * and every level costs stack and a longer key path. */
#define MAX_DEPTH 256

static cJSON *node_to_json(yaml_ctx *ctx, TSNode node, const char *path);
static cJSON *value_to_json(yaml_ctx *ctx, TSNode node, const char *path);

/* The scalar's value: quotes removed, the common escapes of double quotes decoded. */
static char *scalar_text(TSNode node, const char *src)
{
	const char *t = ts_node_type(node);
	char *raw = al_node_text(node, src);
	size_t n = strlen(raw);
	if (strcmp(t, "double_quote_scalar") == 0 && n >= 2) {
		al_buf out = AL_BUF_INIT;
		for (size_t i = 1; i + 1 < n; i++) {
			if (raw[i] == '\\' && i + 2 < n) {
				char c = raw[++i];
				al_buf_putc(&out, c == 'n' ? '\n' : c == 't' ? '\t' : c);
			} else {
				al_buf_putc(&out, raw[i]);
			}
		}
		free(raw);
		return al_buf_detach(&out);
	}
	if (strcmp(t, "single_quote_scalar") == 0 && n >= 2) {
		al_buf out = AL_BUF_INIT;
		for (size_t i = 1; i + 1 < n; i++) {
			al_buf_putc(&out, raw[i]);
			if (raw[i] == '\'' && raw[i + 1] == '\'')
				i++;
		}
		free(raw);
		return al_buf_detach(&out);
	}
	return raw;
}

/* A plain scalar as the YAML core schema reads it: null, a boolean, a number or a string.
 * The grammar has already told which (integer_scalar, "0x1F", "0o17"; float_scalar,
 * ".inf"; boolean_scalar; null_scalar, "~"). */
static cJSON *typed_scalar(TSNode kind, const char *text)
{
	const char *k = ts_node_is_null(kind) ? "" : ts_node_type(kind);
	if (strcmp(k, "null_scalar") == 0)
		return cJSON_CreateNull();
	if (strcmp(k, "boolean_scalar") == 0)
		return cJSON_CreateBool(text[0] == 't' || text[0] == 'T');
	if (strcmp(k, "integer_scalar") == 0) {
		int o = text[0] == '0' && text[1] == 'o';
		return cJSON_CreateNumber((double)strtoll(text + 2 * o, NULL, o ? 8 : 0));
	}
	if (strcmp(k, "float_scalar") == 0) {
		const char *dot = strstr(text, ".inf");
		if (!dot)
			dot = strstr(text, ".Inf");
		if (dot)
			return cJSON_CreateNumber(text[0] == '-' ? -HUGE_VAL : HUGE_VAL);
		return cJSON_CreateNumber(strtod(text, NULL));
	}
	return cJSON_CreateString(text);
}

static TSNode content_of(TSNode node)
{
	/* block_node and flow_node wrap the content, possibly after an anchor or a tag. */
	const char *t = ts_node_type(node);
	if (strcmp(t, "block_node") != 0 && strcmp(t, "flow_node") != 0)
		return node;
	uint32_t n;
	TSNode *kids = al_node_children(node, 1, &n);
	uint32_t i = 0;
	while (i < n && (strcmp(ts_node_type(kids[i]), "anchor") == 0 ||
	                 strcmp(ts_node_type(kids[i]), "tag") == 0 ||
	                 strcmp(ts_node_type(kids[i]), "comment") == 0))
		i++;
	TSNode content = i < n ? content_of(kids[i]) : node;
	free(kids);
	return content;
}

static void add_pair(yaml_ctx *ctx, cJSON *obj, TSNode pair, const char *path)
{
	TSNode key = ts_node_child_by_field_name(pair, "key", 3);
	TSNode value = ts_node_child_by_field_name(pair, "value", 5);
	if (ts_node_is_null(key))
		return;
	char *k = scalar_text(content_of(key), ctx->src);
	char *sub = al_sprintf("%s.%s", path, k);
	if (ctx->lines && !al_strmap_has(ctx->lines, sub))
		al_strmap_set(ctx->lines, sub, (void *)(uintptr_t)al_node_line(key));
	cJSON *v = ts_node_is_null(value) ? cJSON_CreateNull() : node_to_json(ctx, value, sub);
	al_json_tree_set(&ctx->tree, obj, k, v);
	free(sub);
	free(k);
}

static cJSON *node_to_json(yaml_ctx *ctx, TSNode node, const char *path)
{
	if (ctx->depth >= MAX_DEPTH) {
		if (!ctx->too_deep)
			ctx->too_deep = al_node_line(node);
		return cJSON_CreateNull();
	}
	ctx->depth++;
	cJSON *v = value_to_json(ctx, node, path);
	ctx->depth--;
	return v;
}

static cJSON *value_to_json(yaml_ctx *ctx, TSNode node, const char *path)
{
	node = content_of(node);
	const char *t = ts_node_type(node);
	if (strcmp(t, "block_mapping") == 0 || strcmp(t, "flow_mapping") == 0) {
		cJSON *obj = cJSON_CreateObject();
		uint32_t n;
		TSNode *kids = al_node_children(node, 1, &n);
		for (uint32_t i = 0; i < n; i++) {
			const char *ct = ts_node_type(kids[i]);
			if (strcmp(ct, "block_mapping_pair") == 0 || strcmp(ct, "flow_pair") == 0)
				add_pair(ctx, obj, kids[i], path);
		}
		free(kids);
		return obj;
	}
	if (strcmp(t, "block_sequence") == 0 || strcmp(t, "flow_sequence") == 0) {
		cJSON *arr = cJSON_CreateArray();
		int index = 0;
		uint32_t n;
		TSNode *kids = al_node_children(node, 1, &n);
		for (uint32_t i = 0; i < n; i++) {
			TSNode c = kids[i];
			if (strcmp(ts_node_type(c), "comment") == 0)
				continue;
			if (strcmp(ts_node_type(c), "block_sequence_item") == 0)
				c = ts_node_named_child(c, 0);
			char *sub = al_sprintf("%s.%d", path, index++);
			if (ctx->lines && !al_strmap_has(ctx->lines, sub))
				al_strmap_set(ctx->lines, sub,
				              (void *)(uintptr_t)al_node_line(kids[i]));
			cJSON_AddItemToArray(arr, ts_node_is_null(c) ? cJSON_CreateNull()
			                                             : node_to_json(ctx, c, sub));
			free(sub);
		}
		free(kids);
		return arr;
	}
	char *text = scalar_text(node, ctx->src);
	cJSON *v = ctx->flags & AL_YAML_TYPED && strcmp(t, "plain_scalar") == 0
	               ? typed_scalar(ts_node_named_child(node, 0), text)
	               : cJSON_CreateString(text);
	free(text);
	return v;
}

int al_yaml_parse(cJSON **out, al_strmap *lines, TSParser *parser, const char *path,
                  const char *source, size_t len, unsigned flags)
{
	*out = NULL;
	if (!ts_parser_set_language(parser, tree_sitter_yaml())) {
		al_error_set("%s: YAML grammar does not load", path);
		return AL_ECONFIG;
	}
	char *hazard = al_parse_hazard(source, len);
	if (hazard) {
		al_error_set("%s: not read: %s", path, hazard);
		free(hazard);
		return AL_ECONFIG;
	}
	size_t rows = len && source[len - 1] != '\n';
	for (const char *p = source; (p = memchr(p, '\n', len - (size_t)(p - source))); p++)
		rows++;
	if (rows > MAX_LINES) {
		al_error_set("%s: not read: %zu lines, over the %d the YAML reader can follow",
		             path, rows, MAX_LINES);
		return AL_ECONFIG;
	}
	TSTree *tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)len);
	if (!tree) {
		al_error_set("%s: cannot parse", path);
		return AL_ECONFIG;
	}
	TSNode root = ts_tree_root_node(tree), bad;
	if (al_node_first_error(root, &bad)) {
		TSPoint p = ts_node_start_point(bad);
		al_error_set("%s:%u:%u: invalid YAML", path, p.row + 1, p.column + 1);
		ts_tree_delete(tree);
		return AL_ECONFIG;
	}
	yaml_ctx ctx = {source, lines, flags, 0, 0, AL_JSON_TREE_INIT};
	cJSON *docs = cJSON_CreateArray();
	uint32_t n;
	TSNode *stream = al_node_children(root, 1, &n);
	int index = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (strcmp(ts_node_type(stream[i]), "document") != 0)
			continue;
		char *prefix = al_sprintf("%d", index++);
		cJSON *value = NULL;
		uint32_t m;
		TSNode *doc = al_node_children(stream[i], 1, &m);
		for (uint32_t k = 0; k < m && !value; k++) {
			const char *t = ts_node_type(doc[k]);
			if (strcmp(t, "block_node") == 0 || strcmp(t, "flow_node") == 0)
				value = node_to_json(&ctx, doc[k], prefix);
		}
		free(doc);
		cJSON_AddItemToArray(docs, value ? value : cJSON_CreateNull());
		free(prefix);
	}
	free(stream);
	al_json_tree_dispose(&ctx.tree);
	ts_tree_delete(tree);
	if (ctx.too_deep) {
		cJSON_Delete(docs);
		al_error_set("%s:%u: not read: nested deeper than %d levels", path, ctx.too_deep,
		             MAX_DEPTH);
		return AL_ECONFIG;
	}
	*out = docs;
	return 0;
}
