/*
 * fuzz_regex.c: the bounded regular expressions of `#match?` (regex.c), whose patterns come
 * from a repository's configuration and whose subjects are its source text. The input is the
 * pattern, a newline, then the subject (which may hold NUL bytes). A pattern either compiles
 * or gives a problem, never both; a match always returns (libFuzzer's -timeout and -rss_limit
 * catch one that does not stay within its limits); a pattern without special characters
 * matches itself.
 */
#include "fuzz_common.h"

#include "regex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t plen = nl ? (size_t)(nl - data) : size;
	char *pattern = malloc(plen + 1);
	memcpy(pattern, data, plen);
	pattern[plen] = '\0';
	size_t slen = nl ? size - plen - 1 : 0;
	char *subject = al_fuzz_copy(nl ? nl + 1 : data, slen);
	char *problem = NULL;
	al_regex *re = al_regex_compile(pattern, &problem);
	if (!re == !problem)
		abort();
	if (re) {
		(void)al_regex_matches(re, subject, slen);
		int literal =
		    plen && strlen(pattern) == plen && !strpbrk(pattern, "\\^$.|?*+()[]{}");
		if (literal && !al_regex_matches(re, pattern, plen))
			abort();
	}
	al_regex_free(re);
	free(problem);
	free(subject);
	free(pattern);
	return 0;
}
