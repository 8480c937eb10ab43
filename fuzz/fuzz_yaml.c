/*
 * fuzz_yaml.c: catalog-info.yaml through al_yaml_parse (the tree-sitter YAML grammar with
 * its external scanner, then archlint's conversion to cJSON with key lines; inputs of odd
 * length with the plain scalars typed, as the configuration reads them).
 */
#include "fuzz_common.h"

#include "archlint.h"
#include "grammars.h"
#include "yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static TSParser *parser;
	if (!parser)
		parser = ts_parser_new();
	char *text = al_fuzz_copy(data, size);
	cJSON *doc = NULL;
	al_strmap lines = AL_STRMAP_INIT;
	if (al_yaml_parse(&doc, &lines, parser, "cmd/fuzz/catalog-info.yaml", text, size,
	                  size % 2 ? AL_YAML_TYPED : 0) == 0)
		cJSON_Delete(doc);
	else
		al_fuzz_error("yaml");
	al_strmap_dispose(&lines);
	al_error_clear();
	free(text);
	return 0;
}
