/*
 * extract.c: the per-file extractor. One parse per file; Go facts come from walking the
 * top-level nodes (package clause, imports, func main, build constraints and directives in
 * the leading comments), signals from the language's combined query. Rust `#[cfg(test)]`
 * modules are left out of the parse, as Go's _test.go files are left out of the scan.
 */
#define _GNU_SOURCE /* memmem */
#include "extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "directive.h"
#include "go_head.h"
#include "grammars.h"
#include "rust_cfg_test.h"

void al_extractor_init(al_extractor *self)
{
	self->parser = ts_parser_new();
	self->cursor = ts_query_cursor_new();
}

void al_extractor_release(al_extractor *self)
{
	ts_parser_delete(self->parser);
	ts_query_cursor_delete(self->cursor);
	self->parser = NULL;
	self->cursor = NULL;
}

static void free_import(void *p)
{
	al_import *i = p;
	free(i->path);
	free(i);
}

void al_file_facts_free(al_file_facts *facts)
{
	if (!facts)
		return;
	free(facts->skipped);
	free(facts->package);
	free(facts->role_directive);
	al_vec_dispose_with(&facts->imports, free_import);
	al_vec_dispose_with(&facts->cgo_libs, free_import);
	al_vec_dispose_with(&facts->ignores, free_import);
	al_vec_dispose_with(&facts->near_misses, free_import);
	al_vec_dispose_with(&facts->hits, free);
	free(facts);
}

/*
 * A small evaluator for //go:build expressions. A file is build-ignored when no
 * assignment of its tags satisfies the constraint with the tag "ignore" false (GOOS and
 * GOARCH tags are not ignored: some build has them).
 */
#define MAX_TAGS 12

typedef struct {
	const char *p;
	int bad;
	char tags[MAX_TAGS][32];
	int ntags;
	unsigned mask;
} expr_state;

static void skip_ws(expr_state *st)
{
	while (*st->p == ' ' || *st->p == '\t')
		st->p++;
}

static int parse_or(expr_state *st);

static int tag_value(expr_state *st, const char *name, size_t n)
{
	if (n == 6 && strncmp(name, "ignore", 6) == 0)
		return 0;
	for (int i = 0; i < st->ntags; i++)
		if (strlen(st->tags[i]) == n && strncmp(st->tags[i], name, n) == 0)
			return (st->mask >> i) & 1;
	if (st->ntags == MAX_TAGS || n >= sizeof(st->tags[0])) {
		st->bad = 1; /* too many tags to enumerate: assume some build includes it */
		return 1;
	}
	memcpy(st->tags[st->ntags], name, n);
	st->tags[st->ntags][n] = '\0';
	return (st->mask >> st->ntags++) & 1;
}

static int parse_atom(expr_state *st)
{
	skip_ws(st);
	if (*st->p == '!') {
		st->p++;
		return !parse_atom(st);
	}
	if (*st->p == '(') {
		st->p++;
		int v = parse_or(st);
		skip_ws(st);
		if (*st->p == ')')
			st->p++;
		else
			st->bad = 1;
		return v;
	}
	const char *start = st->p;
	while ((*st->p >= 'a' && *st->p <= 'z') || (*st->p >= 'A' && *st->p <= 'Z') ||
	       (*st->p >= '0' && *st->p <= '9') || *st->p == '_' || *st->p == '.')
		st->p++;
	if (st->p == start) {
		st->bad = 1;
		return 1;
	}
	return tag_value(st, start, (size_t)(st->p - start));
}

static int parse_and(expr_state *st)
{
	int v = parse_atom(st);
	for (;;) {
		skip_ws(st);
		if (st->p[0] != '&' || st->p[1] != '&')
			return v;
		st->p += 2;
		v = parse_atom(st) && v;
	}
}

static int parse_or(expr_state *st)
{
	int v = parse_and(st);
	for (;;) {
		skip_ws(st);
		if (st->p[0] != '|' || st->p[1] != '|')
			return v;
		st->p += 2;
		v = parse_and(st) || v;
	}
}

int al_go_build_expr_allows(const char *expr)
{
	expr_state st;
	memset(&st, 0, sizeof(st));
	for (unsigned mask = 0;; mask++) {
		st.p = expr;
		st.mask = mask;
		int v = parse_or(&st);
		skip_ws(&st);
		if (st.bad || *st.p != '\0' || v)
			return 1;
		if (mask + 1 >= (1u << st.ntags))
			return 0;
	}
}

/* Old-style "// +build a,b c": space means OR, comma AND; turned into a //go:build form. */
static int plus_build_allows(const char *line)
{
	al_buf expr = AL_BUF_INIT;
	for (const char *p = line; *p; p++) {
		if (*p == ',')
			al_buf_puts(&expr, " && ");
		else if (*p == ' ' && p[1] && p[1] != ' ' && expr.len)
			al_buf_puts(&expr, " || ");
		else if (*p != ' ' && *p != '\r')
			al_buf_putc(&expr, *p);
	}
	int ok = al_go_build_expr_allows(al_buf_cstr(&expr));
	al_buf_dispose(&expr);
	return ok;
}

static void go_leading_comment(al_file_facts *f, const char *text, unsigned line)
{
	if (strncmp(text, "//go:build ", 11) == 0) {
		if (!al_go_build_expr_allows(text + 11))
			f->build_ignored = 1;
	} else if (strncmp(text, "// +build ", 10) == 0) {
		if (!plus_build_allows(text + 10))
			f->build_ignored = 1;
	} else if (strncmp(text, "// Code generated ", 18) == 0 && strstr(text, "DO NOT EDIT")) {
		f->generated = 1;
	}
	(void)line;
}

static void go_directive(al_file_facts *f, const char *text, unsigned line)
{
	const char *d = "//archlint:role ";
	if (strncmp(text, d, strlen(d)) != 0 || f->role_directive)
		return;
	const char *v = text + strlen(d);
	while (*v == ' ')
		v++;
	size_t n = strcspn(v, " \t\r");
	f->role_directive = al_strndup(v, n);
	f->directive_line = line;
}

static char *unquote_go_string(const char *s)
{
	size_t n = strlen(s);
	if (n >= 2 && (s[0] == '"' || s[0] == '`'))
		return al_strndup(s + 1, n - 2);
	return al_strdup(s);
}

static void go_import_spec(al_file_facts *f, TSNode spec, const char *source)
{
	TSNode path = ts_node_child_by_field_name(spec, "path", 4);
	if (ts_node_is_null(path))
		return;
	char *raw = al_node_text(path, source);
	al_import *imp = al_calloc(1, sizeof(*imp));
	imp->path = unquote_go_string(raw);
	imp->line = al_node_line(path);
	free(raw);
	al_vec_push(&f->imports, imp);
}

static void go_imports(al_file_facts *f, TSNode decl, const char *source)
{
	uint32_t n = ts_node_named_child_count(decl);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(decl, i);
		const char *t = ts_node_type(c);
		if (strcmp(t, "import_spec") == 0)
			go_import_spec(f, c, source);
		else if (strcmp(t, "import_spec_list") == 0)
			go_imports(f, c, source);
	}
}

static int is_named(TSNode node, const char *field, const char *source, const char *want)
{
	TSNode name = ts_node_child_by_field_name(node, field, (uint32_t)strlen(field));
	if (ts_node_is_null(name))
		return 0;
	uint32_t s = ts_node_start_byte(name), e = ts_node_end_byte(name);
	return strlen(want) == e - s && memcmp(source + s, want, e - s) == 0;
}

/* True when a function's body holds nothing but comments. */
static int body_is_empty(TSNode fn)
{
	TSNode body = ts_node_child_by_field_name(fn, "body", 4);
	if (ts_node_is_null(body))
		return 1;
	uint32_t n = ts_node_named_child_count(body);
	for (uint32_t i = 0; i < n; i++) {
		const char *t = ts_node_type(ts_node_named_child(body, i));
		if (strcmp(t, "comment") != 0 && strcmp(t, "line_comment") != 0 &&
		    strcmp(t, "block_comment") != 0)
			return 0;
	}
	return 1;
}

/* "#cgo [GOOS] LDFLAGS: -L... -lNAME" lines of a comment: the libraries cgo links. */
static void go_cgo_libs(al_file_facts *f, const char *text, unsigned line)
{
	const char *p = text;
	for (unsigned l = line; p && *p; l++) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char *row = al_strndup(p, n);
		const char *flags = strstr(row, "#cgo") ? strstr(row, "LDFLAGS:") : NULL;
		for (const char *t = flags ? flags + 8 : NULL; t && *t;) {
			while (*t == ' ' || *t == '\t' || *t == '\r')
				t++;
			size_t len = strcspn(t, " \t\r");
			if (len > 2 && t[0] == '-' && t[1] == 'l') {
				al_import *lib = al_calloc(1, sizeof(*lib));
				lib->path = al_strndup(t + 2, len - 2);
				lib->line = l;
				al_vec_push(&f->cgo_libs, lib);
			}
			t += len;
		}
		free(row);
		p = eol ? eol + 1 : NULL;
	}
}

static void go_facts(al_file_facts *f, TSNode root, const char *source)
{
	int before_package = 1;
	uint32_t n = ts_node_named_child_count(root);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(root, i);
		const char *t = ts_node_type(c);
		if (strcmp(t, "comment") == 0) {
			char *text = al_node_text(c, source);
			size_t len = strlen(text);
			while (len && (text[len - 1] == '\r' || text[len - 1] == ' '))
				text[--len] = '\0'; /* CRLF files */
			if (before_package)
				go_leading_comment(f, text, al_node_line(c));
			go_directive(f, text, al_node_line(c));
			if (strstr(text, "#cgo"))
				go_cgo_libs(f, text, al_node_line(c));
			free(text);
		} else if (strcmp(t, "package_clause") == 0) {
			before_package = 0;
			TSNode id = ts_node_named_child(c, 0);
			if (!ts_node_is_null(id) && !f->package)
				f->package = al_node_text(id, source);
		} else if (strcmp(t, "import_declaration") == 0) {
			go_imports(f, c, source);
		} else if (strcmp(t, "function_declaration") == 0 && !f->main_line &&
		           is_named(c, "name", source, "main")) {
			f->main_line = al_node_line(c);
			f->empty_main = body_is_empty(c);
		}
	}
}

static void rust_facts(al_file_facts *f, TSNode root, const char *source)
{
	uint32_t n = ts_node_named_child_count(root);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(root, i);
		const char *t = ts_node_type(c);
		if (strcmp(t, "function_item") == 0 && !f->main_line &&
		    is_named(c, "name", source, "main")) {
			f->main_line = al_node_line(c);
			f->empty_main = body_is_empty(c);
		} else if (i < 3 &&
		           (strcmp(t, "line_comment") == 0 || strcmp(t, "block_comment") == 0)) {
			char *text = al_node_text(c, source);
			if (strstr(text, "@generated"))
				f->generated = 1;
			free(text);
		}
	}
}

typedef struct {
	al_file_facts *facts;
} hit_ctx;

static void on_hit(const al_signal *signal, unsigned line, void *p)
{
	hit_ctx *ctx = p;
	al_vec *hits = &ctx->facts->hits;
	for (size_t i = 0; i < hits->len; i++) {
		al_hit *h = hits->items[i];
		if (h->signal == signal) {
			h->count++;
			if (line < h->line)
				h->line = line;
			return;
		}
	}
	al_hit *h = al_calloc(1, sizeof(*h));
	h->signal = signal;
	h->line = line;
	h->count = 1;
	al_vec_push(hits, h);
}

static int cmp_hit(const void *a, const void *b)
{
	const al_hit *x = *(al_hit *const *)a, *y = *(al_hit *const *)b;
	return x->signal->index < y->signal->index ? -1 : x->signal->index > y->signal->index;
}

/* Every comment of the tree that is an inline suppression, "//archlint:ignore RULE -- why"
 * (suppress.c applies them), or nearly an archlint directive (directive.h): collected here,
 * so the one parse of the file finds them. */
static void collect_directives(al_file_facts *f, TSNode root, const char *source)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&cur);
		const char *type = ts_node_type(node);
		if (strcmp(type, "comment") == 0 || strcmp(type, "line_comment") == 0) {
			char *text = al_node_text(node, source);
			text[strcspn(text, "\r\n")] = '\0';
			const char *after = text + strlen(AL_IGNORE_DIRECTIVE);
			size_t head_len;
			al_vec *into = NULL;
			if (strncmp(text, AL_IGNORE_DIRECTIVE, strlen(AL_IGNORE_DIRECTIVE)) == 0 &&
			    (*after == '\0' || isspace((unsigned char)*after)))
				into = &f->ignores;
			else if (al_directive_near_miss(text, f->language, &head_len))
				into = &f->near_misses;
			if (into) {
				al_import *d = al_calloc(1, sizeof(*d));
				d->path = text;
				d->line = al_node_line(node);
				al_vec_push(into, d);
			} else {
				free(text);
			}
		}
		if (ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur))
			if (!ts_tree_cursor_goto_parent(&cur))
				goto walked;
	}
walked:
	ts_tree_cursor_delete(&cur);
}

/* Parses a file: of a generated Go file its head, of a Rust file all but its test modules
 * (positions stay the file's own). */
static TSTree *parse(TSParser *parser, al_language lang, const char *source, size_t len)
{
	if (lang == AL_LANG_GO)
		return ts_parser_parse_string(parser, NULL, source,
		                              (uint32_t)al_go_head_length(source, len));
	uint32_t n = 0;
	TSRange *ranges = al_rust_cfg_test_ranges(source, len, &n);
	if (!ranges)
		return ts_parser_parse_string(parser, NULL, source, (uint32_t)len);
	/* With no range left the file is all test code: there is nothing to parse. */
	uint32_t parse_len = n ? (uint32_t)len : 0;
	int limited = n && ts_parser_set_included_ranges(parser, ranges, n);
	TSTree *tree = ts_parser_parse_string(parser, NULL, source, parse_len);
	if (limited)
		ts_parser_set_included_ranges(parser, NULL, 0);
	free(ranges);
	return tree;
}

int al_extract_file(al_file_facts **out, al_extractor *ex, const al_ruleset *rules,
                    al_language lang, const char *path, const char *source, size_t len)
{
	al_file_facts *f = al_calloc(1, sizeof(*f));
	f->language = lang;
	*out = f;
	if (!ts_parser_set_language(ex->parser, al_grammar_for(lang))) {
		al_error_set("%s: grammar does not load", path);
		return AL_ECONFIG;
	}
	char *hazard = al_parse_hazard(source, len);
	if (hazard) {
		f->skipped = al_sprintf("skipped: %s", hazard);
		free(hazard);
		return 0;
	}
	TSTree *tree = parse(ex->parser, lang, source, len);
	if (!tree) {
		al_error_set("%s: could not be parsed", path);
		return AL_EREPO;
	}
	TSNode root = ts_tree_root_node(tree);
	f->parse_errors = ts_node_has_error(root);
	if (lang == AL_LANG_GO)
		go_facts(f, root, source);
	else
		rust_facts(f, root, source);
	/* Patterns in generated code say what the generator does, not what the service does:
	 * generated files keep their imports and package facts but are not queried. */
	hit_ctx ctx = {f};
	if (!f->generated)
		al_ruleset_run_queries(rules, lang, ex->cursor, root, source, on_hit, &ctx);
	al_vec_sort(&f->hits, cmp_hit);
	if (memmem(source, len, "rchlint", 7))
		collect_directives(f, root, source);
	ts_tree_delete(tree);
	return 0;
}
