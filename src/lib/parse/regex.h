/*
 * regex.h: bounded regular expressions, for `#match?` patterns. The patterns come from rules
 * and from a repository's own configuration and run on repository text, so both costs are
 * bounded: a pattern of at most AL_REGEX_MAX_PATTERN bytes compiles into a program of bounded
 * size (nested counted repetition fails to compile instead of growing), and each match stops
 * at a step, depth and heap limit; a match cut short counts as no match.
 */
#ifndef AL_REGEX_H
#define AL_REGEX_H

#include <stddef.h>

#define AL_REGEX_MAX_PATTERN 1024

typedef struct al_regex al_regex;

/* Compiles pattern (NUL-terminated); returns it, or NULL and *problem (malloc'ed: the
 * pattern, the cause and its offset). */
al_regex *al_regex_compile(const char *pattern, char **problem);
/* Whether re matches somewhere in text[0..len), within the limits. */
int al_regex_matches(const al_regex *re, const char *text, size_t len);
void al_regex_free(al_regex *re);

#endif
