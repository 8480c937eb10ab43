/*
 * fuzz_query.c: a user signal query, the way .archlint.json brings one in: a signal object
 * with "language" and "query" through al_ruleset_add_signal_json, then al_ruleset_finish,
 * which compiles it with the language's other queries and checks its predicates; a query
 * that compiles then runs over a small file of its language (libFuzzer's -timeout catches a
 * query that never finishes matching).
 *
 * Input: the first byte picks the language (even, "0": go; odd, "1": rust); the rest, up to the
 * first NUL (a JSON string cannot hold one), is the query source.
 */
#include "fuzz_common.h"

#include <cjson/cJSON.h>

#include "archlint.h"
#include "extract.h"
#include "rules.h"

/* A little of every construct the built-in queries look at, comments and repetition included. */
static const char GO_SAMPLE[] =
    "// Package main serves.\n// It relays.\npackage main\n\nimport (\n\t\"net\"\n\t\"io\"\n)\n\n"
    "type server struct{ ln net.Listener }\n\n"
    "func main() {\n\tln, _ := net.Listen(\"tcp\", \":80\")\n\tfor {\n"
    "\t\tc, _ := ln.Accept()\n\t\tgo io.Copy(c, c)\n\t}\n}\n";
static const char RUST_SAMPLE[] =
    "// a\n// b\n/// doc\nuse std::io;\n\n#[derive(Debug)]\nstruct S { x: u32 }\n\n"
    "#[tokio::main]\nasync fn main() -> io::Result<()> {\n\tlet v = vec![1, 2];\n"
    "\tunsafe { std::ptr::null::<u8>(); }\n\tfor x in v { println!(\"{}\", x); }\n\tOk(())\n}\n";

/* Runs the finished ruleset's queries of `lang` over the sample file. */
static void run_on_sample(const al_ruleset *rules, al_language lang)
{
	static al_extractor ex;
	static int ready;
	if (!ready) {
		al_extractor_init(&ex);
		ready = 1;
	}
	const char *src = lang == AL_LANG_GO ? GO_SAMPLE : RUST_SAMPLE;
	al_file_facts *facts = NULL;
	if (al_extract_file(&facts, &ex, rules, lang, lang == AL_LANG_GO ? "main.go" : "main.rs",
	                    src, strlen(src)) == 0)
		al_file_facts_free(facts);
	else
		al_fuzz_error("query");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	al_language language = data[0] % 2 ? AL_LANG_RUST : AL_LANG_GO;
	const char *lang = language == AL_LANG_RUST ? "rust" : "go";
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
	else
		run_on_sample(rules, language);
	al_ruleset_free(rules);
	cJSON_Delete(sig);
	al_error_clear();
	free(src);
	return 0;
}
