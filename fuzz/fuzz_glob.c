/*
 * fuzz_glob.c: al_glob_match (util/glob.c), whose patterns (workspace members, config
 * excludes, rules) and paths both come from the repository. The input is the pattern, a
 * newline, then the path. Also checks what must hold whatever the input: a pattern matches
 * itself when it has no wildcard, and "**" matches every path.
 */
#include "fuzz_common.h"

#include "glob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	char *nl = strchr(text, '\n');
	const char *path = "";
	if (nl) {
		*nl = '\0';
		path = nl + 1;
	}
	(void)al_glob_match(text, path);
	if (!strpbrk(path, "*?") && !al_glob_match(path, path))
		abort();
	if (!al_glob_match("**", path))
		abort();
	free(text);
	return 0;
}
