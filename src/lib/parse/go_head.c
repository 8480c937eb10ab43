/*
 * go_head.c: see go_head.h. Works on lines: the generated marker is a line comment before
 * the package clause, and the head ends where a line starts with func, type, var or const.
 */
#include "go_head.h"

#include <string.h>

static int starts(const char *line, const char *end, const char *word)
{
	size_t n = strlen(word);
	return (size_t)(end - line) >= n && memcmp(line, word, n) == 0;
}

static int contains(const char *from, const char *end, const char *what)
{
	size_t n = strlen(what);
	for (const char *p = from; (size_t)(end - p) >= n; p++) {
		p = memchr(p, what[0], (size_t)(end - p) - n + 1);
		if (!p)
			return 0;
		if (memcmp(p, what, n) == 0)
			return 1;
	}
	return 0;
}

/* Whether the line comments before the package clause mark the file generated. */
static int generated(const char *src, const char *end, const char **after_package)
{
	int marked = 0;
	for (const char *line = src; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *stop = nl ? nl : end;
		if (starts(line, stop, "package ")) {
			*after_package = stop;
			return marked;
		}
		if (starts(line, stop, "// Code generated ") && contains(line, stop, "DO NOT EDIT"))
			marked = 1;
		else if (!starts(line, stop, "//") && line != stop &&
		         !(stop - line == 1 && *line == '\r'))
			return 0; /* a block comment or anything unusual: parse it all */
		line = nl ? nl + 1 : end;
	}
	return 0;
}

size_t al_go_head_length(const char *src, size_t len)
{
	const char *end = src + len, *line;
	if (!generated(src, end, &line))
		return len;
	static const char *const decls[] = {"func ", "func(", "type ", "var ", "const "};
	while (line < end) {
		line++; /* past the newline before it */
		for (size_t i = 0; i < sizeof(decls) / sizeof(decls[0]); i++) {
			if (!starts(line, end, decls[i]))
				continue;
			if (contains(line, end, "func main(") || contains(line, end, "archlint:") ||
			    contains(line, end, "#cgo"))
				return len;
			return (size_t)(line - src);
		}
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			break;
		line = nl;
	}
	return len;
}
