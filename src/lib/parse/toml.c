/*
 * toml.c: converts a tree-sitter TOML tree into cJSON. Only what Cargo manifests use
 * needs to be exact (strings, booleans, arrays, inline tables, tables, arrays of tables);
 * numbers and dates are kept as numbers or their text.
 */
#include "toml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammars.h"
#include "json_tree.h"

typedef struct {
	const char *src;
	al_strmap *lines;
	al_json_tree tree; /* every table and array of tables goes through it */
} toml_ctx;

/* Decodes a basic string's escapes (\n, \t, \", \\, \uXXXX kept as UTF-8). */
static void decode_basic(al_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			al_buf_putc(out, s[i]);
			continue;
		}
		char c = s[++i];
		switch (c) {
		case 'n':
			al_buf_putc(out, '\n');
			break;
		case 't':
			al_buf_putc(out, '\t');
			break;
		case 'r':
			al_buf_putc(out, '\r');
			break;
		case 'b':
			al_buf_putc(out, '\b');
			break;
		case 'f':
			al_buf_putc(out, '\f');
			break;
		case 'u':
		case 'U': {
			size_t digits = c == 'u' ? 4 : 8;
			unsigned long cp = 0;
			size_t k = 0;
			for (; k < digits && i + 1 < n; k++) {
				char h = s[i + 1];
				int v = h >= '0' && h <= '9'   ? h - '0'
				        : h >= 'a' && h <= 'f' ? h - 'a' + 10
				        : h >= 'A' && h <= 'F' ? h - 'A' + 10
				                               : -1;
				if (v < 0)
					break;
				cp = cp * 16 + (unsigned long)v;
				i++;
			}
			if (cp < 0x80) {
				al_buf_putc(out, (char)cp);
			} else if (cp < 0x800) {
				al_buf_putc(out, (char)(0xC0 | (cp >> 6)));
				al_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
			} else if (cp < 0x10000) {
				al_buf_putc(out, (char)(0xE0 | (cp >> 12)));
				al_buf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
				al_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
			} else {
				al_buf_putc(out, (char)(0xF0 | ((cp >> 18) & 0x07)));
				al_buf_putc(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
				al_buf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
				al_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
			}
			break;
		}
		case '\n':
		case ' ':
		case '\t':
		case '\r':
			/* Line-ending backslash in a multi-line string: trim following space. */
			while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t' ||
			                     s[i + 1] == '\n' || s[i + 1] == '\r'))
				i++;
			break;
		default:
			al_buf_putc(out, c);
			break;
		}
	}
}

/* The value of a string or quoted_key node, quotes removed and escapes decoded. */
static char *string_value(TSNode node, const char *src)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
	const char *s = src + start;
	size_t n = end - start;
	al_buf out = AL_BUF_INIT;
	int literal = n && s[0] == '\'';
	size_t q = (n >= 6 && (strncmp(s, "\"\"\"", 3) == 0 || strncmp(s, "'''", 3) == 0)) ? 3 : 1;
	if (n < 2 * q) {
		al_buf_put(&out, s, n);
		return al_buf_detach(&out);
	}
	s += q;
	n -= 2 * q;
	if (q == 3 && n && s[0] == '\n') {
		s++;
		n--;
	}
	if (literal)
		al_buf_put(&out, s, n);
	else
		decode_basic(&out, s, n);
	return al_buf_detach(&out);
}

static void key_parts(TSNode node, const char *src, al_vec *parts)
{
	const char *type = ts_node_type(node);
	if (strcmp(type, "dotted_key") == 0) {
		uint32_t n;
		TSNode *kids = al_node_children(node, 1, &n);
		for (uint32_t i = 0; i < n; i++)
			key_parts(kids[i], src, parts);
		free(kids);
	} else if (strcmp(type, "quoted_key") == 0) {
		al_vec_push(parts, string_value(node, src));
	} else {
		al_vec_push(parts, al_node_text(node, src));
	}
}

static int is_key(TSNode node)
{
	const char *t = ts_node_type(node);
	return strcmp(t, "bare_key") == 0 || strcmp(t, "dotted_key") == 0 ||
	       strcmp(t, "quoted_key") == 0;
}

/* Records the line of prefix.parts[0..n) and of every shorter dotted prefix of it, so
 * `tokio.workspace = true` gives `dependencies.tokio` a line too. */
static void record_line(toml_ctx *ctx, const char *prefix, al_vec *parts, size_t n, TSNode at)
{
	if (!ctx->lines)
		return;
	al_buf key = AL_BUF_INIT;
	al_buf_puts(&key, prefix);
	for (size_t i = 0; i < n; i++) {
		if (key.len)
			al_buf_putc(&key, '.');
		al_buf_puts(&key, parts->items[i]);
		if (!al_strmap_has(ctx->lines, key.ptr))
			al_strmap_set(ctx->lines, key.ptr, (void *)(uintptr_t)al_node_line(at));
	}
	al_buf_dispose(&key);
}

/* Descends into table by the given key parts, creating objects; an array of tables
 * descends into its last element. Returns NULL when a part names a non-table value. */
static cJSON *descend(toml_ctx *ctx, cJSON *table, al_vec *parts, size_t n, al_buf *path)
{
	for (size_t i = 0; i < n && table; i++) {
		const char *k = parts->items[i];
		cJSON *next = al_json_tree_get(&ctx->tree, table, k);
		if (!next) {
			next = al_json_tree_set(&ctx->tree, table, k, cJSON_CreateObject());
		} else if (cJSON_IsArray(next)) {
			int size = (int)al_json_tree_size(&ctx->tree, next);
			if (path) {
				if (path->len)
					al_buf_putc(path, '.');
				al_buf_printf(path, "%s.%d", k, size - 1);
			}
			next = size ? al_json_tree_last(&ctx->tree, next) : NULL;
			if (next && !cJSON_IsObject(next))
				next = NULL;
			table = next;
			continue;
		} else if (!cJSON_IsObject(next)) {
			return NULL;
		}
		if (path) {
			if (path->len)
				al_buf_putc(path, '.');
			al_buf_puts(path, k);
		}
		table = next;
	}
	return table;
}

static cJSON *value_to_json(toml_ctx *ctx, TSNode node, const char *prefix);

static void add_pair(toml_ctx *ctx, cJSON *table, TSNode pair, const char *prefix)
{
	al_vec parts = AL_VEC_INIT;
	TSNode key = ts_node_named_child(pair, 0);
	TSNode value = ts_node_named_child(pair, 1);
	if (ts_node_is_null(key) || ts_node_is_null(value) || !is_key(key)) {
		al_vec_dispose(&parts);
		return;
	}
	key_parts(key, ctx->src, &parts);
	record_line(ctx, prefix, &parts, parts.len, pair);
	al_buf sub = AL_BUF_INIT;
	al_buf_puts(&sub, prefix);
	cJSON *parent = descend(ctx, table, &parts, parts.len - 1, &sub);
	if (parent) {
		const char *last = parts.items[parts.len - 1];
		if (sub.len)
			al_buf_putc(&sub, '.');
		al_buf_puts(&sub, last);
		al_json_tree_set(&ctx->tree, parent, last, value_to_json(ctx, value, sub.ptr));
	}
	al_buf_dispose(&sub);
	al_vec_dispose_with(&parts, free);
}

static cJSON *value_to_json(toml_ctx *ctx, TSNode node, const char *prefix)
{
	const char *t = ts_node_type(node);
	if (strcmp(t, "string") == 0) {
		char *s = string_value(node, ctx->src);
		cJSON *v = cJSON_CreateString(s);
		free(s);
		return v;
	}
	if (strcmp(t, "boolean") == 0) {
		char *s = al_node_text(node, ctx->src);
		cJSON *v = cJSON_CreateBool(strcmp(s, "true") == 0);
		free(s);
		return v;
	}
	if (strcmp(t, "integer") == 0 || strcmp(t, "float") == 0) {
		char *s = al_node_text(node, ctx->src);
		cJSON *v = cJSON_CreateNumber(strtod(s, NULL));
		free(s);
		return v;
	}
	if (strcmp(t, "array") == 0) {
		cJSON *arr = cJSON_CreateArray();
		uint32_t n;
		TSNode *kids = al_node_children(node, 1, &n);
		for (uint32_t i = 0; i < n; i++)
			if (strcmp(ts_node_type(kids[i]), "comment") != 0)
				cJSON_AddItemToArray(arr, value_to_json(ctx, kids[i], prefix));
		free(kids);
		return arr;
	}
	if (strcmp(t, "inline_table") == 0) {
		cJSON *obj = cJSON_CreateObject();
		uint32_t n;
		TSNode *kids = al_node_children(node, 1, &n);
		for (uint32_t i = 0; i < n; i++)
			if (strcmp(ts_node_type(kids[i]), "pair") == 0)
				add_pair(ctx, obj, kids[i], prefix);
		free(kids);
		return obj;
	}
	char *s = al_node_text(node, ctx->src); /* dates and times: keep the text */
	cJSON *v = cJSON_CreateString(s);
	free(s);
	return v;
}

static void add_table(toml_ctx *ctx, cJSON *root, TSNode table, int is_array)
{
	uint32_t n;
	TSNode *kids = al_node_children(table, 1, &n);
	al_vec parts = AL_VEC_INIT;
	uint32_t i = 0;
	for (; i < n; i++) {
		if (is_key(kids[i])) {
			key_parts(kids[i], ctx->src, &parts);
			i++;
			break;
		}
	}
	if (!parts.len)
		goto done;
	record_line(ctx, "", &parts, parts.len, table);
	al_buf path = AL_BUF_INIT;
	cJSON *parent = descend(ctx, root, &parts, parts.len - 1, &path);
	cJSON *target = NULL;
	const char *last = parts.items[parts.len - 1];
	if (parent) {
		cJSON *existing = al_json_tree_get(&ctx->tree, parent, last);
		if (path.len)
			al_buf_putc(&path, '.');
		al_buf_puts(&path, last);
		if (is_array) {
			if (!existing || !cJSON_IsArray(existing))
				existing =
				    al_json_tree_set(&ctx->tree, parent, last, cJSON_CreateArray());
			al_buf_printf(&path, ".%d", (int)al_json_tree_size(&ctx->tree, existing));
			target = al_json_tree_append(&ctx->tree, existing, cJSON_CreateObject());
		} else if (existing && cJSON_IsObject(existing)) {
			target = existing;
		} else if (existing && cJSON_IsArray(existing)) {
			int size = (int)al_json_tree_size(&ctx->tree, existing);
			al_buf_printf(&path, ".%d", size - 1);
			target = size ? al_json_tree_last(&ctx->tree, existing) : NULL;
		} else if (!existing) {
			target = al_json_tree_set(&ctx->tree, parent, last, cJSON_CreateObject());
		}
	}
	if (target && ctx->lines && path.ptr && !al_strmap_has(ctx->lines, path.ptr))
		al_strmap_set(ctx->lines, path.ptr, (void *)(uintptr_t)al_node_line(table));
	if (target) {
		for (; i < n; i++)
			if (strcmp(ts_node_type(kids[i]), "pair") == 0)
				add_pair(ctx, target, kids[i], path.ptr ? path.ptr : "");
	}
	al_buf_dispose(&path);
done:
	al_vec_dispose_with(&parts, free);
	free(kids);
}

int al_toml_parse(cJSON **out, al_strmap *lines, TSParser *parser, const char *path,
                  const char *source, size_t len)
{
	*out = NULL;
	if (!ts_parser_set_language(parser, tree_sitter_toml())) {
		al_error_set("%s: TOML grammar does not load", path);
		return AL_ECONFIG;
	}
	char *hazard = al_parse_hazard(source, len);
	if (hazard) {
		al_error_set("%s: not read: %s", path, hazard);
		free(hazard);
		return AL_ECONFIG;
	}
	TSTree *tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)len);
	if (!tree) {
		al_error_set("%s: cannot parse", path);
		return AL_ECONFIG;
	}
	TSNode root = ts_tree_root_node(tree);
	TSNode bad;
	if (al_node_first_error(root, &bad)) {
		TSPoint p = ts_node_start_point(bad);
		al_error_set("%s:%u:%u: invalid TOML", path, p.row + 1, p.column + 1);
		ts_tree_delete(tree);
		return AL_ECONFIG;
	}
	toml_ctx ctx = {source, lines, AL_JSON_TREE_INIT};
	cJSON *doc = cJSON_CreateObject();
	uint32_t n;
	TSNode *kids = al_node_children(root, 1, &n);
	for (uint32_t i = 0; i < n; i++) {
		const char *t = ts_node_type(kids[i]);
		if (strcmp(t, "pair") == 0)
			add_pair(&ctx, doc, kids[i], "");
		else if (strcmp(t, "table") == 0)
			add_table(&ctx, doc, kids[i], 0);
		else if (strcmp(t, "table_array_element") == 0)
			add_table(&ctx, doc, kids[i], 1);
	}
	free(kids);
	al_json_tree_dispose(&ctx.tree);
	ts_tree_delete(tree);
	*out = doc;
	return 0;
}
