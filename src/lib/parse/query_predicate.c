/*
 * query_predicate.c: reads, checks and evaluates the predicates of query signals (see
 * query_predicate.h). The text was already read once by query_shape.c, so its tokens are
 * known to be well formed: a name, then captures (@name), strings ("...", with tree-sitter's
 * escapes) and bare words, up to the closing parenthesis.
 *
 * `#match?` patterns are bounded regular expressions (regex.h): repository text cannot make
 * a match, nor a repository's configuration a pattern, cost without limit.
 */
#include "query_predicate.h"

#include <stdlib.h>
#include <string.h>

#include "grammars.h"
#include "regex.h"

typedef enum { PRED_EQ, PRED_MATCH, PRED_ANY_OF } pred_op;

struct al_predicate {
	pred_op op;
	int negate;
	uint32_t capture;
	int other_is_capture; /* #eq? @a @b */
	uint32_t other_capture;
	al_vec values; /* char *: literal(s) */
	al_regex *re;
};

typedef struct {
	int is_capture;
	char *text; /* a capture's name, or a string's value */
} argument;

void al_predicate_free(void *predicate)
{
	al_predicate *p = predicate;
	if (!p)
		return;
	al_vec_dispose_with(&p->values, free);
	al_regex_free(p->re);
	free(p);
}

static void free_argument(void *a)
{
	free(((argument *)a)->text);
	free(a);
}

static int word_char(char c)
{
	return c && !strchr(" \t\r\n\f\v()\"@;", c);
}

/* A string's value, from its opening quote; the way tree-sitter unescapes it. */
static char *read_string(const char **at, const char *end)
{
	al_buf value = AL_BUF_INIT;
	const char *p = *at + 1;
	for (; p < end && *p != '"'; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
			al_buf_putc(&value, *p == 'n'   ? '\n'
			                    : *p == 'r' ? '\r'
			                    : *p == 't' ? '\t'
			                    : *p == '0' ? '\0'
			                                : *p);
		} else {
			al_buf_putc(&value, *p);
		}
	}
	*at = p < end ? p + 1 : end;
	char *s = al_buf_detach(&value);
	al_buf_dispose(&value);
	return s ? s : al_strdup("");
}

/* Splits "(#name args...)" into its name and arguments. */
static char *read_parts(const char *text, size_t len, al_vec *args)
{
	const char *p = text + 1, *end = text + len;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p < end && (*p == '#' || *p == '.'))
		p++;
	const char *name = p;
	while (p < end && word_char(*p))
		p++;
	char *out = al_strndup(name, (size_t)(p - name));
	while (p < end && *p != ')') {
		if (*p == ';') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (!word_char(*p) && *p != '@' && *p != '"') {
			p++;
			continue;
		}
		argument *a = al_calloc(1, sizeof(*a));
		if (*p == '"') {
			a->text = read_string(&p, end);
		} else {
			a->is_capture = *p == '@';
			const char *w = p + a->is_capture;
			for (p = w; p < end && word_char(*p);)
				p++;
			a->text = al_strndup(w, (size_t)(p - w));
		}
		al_vec_push(args, a);
	}
	return out;
}

static int capture_id(const TSQuery *q, const char *name, uint32_t *id)
{
	for (uint32_t c = 0; c < ts_query_capture_count(q); c++) {
		uint32_t len;
		const char *n = ts_query_capture_name_for_id(q, c, &len);
		if (strlen(name) == len && strncmp(n, name, len) == 0) {
			*id = c;
			return 1;
		}
	}
	return 0;
}

/* Checks and fills p from its name and arguments; returns NULL or what is wrong. */
static char *compile(al_predicate *p, const char *name, const al_vec *args, const TSQuery *q)
{
	const char *base = name;
	if (strncmp(base, "not-", 4) == 0) {
		p->negate = 1;
		base += 4;
	}
	if (strcmp(base, "eq?") == 0)
		p->op = PRED_EQ;
	else if (strcmp(base, "match?") == 0)
		p->op = PRED_MATCH;
	else if (strcmp(base, "any-of?") == 0)
		p->op = PRED_ANY_OF;
	else
		return al_sprintf("unsupported predicate '#%s'", name);
	const argument *first = args->len ? args->items[0] : NULL;
	if (!first || !first->is_capture || args->len < 2 ||
	    (p->op != PRED_ANY_OF && args->len != 2))
		return al_sprintf("'#%s' takes a capture and %s", name,
		                  p->op == PRED_ANY_OF ? "values" : "one value");
	for (size_t k = 0; k < args->len; k++) {
		const argument *a = args->items[k];
		uint32_t id = 0;
		if (a->is_capture && !capture_id(q, a->text, &id))
			return al_sprintf("unknown capture '@%s' in '#%s'", a->text, name);
		if (k == 0) {
			p->capture = id;
		} else if (a->is_capture) {
			if (p->op != PRED_EQ)
				return al_sprintf("'#%s' compares with strings only", name);
			p->other_is_capture = 1;
			p->other_capture = id;
		} else {
			al_vec_push(&p->values, al_strdup(a->text));
		}
	}
	char *problem = NULL;
	if (p->op == PRED_MATCH)
		p->re = al_regex_compile(p->values.items[0], &problem);
	return problem;
}

int al_predicate_new(al_predicate **out, const char *text, size_t len, const TSQuery *query,
                     const al_signal *s)
{
	al_vec args = AL_VEC_INIT;
	char *name = read_parts(text, len, &args);
	al_predicate *p = al_calloc(1, sizeof(*p));
	char *problem = compile(p, name, &args, query);
	free(name);
	al_vec_dispose_with(&args, free_argument);
	*out = p;
	if (!problem)
		return 0;
	al_error_set("%s: signal '%s': %s", s->origin, s->id, problem);
	free(problem);
	al_predicate_free(p);
	*out = NULL;
	return AL_ECONFIG;
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

int al_predicate_holds(const al_predicate *p, const TSQueryMatch *m, const char *source)
{
	const TSNode *node = capture_node(m, p->capture);
	if (!node)
		return 1; /* an optional capture that did not match constrains nothing */
	int ok = 0;
	if (p->op == PRED_EQ && p->other_is_capture) {
		const TSNode *other = capture_node(m, p->other_capture);
		if (!other)
			return 1;
		char *a = al_node_text(*node, source), *b = al_node_text(*other, source);
		ok = strcmp(a, b) == 0;
		free(a);
		free(b);
	} else if (p->op == PRED_EQ) {
		ok = text_eq(*node, source, p->values.items[0]);
	} else if (p->op == PRED_ANY_OF) {
		for (size_t i = 0; i < p->values.len && !ok; i++)
			ok = text_eq(*node, source, p->values.items[i]);
	} else {
		uint32_t s = ts_node_start_byte(*node), e = ts_node_end_byte(*node);
		ok = al_regex_matches(p->re, source + s, e - s);
	}
	return p->negate ? !ok : ok;
}
