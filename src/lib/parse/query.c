/*
 * query.c: compiles query signals and runs them.
 *
 * All query signals of one language become one TSQuery, because one cursor pass over a
 * tree is much cheaper than one pass per signal. Many signals share a pattern's structure
 * and differ only in their predicates (a method call whose name is one of a list): each
 * distinct structure, predicates left out, is compiled once, and a match of it is checked
 * against the predicates of every signal pattern that shares it. That cuts both the
 * matches the cursor produces and the time to compile.
 *
 * Each signal's query is first checked for the shapes the library mishandles and split
 * into patterns by query_shape.c. A query that does not compile is compiled alone to
 * report its error in its own terms.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "grammars.h"
#include "json.h"
#include "query_predicate.h"
#include "query_shape.h"

/* One signal pattern with a given structure. */
typedef struct {
	al_signal *signal;
	al_vec texts;      /* char *: its predicates' source, until the query is compiled */
	al_vec predicates; /* al_predicate *, read from texts against the compiled query */
} pattern_use;

/* One structure: a pattern of the compiled query, with the signal patterns that share it. */
typedef struct {
	char *text;  /* the normalised structure, the key */
	al_vec uses; /* pattern_use * */
} structure;

struct al_query_set {
	TSQuery *query;
	al_vec structures;    /* structure *, in pattern order */
	int location_capture; /* capture id of @signal, or -1 for the first capture */
};

static const char *error_kind(TSQueryError e)
{
	switch (e) {
	case TSQueryErrorSyntax:
		return "syntax error";
	case TSQueryErrorNodeType:
		return "unknown node type";
	case TSQueryErrorField:
		return "unknown field";
	case TSQueryErrorCapture:
		return "unknown capture";
	case TSQueryErrorStructure:
		return "impossible pattern structure";
	case TSQueryErrorLanguage:
		return "grammar version mismatch";
	default:
		return "invalid query";
	}
}

/* Reports `problem` at byte `local` of signal s's own query. */
static int report_at(const al_signal *s, uint32_t local, const char *problem)
{
	unsigned line, col;
	al_text_position(s->query, local, &line, &col);
	/* A query file's positions are the file's own; a query in a JSON string (a config
	 * signal) is located within that string, never as if it were a line of the file. */
	size_t olen = strlen(s->origin);
	if (olen >= 4 && strcmp(s->origin + olen - 4, ".scm") == 0)
		al_error_set("%s:%u:%u: %s in query (offset %u)", s->origin, line, col, problem,
		             local);
	else
		al_error_set("%s: signal '%s': %s in query at line %u, column %u (offset %u)",
		             s->origin, s->id, problem, line, col, local);
	return AL_ECONFIG;
}

/* Compiles a signal's query by itself: 0, or AL_ECONFIG reporting the error tree-sitter
 * finds in it, in the signal's own terms. */
static int compile_alone(const TSLanguage *grammar, const al_signal *s)
{
	uint32_t offset;
	TSQueryError kind;
	TSQuery *q = ts_query_new(grammar, s->query, (uint32_t)strlen(s->query), &offset, &kind);
	if (!q)
		return report_at(s, offset, error_kind(kind));
	ts_query_delete(q);
	return 0;
}

/* The pattern's text without its predicates, comments and extra whitespace. */
static char *structure_text(const char *src, const al_query_pattern *p)
{
	al_buf out = AL_BUF_INIT;
	size_t next = 0; /* index of the next predicate to leave out */
	int space = 0;
	for (size_t i = p->bytes.start; i < p->bytes.end;) {
		if (next < p->predicates.len) {
			const al_query_span *skip = p->predicates.items[next];
			if (i == skip->start) {
				i = skip->end;
				next++;
				space = 1;
				continue;
			}
		}
		char c = src[i];
		if (c == ';') {
			while (i < p->bytes.end && src[i] != '\n')
				i++;
			space = 1;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		           c == '\v') {
			space = 1;
			i++;
		} else {
			char last = out.len ? out.ptr[out.len - 1] : '(';
			if (space && last != '(' && last != '[' && c != ')' && c != ']')
				al_buf_putc(&out, ' ');
			space = 0;
			size_t start = i++;
			if (c == '"') {
				while (i < p->bytes.end && src[i] != '"')
					i += src[i] == '\\' ? 2 : 1;
				i++;
			}
			al_buf_put(&out, src + start,
			           (i < p->bytes.end ? i : p->bytes.end) - start);
		}
	}
	char *s = al_buf_detach(&out);
	al_buf_dispose(&out);
	return s ? s : al_strdup("");
}

static void free_use(void *p)
{
	pattern_use *u = p;
	al_vec_dispose_with(&u->texts, free);
	al_vec_dispose_with(&u->predicates, al_predicate_free);
	free(u);
}

static void free_structure(void *p)
{
	structure *st = p;
	free(st->text);
	al_vec_dispose_with(&st->uses, free_use);
	free(st);
}

/* Adds signal s's patterns to the structures (keyed in `index`). */
static int add_signal(al_query_set *self, al_strmap *index, const TSLanguage *grammar, al_signal *s)
{
	size_t at;
	const char *problem = al_query_shape_problem(s->query, &at);
	if (problem)
		return report_at(s, (uint32_t)at, problem);
	al_vec patterns = AL_VEC_INIT;
	int err = 0;
	if (al_query_patterns(s->query, &patterns) != 0) {
		/* The reader stopped at a syntax error, which tree-sitter names. */
		err = compile_alone(grammar, s);
		if (!err) {
			al_error_set("%s: signal '%s': query syntax archlint cannot read",
			             s->origin, s->id);
			err = AL_ECONFIG;
		}
	}
	for (size_t i = 0; i < patterns.len && !err; i++) {
		const al_query_pattern *p = patterns.items[i];
		char *text = structure_text(s->query, p);
		structure *st = al_strmap_get(index, text);
		if (!st) {
			st = al_calloc(1, sizeof(*st));
			st->text = text;
			al_strmap_set(index, text, st);
			al_vec_push(&self->structures, st);
		} else {
			free(text);
		}
		pattern_use *use = al_calloc(1, sizeof(*use));
		use->signal = s;
		for (size_t k = 0; k < p->predicates.len; k++) {
			const al_query_span *span = p->predicates.items[k];
			al_vec_push(&use->texts,
			            al_strndup(s->query + span->start, span->end - span->start));
		}
		al_vec_push(&st->uses, use);
	}
	al_vec_dispose_with(&patterns, al_query_pattern_free);
	return err;
}

/* Reads every use's predicates against the compiled query. */
static int compile_predicates(al_query_set *self)
{
	for (size_t i = 0; i < self->structures.len; i++) {
		structure *st = self->structures.items[i];
		for (size_t u = 0; u < st->uses.len; u++) {
			pattern_use *use = st->uses.items[u];
			for (size_t k = 0; k < use->texts.len; k++) {
				const char *text = use->texts.items[k];
				al_predicate *p;
				int err = al_predicate_new(&p, text, strlen(text), self->query,
				                           use->signal);
				if (err)
					return err;
				al_vec_push(&use->predicates, p);
			}
			al_vec_dispose_with(&use->texts, free);
		}
	}
	return 0;
}

/* Compiles the structures as one query; a failure is reported by the signal it is in. */
static int compile_structures(al_query_set *self, const TSLanguage *grammar,
                              al_signal *const *signals, size_t n)
{
	al_buf src = AL_BUF_INIT;
	for (size_t i = 0; i < self->structures.len; i++) {
		al_buf_puts(&src, ((structure *)self->structures.items[i])->text);
		al_buf_putc(&src, '\n');
	}
	uint32_t offset;
	TSQueryError kind;
	self->query =
	    ts_query_new(grammar, src.ptr ? src.ptr : "", (uint32_t)src.len, &offset, &kind);
	al_buf_dispose(&src);
	if (!self->query) {
		for (size_t i = 0; i < n; i++) {
			int err = compile_alone(grammar, signals[i]);
			if (err)
				return err;
		}
		al_error_set("query signals: %s when compiled together", error_kind(kind));
		return AL_ECONFIG;
	}
	if (ts_query_pattern_count(self->query) != self->structures.len) {
		al_error_set("query signals: %u patterns compiled from %zu structures",
		             ts_query_pattern_count(self->query), self->structures.len);
		return AL_ECONFIG;
	}
	return 0;
}

int al_query_set_new(al_query_set **out, al_language lang, al_signal *const *signals, size_t n)
{
	const TSLanguage *grammar = al_grammar_for(lang);
	al_query_set *self = al_calloc(1, sizeof(*self));
	self->location_capture = -1;
	*out = self;
	al_strmap index = AL_STRMAP_INIT; /* structure text -> structure *, borrowed */
	int err = 0;
	for (size_t i = 0; i < n && !err; i++)
		err = add_signal(self, &index, grammar, signals[i]);
	al_strmap_dispose(&index);
	if (!err && self->structures.len)
		err = compile_structures(self, grammar, signals, n);
	if (!err && self->query) {
		for (uint32_t c = 0; c < ts_query_capture_count(self->query); c++) {
			uint32_t len;
			const char *name = ts_query_capture_name_for_id(self->query, c, &len);
			if (len == 6 && strncmp(name, "signal", 6) == 0)
				self->location_capture = (int)c;
		}
		err = compile_predicates(self);
	}
	if (err) {
		al_query_set_free(self);
		*out = NULL;
	}
	return err;
}

void al_query_set_free(al_query_set *self)
{
	if (!self)
		return;
	al_vec_dispose_with(&self->structures, free_structure);
	if (self->query)
		ts_query_delete(self->query);
	free(self);
}

static int holds(const pattern_use *use, const TSQueryMatch *m, const char *source)
{
	for (size_t i = 0; i < use->predicates.len; i++)
		if (!al_predicate_holds(use->predicates.items[i], m, source))
			return 0;
	return 1;
}

void al_query_set_run(const al_query_set *self, TSQueryCursor *cursor, TSNode root,
                      const char *source, al_query_hit_fn hit, void *ctx)
{
	if (!self || !self->query)
		return;
	ts_query_cursor_exec(cursor, self->query, root);
	TSQueryMatch m;
	while (ts_query_cursor_next_match(cursor, &m)) {
		if (m.capture_count == 0)
			continue;
		TSNode at = m.captures[0].node;
		for (uint16_t i = 0; i < m.capture_count && self->location_capture >= 0; i++)
			if (m.captures[i].index == (uint32_t)self->location_capture)
				at = m.captures[i].node;
		const structure *st = self->structures.items[m.pattern_index];
		unsigned line = 0;
		for (size_t u = 0; u < st->uses.len; u++) {
			const pattern_use *use = st->uses.items[u];
			if (!holds(use, &m, source))
				continue;
			if (!line)
				line = al_node_line(at);
			hit(use->signal, line, ctx);
		}
	}
}
