/*
 * query_shape.c: reads one signal's query the way tree-sitter 0.20.7 parses it
 * (ts_query__parse_pattern in its lib/src/query.c) to refuse the shapes that library
 * mishandles, before ts_query_new sees them:
 *
 *  - a predicate where the library expects a node pattern (at the top level, after a field
 *    name, as an alternative, next to an anchor), or a group with no node pattern in it: the
 *    library then writes to a step it never added, outside its array;
 *  - a quantifier on a pattern that can already match nothing (`((x)?)+`, `((x)*)?`,
 *    `(x)*?`): the library then reads and writes past its steps, or the query cursor loops
 *    forever, on every file;
 *  - a query that ends inside a pattern: joined to the next signal's query (all of a
 *    language's signals compile as one query) it would run on into that one;
 *  - nesting deeper than MAX_LEVELS: the library's parser recurses once per level.
 *
 * Where this reader and the library might disagree it reads on, accepting more than the
 * library does, so the library stops first; where the library surely reports a syntax error
 * this reader stops quietly and leaves the message to it.
 */
#include "query_shape.h"

#include <ctype.h>
#include <stdlib.h>

#include "buf.h"

#define MAX_LEVELS 100

/* What pattern() read. */
enum { READ_STOP = -1, READ_END, READ_PREDICATE, READ_PATTERN, READ_NULLABLE_PATTERN };

typedef struct {
	const char *s;
	size_t pos;
	const char *problem;
	size_t problem_at;
	al_query_pattern *pattern; /* the top-level pattern being read, when recording */
} reader;

static char cur(const reader *r)
{
	return r->s[r->pos];
}

static int refuse(reader *r, size_t at, const char *problem)
{
	r->problem = problem;
	r->problem_at = at;
	return READ_STOP;
}

/* The library will report a syntax error here, unless the query just ended, where the next
 * signal's query would carry it on. */
static int stop(reader *r)
{
	if (cur(r) == '\0')
		return refuse(r, r->pos, "unfinished pattern");
	return READ_STOP;
}

/* Bytes past ASCII count as letters: accepting more than the library is the safe side. */
static int ident_start(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || (unsigned char)c >= 0x80;
}

static int ident_char(char c)
{
	return ident_start(c) || c == '.' || c == '?' || c == '!';
}

static void skip_space(reader *r)
{
	for (;;) {
		if (isspace((unsigned char)cur(r)))
			r->pos++;
		else if (cur(r) == ';')
			while (cur(r) && cur(r) != '\n')
				r->pos++;
		else
			return;
	}
}

/* Reads an identifier; returns its length (0 when there is none). */
static size_t scan_ident(reader *r)
{
	size_t start = r->pos;
	if (!ident_start(cur(r)))
		return 0;
	while (ident_char(cur(r)))
		r->pos++;
	return r->pos - start;
}

/* Reads a double-quoted string; returns 0, or READ_STOP where the library stops too. */
static int scan_string(reader *r)
{
	r->pos++;
	for (;;) {
		char c = cur(r);
		if (c == '\0' || c == '\n')
			return stop(r);
		r->pos++;
		if (c == '"')
			return 0;
		if (c == '\\' && cur(r))
			r->pos++;
	}
}

/* Reads a predicate's arguments after its name, through its ')'; `at` is its '('. */
static int predicate_arguments(reader *r, size_t at)
{
	for (;;) {
		skip_space(r);
		char c = cur(r);
		if (c == ')') {
			r->pos++;
			if (r->pattern) {
				al_query_span *span = al_calloc(1, sizeof(*span));
				*span = (al_query_span){at, r->pos};
				al_vec_push(&r->pattern->predicates, span);
			}
			return READ_PREDICATE;
		}
		if (c == '@') {
			r->pos++;
			if (!scan_ident(r))
				return stop(r);
		} else if (c == '"') {
			if (scan_string(r))
				return READ_STOP;
		} else if (!scan_ident(r)) {
			return stop(r);
		}
	}
}

/* Reads the quantifiers and captures after a pattern. */
static int suffixes(reader *r, int nullable)
{
	int quantifiers = 0;
	for (;;) {
		skip_space(r);
		char c = cur(r);
		if (c == '*' || c == '+' || c == '?') {
			if (quantifiers++)
				return refuse(r, r->pos, "more than one quantifier on one pattern");
			if (nullable)
				return refuse(
				    r, r->pos,
				    "quantifier on a pattern that can already match nothing");
			nullable = c != '+';
			r->pos++;
		} else if (c == '@') {
			r->pos++;
			if (!scan_ident(r))
				return stop(r);
		} else {
			return nullable ? READ_NULLABLE_PATTERN : READ_PATTERN;
		}
	}
}

static int pattern(reader *r, int level);

/*
 * Reads the children of a node pattern or a group through its ')'. *has_pattern tells
 * whether a child is a pattern (not a predicate), *nullable whether every one can match
 * nothing. Returns 0 or READ_STOP.
 */
static int children(reader *r, int level, int is_node, int *has_pattern, int *nullable)
{
	int previous = READ_END, anchored = 0;
	*has_pattern = 0;
	*nullable = 1;
	for (;;) {
		skip_space(r);
		if (is_node && cur(r) == '!') {
			r->pos++;
			skip_space(r);
			if (!scan_ident(r))
				return stop(r);
			continue;
		}
		if (cur(r) == '.') {
			if (previous == READ_PREDICATE)
				return refuse(r, r->pos, "anchor '.' next to a predicate");
			anchored = 1;
			r->pos++;
			skip_space(r);
		}
		size_t at = r->pos;
		int read = pattern(r, level + 1);
		if (read == READ_STOP)
			return READ_STOP;
		if (read == READ_END) {
			if (cur(r) != ')')
				return stop(r);
			r->pos++;
			return 0;
		}
		if (read == READ_PREDICATE && anchored)
			return refuse(r, at, "anchor '.' next to a predicate");
		if (read != READ_PREDICATE) {
			*has_pattern = 1;
			*nullable = *nullable && read == READ_NULLABLE_PATTERN;
		}
		previous = read;
		anchored = 0;
	}
}

/* Reads an alternation `[...]` after its '['. */
static int alternation(reader *r, int level)
{
	int branches = 0, nullable = 0;
	for (;;) {
		size_t at = r->pos;
		int read = pattern(r, level + 1);
		if (read == READ_STOP)
			return READ_STOP;
		if (read == READ_END) {
			if (cur(r) != ']' || branches == 0)
				return stop(r);
			r->pos++;
			return suffixes(r, nullable);
		}
		if (read == READ_PREDICATE)
			return refuse(r, at, "predicate as an alternative");
		nullable = nullable || read == READ_NULLABLE_PATTERN;
		branches++;
	}
}

/* Reads what follows a '(': a group, a predicate or a node pattern. */
static int parenthesized(reader *r, int level, size_t at)
{
	skip_space(r);
	char c = cur(r);
	int has_pattern, nullable;
	if (c == '(' || c == '"' || c == '[') {
		if (children(r, level, 0, &has_pattern, &nullable))
			return READ_STOP;
		if (!has_pattern)
			return refuse(r, at, "group holding only predicates");
		return suffixes(r, nullable);
	}
	if (c == '#' || c == '.') {
		r->pos++;
		return scan_ident(r) ? predicate_arguments(r, at) : stop(r);
	}
	size_t len = scan_ident(r);
	if (len == 0)
		return stop(r);
	if (r->s[r->pos - 1] == '?' || r->s[r->pos - 1] == '!') /* an old-style predicate */
		return predicate_arguments(r, at);
	skip_space(r);
	if (cur(r) == '/') {
		r->pos++;
		if (!scan_ident(r))
			return stop(r);
	}
	if (children(r, level, 1, &has_pattern, &nullable))
		return READ_STOP;
	return suffixes(r, 0);
}

/* Reads a field-prefixed pattern `name: pattern` from its name. */
static int field(reader *r, int level)
{
	scan_ident(r);
	skip_space(r);
	if (cur(r) != ':')
		return stop(r);
	r->pos++;
	skip_space(r);
	size_t pattern_at = r->pos;
	int read = pattern(r, level + 1);
	if (read == READ_STOP)
		return READ_STOP;
	if (read == READ_END)
		return stop(r);
	if (read == READ_PREDICATE)
		return refuse(r, pattern_at, "field naming a predicate");
	return suffixes(r, read == READ_NULLABLE_PATTERN);
}

/* Reads one pattern, or reports the ')' or ']' that closes its parent (READ_END). */
static int pattern(reader *r, int level)
{
	skip_space(r);
	size_t at = r->pos;
	char c = cur(r);
	if (level > MAX_LEVELS)
		return refuse(r, at, "nesting deeper than 100 levels");
	if (c == ')' || c == ']')
		return READ_END;
	if (c == '[') {
		r->pos++;
		return alternation(r, level);
	}
	if (c == '(') {
		r->pos++;
		return parenthesized(r, level, at);
	}
	if (c == '_') {
		r->pos++;
		return suffixes(r, 0);
	}
	if (c == '"')
		return scan_string(r) ? READ_STOP : suffixes(r, 0);
	if (ident_start(c))
		return field(r, level);
	return stop(r);
}

/* Reads the whole query; returns 1 when it was read to its end. With `out`, records each
 * top-level pattern there. */
static int read_query(reader *r, al_vec *out)
{
	for (;;) {
		skip_space(r);
		char c = cur(r);
		if (c == '\0')
			return 1;
		/* joined to the previous signal's query, these would belong to its last pattern */
		if (c == '@' || c == '*' || c == '+' || c == '?') {
			refuse(r, r->pos, "capture or quantifier before any pattern");
			return 0;
		}
		size_t at = r->pos;
		if (out) {
			r->pattern = al_calloc(1, sizeof(al_query_pattern));
			r->pattern->bytes.start = at;
			al_vec_push(out, r->pattern);
		}
		int read = pattern(r, 0);
		if (out)
			r->pattern->bytes.end = r->pos;
		if (read == READ_PREDICATE)
			refuse(r, at, "predicate outside any pattern");
		if (read == READ_STOP || read == READ_END || read == READ_PREDICATE)
			return 0;
	}
}

const char *al_query_shape_problem(const char *src, size_t *offset)
{
	reader r = {.s = src};
	read_query(&r, NULL);
	if (r.problem)
		*offset = r.problem_at;
	return r.problem;
}

int al_query_patterns(const char *src, al_vec *out)
{
	reader r = {.s = src};
	return read_query(&r, out) && !r.problem ? 0 : -1;
}

void al_query_pattern_free(void *pattern)
{
	al_query_pattern *p = pattern;
	al_vec_dispose_with(&p->predicates, free);
	free(p);
}
