/*
 * query.c: compiles query signals and runs them.
 *
 * All query signals of one language are concatenated into one TSQuery, because one cursor
 * pass over a tree is much cheaper than one pass per signal. Pattern i, and a compile
 * error's offset, map back to their signal (and its file) through the byte offsets where
 * each signal's source starts in the concatenation. Each signal's query is first checked
 * for the shapes the library mishandles (query_shape.c).
 */
#include "query.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "grammars.h"
#include "json.h"
#include "query_shape.h"

typedef enum { PRED_EQ, PRED_MATCH, PRED_ANY_OF } pred_op;

typedef struct {
	pred_op op;
	int negate;
	uint32_t capture;
	int other_is_capture; /* #eq? @a @b */
	uint32_t other_capture;
	al_vec values; /* char *: literal(s) */
	regex_t re;
	int has_re;
} predicate;

typedef struct {
	al_signal *signal;
	al_vec predicates; /* predicate * */
	int location_capture; /* capture id of @signal, or -1 for the first capture */
} pattern_info;

struct al_query_set {
	TSQuery *query;
	uint32_t pattern_count;
	pattern_info *patterns;
};

static const char *error_kind(TSQueryError e)
{
	switch (e) {
	case TSQueryErrorSyntax: return "syntax error";
	case TSQueryErrorNodeType: return "unknown node type";
	case TSQueryErrorField: return "unknown field";
	case TSQueryErrorCapture: return "unknown capture";
	case TSQueryErrorStructure: return "impossible pattern structure";
	case TSQueryErrorLanguage: return "grammar version mismatch";
	default: return "invalid query";
	}
}

static void free_predicate(void *p)
{
	predicate *pr = p;
	al_vec_dispose_with(&pr->values, free);
	if (pr->has_re)
		regfree(&pr->re);
	free(pr);
}

/* Compiles the predicates of one pattern; returns 0 or AL_ECONFIG naming origin. */
static int compile_predicates(TSQuery *q, uint32_t pattern, pattern_info *info)
{
	uint32_t n = 0;
	const TSQueryPredicateStep *steps = ts_query_predicates_for_pattern(q, pattern, &n);
	uint32_t i = 0;
	while (i < n) {
		uint32_t start = i;
		while (i < n && steps[i].type != TSQueryPredicateStepTypeDone)
			i++;
		uint32_t end = i++; /* steps[start..end) is one predicate */
		if (end == start)
			continue;
		uint32_t len;
		if (steps[start].type != TSQueryPredicateStepTypeString) {
			al_error_set("%s: signal '%s': predicate without a name", info->signal->origin,
				     info->signal->id);
			return AL_ECONFIG;
		}
		const char *name = ts_query_string_value_for_id(q, steps[start].value_id, &len);
		predicate *pr = al_calloc(1, sizeof(*pr));
		const char *base = name;
		if (strncmp(base, "not-", 4) == 0) {
			pr->negate = 1;
			base += 4;
		}
		if (strcmp(base, "eq?") == 0)
			pr->op = PRED_EQ;
		else if (strcmp(base, "match?") == 0)
			pr->op = PRED_MATCH;
		else if (strcmp(base, "any-of?") == 0)
			pr->op = PRED_ANY_OF;
		else {
			al_error_set("%s: signal '%s': unsupported predicate '#%s'",
				     info->signal->origin, info->signal->id, name);
			free_predicate(pr);
			return AL_ECONFIG;
		}
		if (end - start < 3 || steps[start + 1].type != TSQueryPredicateStepTypeCapture ||
		    (pr->op != PRED_ANY_OF && end - start != 3)) {
			al_error_set("%s: signal '%s': '#%s' takes a capture and %s",
				     info->signal->origin, info->signal->id, name,
				     pr->op == PRED_ANY_OF ? "values" : "one value");
			free_predicate(pr);
			return AL_ECONFIG;
		}
		pr->capture = steps[start + 1].value_id;
		for (uint32_t k = start + 2; k < end; k++) {
			if (steps[k].type == TSQueryPredicateStepTypeCapture) {
				if (pr->op != PRED_EQ) {
					al_error_set("%s: signal '%s': '#%s' compares with strings only",
						     info->signal->origin, info->signal->id, name);
					free_predicate(pr);
					return AL_ECONFIG;
				}
				pr->other_is_capture = 1;
				pr->other_capture = steps[k].value_id;
			} else {
				const char *v = ts_query_string_value_for_id(q, steps[k].value_id, &len);
				al_vec_push(&pr->values, al_strndup(v, len));
			}
		}
		if (pr->op == PRED_MATCH) {
			int rc = regcomp(&pr->re, pr->values.items[0], REG_EXTENDED | REG_NOSUB);
			if (rc != 0) {
				char msg[128];
				regerror(rc, &pr->re, msg, sizeof(msg));
				al_error_set("%s: signal '%s': invalid regular expression \"%s\": %s",
					     info->signal->origin, info->signal->id,
					     (char *)pr->values.items[0], msg);
				free_predicate(pr);
				return AL_ECONFIG;
			}
			pr->has_re = 1;
		}
		al_vec_push(&info->predicates, pr);
	}
	return 0;
}

/* Index of the signal whose source holds byte `at` of the concatenated queries. */
static size_t signal_at(const size_t *starts, size_t n, uint32_t at)
{
	size_t k = 0;
	while (k + 1 < n && starts[k + 1] <= at)
		k++;
	return k;
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

/* Refuses a query shape the tree-sitter library would mishandle (see query_shape.c). */
static int check_shapes(al_signal *const *signals, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t at;
		const char *problem = al_query_shape_problem(signals[i]->query, &at);
		if (problem)
			return report_at(signals[i], (uint32_t)at, problem);
	}
	return 0;
}

int al_query_set_new(al_query_set **out, al_language lang, al_signal *const *signals, size_t n)
{
	*out = NULL;
	int err = check_shapes(signals, n);
	if (err)
		return err;
	const TSLanguage *grammar = al_grammar_for(lang);
	al_buf src = AL_BUF_INIT;
	size_t *starts = al_calloc(n + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		starts[i] = src.len;
		al_buf_puts(&src, signals[i]->query);
		al_buf_putc(&src, '\n');
	}
	al_query_set *self = al_calloc(1, sizeof(*self));
	*out = self;
	if (n == 0)
		goto done;
	uint32_t offset;
	TSQueryError kind;
	self->query = ts_query_new(grammar, src.ptr, (uint32_t)src.len, &offset, &kind);
	if (!self->query) {
		size_t k = signal_at(starts, n, offset);
		err = report_at(signals[k], offset - (uint32_t)starts[k], error_kind(kind));
		goto fail;
	}
	self->pattern_count = ts_query_pattern_count(self->query);
	self->patterns = al_calloc(self->pattern_count, sizeof(pattern_info));
	int signal_capture = -1;
	for (uint32_t c = 0; c < ts_query_capture_count(self->query); c++) {
		uint32_t len;
		const char *name = ts_query_capture_name_for_id(self->query, c, &len);
		if (len == 6 && strncmp(name, "signal", 6) == 0)
			signal_capture = (int)c;
	}
	for (uint32_t p = 0; p < self->pattern_count; p++) {
		size_t k = signal_at(starts, n, ts_query_start_byte_for_pattern(self->query, p));
		self->patterns[p].signal = signals[k];
		self->patterns[p].location_capture = signal_capture;
		if ((err = compile_predicates(self->query, p, &self->patterns[p])))
			goto fail;
	}
done:
	free(starts);
	al_buf_dispose(&src);
	return 0;
fail:
	free(starts);
	al_buf_dispose(&src);
	al_query_set_free(*out);
	*out = NULL;
	return err;
}

void al_query_set_free(al_query_set *self)
{
	if (!self)
		return;
	for (uint32_t p = 0; p < self->pattern_count; p++)
		al_vec_dispose_with(&self->patterns[p].predicates, free_predicate);
	free(self->patterns);
	if (self->query)
		ts_query_delete(self->query);
	free(self);
}

static const TSNode *capture_node(const TSQueryMatch *m, uint32_t id)
{
	for (uint16_t i = 0; i < m->capture_count; i++)
		if (m->captures[i].index == id)
			return &m->captures[i].node;
	return NULL;
}

static int text_eq(TSNode node, const char *source, const char *value)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	return strlen(value) == e - s && memcmp(source + s, value, e - s) == 0;
}

static int predicate_holds(const predicate *pr, const TSQueryMatch *m, const char *source)
{
	const TSNode *node = capture_node(m, pr->capture);
	if (!node)
		return 1; /* an optional capture that did not match constrains nothing */
	int ok = 0;
	if (pr->op == PRED_EQ && pr->other_is_capture) {
		const TSNode *other = capture_node(m, pr->other_capture);
		if (!other)
			return 1;
		char *a = al_node_text(*node, source), *b = al_node_text(*other, source);
		ok = strcmp(a, b) == 0;
		free(a);
		free(b);
	} else if (pr->op == PRED_EQ) {
		ok = text_eq(*node, source, pr->values.items[0]);
	} else if (pr->op == PRED_ANY_OF) {
		for (size_t i = 0; i < pr->values.len && !ok; i++)
			ok = text_eq(*node, source, pr->values.items[i]);
	} else {
		char *text = al_node_text(*node, source);
		ok = regexec(&pr->re, text, 0, NULL, 0) == 0;
		free(text);
	}
	return pr->negate ? !ok : ok;
}

void al_query_set_run(const al_query_set *self, TSQueryCursor *cursor, TSNode root,
		      const char *source, al_query_hit_fn hit, void *ctx)
{
	if (!self || !self->query)
		return;
	ts_query_cursor_exec(cursor, self->query, root);
	TSQueryMatch m;
	while (ts_query_cursor_next_match(cursor, &m)) {
		const pattern_info *info = &self->patterns[m.pattern_index];
		int ok = 1;
		for (size_t i = 0; i < info->predicates.len && ok; i++)
			ok = predicate_holds(info->predicates.items[i], &m, source);
		if (!ok || m.capture_count == 0)
			continue;
		const TSNode *at = info->location_capture >= 0 ?
					   capture_node(&m, (uint32_t)info->location_capture) :
					   NULL;
		hit(info->signal, al_node_line(at ? *at : m.captures[0].node), ctx);
	}
}
