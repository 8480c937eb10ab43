/*
 * fuzz_cargo.c: Cargo.toml through al_cargo_manifest_parse (the tree-sitter TOML grammar,
 * then archlint's reading of packages, targets, dependencies and workspaces).
 */
#include "fuzz_common.h"

#include "archlint.h"
#include "cargo.h"
#include "grammars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static TSParser *parser;
	if (!parser) {
		parser = ts_parser_new();
		ts_parser_set_language(parser, tree_sitter_toml());
	}
	char *text = al_fuzz_copy(data, size);
	al_cargo_manifest *m = NULL;
	if (al_cargo_manifest_parse(&m, parser, "crates/fuzz/Cargo.toml", text, size) == 0)
		al_cargo_manifest_free(m);
	else
		al_fuzz_error("cargo");
	al_error_clear();
	free(text);
	return 0;
}
