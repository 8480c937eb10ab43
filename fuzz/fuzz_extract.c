/*
 * fuzz_extract.c: one source file through al_extract_file with the embedded rules — the
 * tree-sitter parse, Go package facts, build constraints, directives and every signal
 * query of the language. The ruleset and the extractor are made once and reused, as a
 * worker thread reuses them.
 *
 * Input: the first byte picks the language (even, "0": Go; odd, "1": Rust); the rest is the file.
 */
#include "fuzz_common.h"

#include <stdio.h>

#include "archlint.h"
#include "extract.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static al_ruleset *rules;
	static al_extractor ex;
	if (!rules) {
		rules = al_ruleset_new();
		if (al_ruleset_load_embedded(rules) != 0 || al_ruleset_finish(rules) != 0) {
			fprintf(stderr, "fuzz_extract: embedded rules: %s\n", al_error_last());
			abort();
		}
		al_extractor_init(&ex);
	}
	if (size < 1)
		return 0;
	al_language lang = data[0] % 2 ? AL_LANG_RUST : AL_LANG_GO;
	char *text = al_fuzz_copy(data + 1, size - 1);
	al_file_facts *facts = NULL;
	if (al_extract_file(&facts, &ex, rules, lang,
	                    lang == AL_LANG_GO ? "cmd/fuzz/main.go" : "src/main.rs", text,
	                    size - 1) == 0)
		al_file_facts_free(facts);
	else
		al_fuzz_error("extract");
	al_error_clear();
	free(text);
	return 0;
}
