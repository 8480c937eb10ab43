/*
 * fuzz_query.c: a user signal query, the way .archlint.json brings one in: a signal object
 * with "language" and "query" through al_ruleset_add_signal_json, then al_ruleset_finish,
 * which compiles it with the language's other queries and checks its predicates.
 *
 * Input: the first byte picks the language (even, "0": go; odd, "1": rust); the rest, up to the
 * first NUL (a JSON string cannot hold one), is the query source.
 */
#include "fuzz_common.h"

#include <cjson/cJSON.h>

#include "archlint.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *lang = data[0] % 2 ? "rust" : "go";
	char *query = al_fuzz_copy(data + 1, size - 1);
	char *src = malloc(size); /* size - 1 bytes and a NUL */
	memcpy(src, query, size - 1);
	src[size - 1] = '\0';
	free(query);

	cJSON *sig = cJSON_CreateObject();
	cJSON_AddStringToObject(sig, "id", "fuzz.query");
	cJSON_AddStringToObject(sig, "role", "data-path");
	cJSON_AddNumberToObject(sig, "weight", 1);
	cJSON_AddStringToObject(sig, "why", "fuzzed");
	cJSON_AddStringToObject(sig, "language", lang);
	cJSON_AddStringToObject(sig, "query", src);

	al_ruleset *rules = al_ruleset_new();
	if (al_ruleset_add_signal_json(rules, sig, ".archlint.json") != 0 ||
	    al_ruleset_finish(rules) != 0)
		al_fuzz_error("query");
	al_ruleset_free(rules);
	cJSON_Delete(sig);
	al_error_clear();
	free(src);
	return 0;
}
