/*
 * rust_cfg_test.c: finds `#[cfg(test)] mod NAME { ... }` blocks with a small Rust lexer, so
 * that the parser never sees them (see rust_cfg_test.h for why).
 *
 * The lexer knows just enough Rust to match braces: line and nested block comments, strings,
 * byte and C strings, raw strings with any number of '#', char and byte literals (told apart
 * from lifetimes). A block whose closing brace is never found is kept: leaving test code in
 * costs a little accuracy, leaving service code out would lose findings.
 */
#include "rust_cfg_test.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "archlint.h"

typedef struct {
	const char *s;
	size_t len, pos;
} lexer;

static char at(const lexer *lx, size_t off)
{
	return lx->pos + off < lx->len ? lx->s[lx->pos + off] : '\0';
}

static int ident_char(char c)
{
	unsigned char u = (unsigned char)c;
	return (unsigned)((u | 0x20) - 'a') < 26u || (unsigned)(u - '0') < 10u || u == '_' ||
	       u >= 0x80;
}

/* Bytes that may begin something other than plain code: comments, strings, char literals,
 * string prefixes, attributes and brackets. Everything else is stepped over one by one. */
static const unsigned char SPECIAL[256] = {
    ['#'] = 1, ['/'] = 1, ['"'] = 1, ['\''] = 1, ['r'] = 1, ['b'] = 1, ['c'] = 1,
    ['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1,  ['('] = 1, [')'] = 1,
};

static size_t utf8_length(unsigned char lead)
{
	return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

static void skip_line_comment(lexer *lx)
{
	while (lx->pos < lx->len && lx->s[lx->pos] != '\n')
		lx->pos++;
}

static void skip_block_comment(lexer *lx)
{
	size_t depth = 0;
	while (lx->pos < lx->len) {
		if (at(lx, 0) == '/' && at(lx, 1) == '*') {
			depth++;
			lx->pos += 2;
		} else if (at(lx, 0) == '*' && at(lx, 1) == '/') {
			lx->pos += 2;
			if (--depth == 0)
				return;
		} else {
			lx->pos++;
		}
	}
}

/* From the opening quote of a string with escapes. */
static void skip_string(lexer *lx)
{
	lx->pos++;
	while (lx->pos < lx->len) {
		char c = lx->s[lx->pos++];
		if (c == '\\')
			lx->pos++;
		else if (c == '"')
			return;
	}
	lx->pos = lx->len;
}

/* From the first '#' or the quote of r#"..."#, which ends at a quote and as many '#'. */
static void skip_raw_string(lexer *lx)
{
	size_t hashes = 0;
	while (at(lx, 0) == '#') {
		hashes++;
		lx->pos++;
	}
	lx->pos++; /* the opening quote */
	while (lx->pos < lx->len) {
		if (lx->s[lx->pos++] != '"')
			continue;
		size_t n = 0;
		while (n < hashes && at(lx, 0) == '#') {
			n++;
			lx->pos++;
		}
		if (n == hashes)
			return;
	}
}

/* From a quote: a char literal ('a', '\n', '\u{..}', 'é') or a lifetime or label ('a). */
static void skip_quote(lexer *lx)
{
	if (at(lx, 1) == '\\') {
		size_t end = lx->pos + 3; /* past the quote, the backslash and the escaped char */
		while (end < lx->len && end < lx->pos + 12 && lx->s[end] != '\'' &&
		       lx->s[end] != '\n')
			end++;
		if (end < lx->len && lx->s[end] == '\'') {
			lx->pos = end + 1;
			return;
		}
	} else if (lx->pos + 1 < lx->len) {
		size_t n = utf8_length((unsigned char)lx->s[lx->pos + 1]);
		if (at(lx, 1 + n) == '\'') {
			lx->pos += n + 2;
			return;
		}
	}
	lx->pos++; /* a lifetime: its name is an identifier */
}

/* From an r, b or c that begins a word: its string if it is a prefix (b, c, r, br, cr). */
static void skip_prefixed(lexer *lx)
{
	size_t n = at(lx, 0) != 'r' && at(lx, 1) == 'r' ? 2 : 1;
	int raw = at(lx, n - 1) == 'r';
	char next = at(lx, n);
	if (raw && (next == '"' || next == '#')) {
		size_t k = n;
		while (at(lx, k) == '#')
			k++;
		if (at(lx, k) != '"') { /* a raw identifier, r#name */
			lx->pos += n;
			return;
		}
		lx->pos += n;
		skip_raw_string(lx);
	} else if (!raw && n == 1 && next == '"') {
		lx->pos++;
		skip_string(lx);
	} else if (!raw && n == 1 && at(lx, 0) == 'b' && next == '\'') {
		lx->pos++;
		skip_quote(lx);
	} else {
		while (ident_char(at(lx, 0)))
			lx->pos++;
	}
}

/* Moves past one token, comment or char. */
static void skip_token(lexer *lx)
{
	char c = at(lx, 0);
	if (!SPECIAL[(unsigned char)c])
		lx->pos++;
	else if (c == '/' && at(lx, 1) == '/')
		skip_line_comment(lx);
	else if (c == '/' && at(lx, 1) == '*')
		skip_block_comment(lx);
	else if (c == '"')
		skip_string(lx);
	else if (c == '\'')
		skip_quote(lx);
	else if ((c == 'r' || c == 'b' || c == 'c') && !(lx->pos && ident_char(lx->s[lx->pos - 1])))
		skip_prefixed(lx);
	else
		lx->pos++;
}

static void skip_trivia(lexer *lx)
{
	for (;;) {
		if (isspace((unsigned char)at(lx, 0)))
			lx->pos++;
		else if (at(lx, 0) == '/' && (at(lx, 1) == '/' || at(lx, 1) == '*'))
			skip_token(lx);
		else
			return;
	}
}

/* From an open brace or bracket: past its match; 0, or -1 at the end of the text. */
static int skip_nested(lexer *lx, char open, char close)
{
	size_t depth = 0;
	while (lx->pos < lx->len) {
		char c = lx->s[lx->pos];
		if (!SPECIAL[(unsigned char)c]) {
			lx->pos++;
		} else if (c == open) {
			depth++;
			lx->pos++;
		} else if (c == close) {
			lx->pos++;
			if (--depth == 0)
				return 0;
		} else {
			skip_token(lx);
		}
	}
	return -1;
}

/* From "#[": past the attribute; 1 when it is exactly cfg(test), spaces aside. */
static int attribute_is_cfg_test(lexer *lx)
{
	size_t start = lx->pos + 2;
	lx->pos++;
	if (skip_nested(lx, '[', ']') != 0)
		return 0;
	char compact[16];
	size_t n = 0;
	for (size_t i = start; i + 1 < lx->pos; i++) {
		if (isspace((unsigned char)lx->s[i]))
			continue;
		if (n + 1 >= sizeof(compact))
			return 0;
		compact[n++] = lx->s[i];
	}
	compact[n] = '\0';
	return strcmp(compact, "cfg(test)") == 0;
}

static int eat_word(lexer *lx, const char *word)
{
	size_t n = strlen(word);
	if (lx->pos + n > lx->len || memcmp(lx->s + lx->pos, word, n) != 0 || ident_char(at(lx, n)))
		return 0;
	lx->pos += n;
	skip_trivia(lx);
	return 1;
}

/* After the attributes: `[pub[(...)]] mod NAME {`, leaving the lexer on the brace. */
static int inline_module_follows(lexer *lx)
{
	if (eat_word(lx, "pub") && at(lx, 0) == '(') {
		if (skip_nested(lx, '(', ')') != 0)
			return 0;
		skip_trivia(lx);
	}
	if (!eat_word(lx, "mod") || !ident_char(at(lx, 0)))
		return 0;
	while (ident_char(at(lx, 0)))
		lx->pos++;
	skip_trivia(lx);
	return at(lx, 0) == '{';
}

/* Row and column of byte `to`, counting on from the last point asked for. */
static TSPoint advance_point(const char *s, size_t *from, TSPoint p, size_t to)
{
	for (size_t i = *from; i < to; i++) {
		if (s[i] == '\n') {
			p.row++;
			p.column = 0;
		} else {
			p.column++;
		}
	}
	*from = to;
	return p;
}

TSRange *al_rust_cfg_test_ranges(const char *src, size_t len, uint32_t *count)
{
	lexer lx = {src, len, 0};
	size_t *cut = NULL; /* start, end pairs of the modules left out */
	size_t ncut = 0, cap = 0;
	while (lx.pos < len) {
		while (lx.pos < len && !SPECIAL[(unsigned char)src[lx.pos]])
			lx.pos++;
		if (!(at(&lx, 0) == '#' && at(&lx, 1) == '[')) {
			skip_token(&lx);
			continue;
		}
		size_t start = lx.pos;
		int test = 0;
		while (at(&lx, 0) == '#' && at(&lx, 1) == '[') {
			test |= attribute_is_cfg_test(&lx);
			skip_trivia(&lx);
		}
		if (!test || !inline_module_follows(&lx) || skip_nested(&lx, '{', '}') != 0)
			continue;
		if (ncut == cap) {
			cap = cap ? cap * 2 : 8;
			cut = al_realloc(cut, cap * 2 * sizeof(size_t));
		}
		cut[2 * ncut] = start;
		cut[2 * ncut + 1] = lx.pos;
		ncut++;
	}
	if (ncut == 0) {
		*count = 0;
		return NULL;
	}
	TSRange *ranges = al_calloc(ncut + 1, sizeof(TSRange));
	uint32_t n = 0;
	size_t from = 0, begin = 0;
	TSPoint point = {0, 0};
	for (size_t k = 0; k <= ncut; k++) {
		size_t end = k < ncut ? cut[2 * k] : len;
		if (end > begin) {
			ranges[n].start_byte = (uint32_t)begin;
			ranges[n].start_point = point = advance_point(src, &from, point, begin);
			ranges[n].end_byte = (uint32_t)end;
			ranges[n].end_point = point = advance_point(src, &from, point, end);
			n++;
		}
		if (k < ncut)
			begin = cut[2 * k + 1];
	}
	free(cut);
	*count = n;
	return ranges;
}
