/*
 * regex.c: see regex.h. PCRE2 (8-bit) with a compile context that caps the pattern length
 * and a match context that caps steps (MATCH_LIMIT), backtracking depth (DEPTH_LIMIT) and
 * heap (HEAP_LIMIT KiB). Patterns are POSIX extended syntax, which PCRE2 reads the same for
 * everything the rules use. A compiled pattern is shared by the extraction threads: the code
 * and the limits are only read while matching, the match data (PCRE2's working memory) is
 * made per match.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "archlint.h"

enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000, HEAP_LIMIT = 8192 };

struct al_regex {
	pcre2_code *code;
	pcre2_match_context *limits;
};

void al_regex_free(al_regex *re)
{
	if (!re)
		return;
	pcre2_code_free(re->code);
	pcre2_match_context_free(re->limits);
	free(re);
}

al_regex *al_regex_compile(const char *pattern, char **problem)
{
	*problem = NULL;
	pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
	if (!cc) {
		*problem = al_strdup("out of memory compiling a regular expression");
		return NULL;
	}
	pcre2_set_max_pattern_length(cc, AL_REGEX_MAX_PATTERN);
	int code = 0;
	PCRE2_SIZE offset = 0;
	al_regex *re = al_calloc(1, sizeof(*re));
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &code, &offset, cc);
	pcre2_compile_context_free(cc);
	if (!re->code) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(code, msg, sizeof(msg));
		*problem = al_sprintf("invalid regular expression \"%.80s%s\": %s (at offset %zu)",
		                      pattern, strlen(pattern) > 80 ? "..." : "", (char *)msg,
		                      (size_t)offset);
		al_regex_free(re);
		return NULL;
	}
	re->limits = pcre2_match_context_create(NULL);
	if (!re->limits) {
		*problem = al_strdup("out of memory compiling a regular expression");
		al_regex_free(re);
		return NULL;
	}
	pcre2_set_match_limit(re->limits, MATCH_LIMIT);
	pcre2_set_depth_limit(re->limits, DEPTH_LIMIT);
	pcre2_set_heap_limit(re->limits, HEAP_LIMIT);
	return re;
}

int al_regex_matches(const al_regex *re, const char *text, size_t len)
{
	pcre2_match_data *data = pcre2_match_data_create(1, NULL);
	int ok = data && pcre2_match(re->code, (PCRE2_SPTR)text, len, 0, 0, data, re->limits) >= 0;
	pcre2_match_data_free(data);
	return ok;
}
