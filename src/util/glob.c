/*
 * glob.c: al_glob_match as a simulation of the pattern's automaton, one path character at a
 * time, over the set of pattern positions still alive — a backtracking matcher is
 * exponential in the number of stars, and both patterns (workspace members, excludes) and
 * paths come from the repository.
 *
 * The pattern becomes tokens; each token has a state "at its start" and, for "**" + "/",
 * a second state "inside its run of directories" (the run must end with a '/' before the
 * rest of the pattern starts).
 */
#include "glob.h"

#include <stdlib.h>
#include <string.h>

typedef enum { T_LIT, T_ONE, T_STAR, T_DSTAR, T_DIRS } token_kind;

typedef struct {
	token_kind kind;
	char c; /* T_LIT */
} token;

enum { SMALL = 64 };

static size_t tokenize(const char *p, token *out)
{
	size_t n = 0;
	while (*p) {
		if (p[0] == '*' && p[1] == '*') {
			out[n++].kind = p[2] == '/' ? T_DIRS : T_DSTAR;
			p += p[2] == '/' ? 3 : 2;
		} else {
			out[n].kind = *p == '*' ? T_STAR : *p == '?' ? T_ONE : T_LIT;
			out[n++].c = *p++;
		}
	}
	return n;
}

/* Follows the moves that consume nothing: a star may match an empty run, "**" + "/" zero
 * directories. Those only go forward, so one pass in order closes the set. at[i]: at the
 * start of token i (i == n: the end); in[i]: inside token i's run of directories. */
static void close_empty(const token *t, size_t n, char *at)
{
	for (size_t i = 0; i < n; i++)
		if (at[i] && t[i].kind != T_LIT && t[i].kind != T_ONE)
			at[i + 1] = 1;
}

/* One path character: the states alive after it, from those alive before. */
static void step(const token *t, size_t n, const char *at, const char *in, char c, char *nat,
                 char *nin)
{
	memset(nat, 0, n + 1);
	memset(nin, 0, n + 1);
	for (size_t i = 0; i < n; i++) {
		int start = at[i], inside = in[i];
		if (!start && !inside)
			continue;
		switch (t[i].kind) {
		case T_LIT:
			if (start && c == t[i].c)
				nat[i + 1] = 1;
			break;
		case T_ONE:
			if (start && c != '/')
				nat[i + 1] = 1;
			break;
		case T_STAR:
			if (c != '/')
				nat[i] = 1;
			break;
		case T_DSTAR:
			nat[i] = 1;
			break;
		case T_DIRS:
			nin[i] = 1;
			if (c == '/')
				nat[i + 1] = 1;
			break;
		}
	}
	close_empty(t, n, nat);
}

int al_glob_match(const char *pattern, const char *path)
{
	size_t len = strlen(pattern);
	token small_tokens[SMALL];
	char small_states[4 * (SMALL + 1)];
	token *t = len <= SMALL ? small_tokens : malloc(len * sizeof(*t));
	char *states = len <= SMALL ? small_states : malloc(4 * (len + 1));
	if (!t || !states) {
		if (len > SMALL) {
			free(t);
			free(states);
		}
		return 0;
	}
	size_t n = tokenize(pattern, t);
	char *at = states, *in = at + n + 1, *nat = in + n + 1, *nin = nat + n + 1;
	memset(states, 0, 4 * (n + 1));
	at[0] = 1;
	close_empty(t, n, at);
	int alive = 1;
	for (const char *s = path; *s && alive; s++) {
		step(t, n, at, in, *s, nat, nin);
		char *swap = at;
		at = nat;
		nat = swap;
		swap = in;
		in = nin;
		nin = swap;
		alive = memchr(at, 1, n + 1) || memchr(in, 1, n + 1);
	}
	int match = alive && at[n];
	if (len > SMALL) {
		free(t);
		free(states);
	}
	return match;
}
