/*
 * fuzz_config.c: .archlint.json (inputs of even length) or .archlint.yaml (odd) through
 * al_config_parse, then the lookups a scan makes
 * (declared roles, excludes) and al_config_apply onto a ruleset holding the embedded rules
 * (rule levels, user signals; queries are compiled by fuzz_query, not here).
 */
#include "fuzz_common.h"

#include "archlint.h"
#include "config.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = al_fuzz_copy(data, size);
	al_config *cfg = NULL;
	const char *path = size % 2 ? ".archlint.yaml" : ".archlint.json";
	if (al_config_parse(&cfg, path, text, size) == 0) {
		unsigned line = 0;
		(void)al_config_role(cfg, "cmd/proxy", &line);
		(void)al_config_role(cfg, "crates/kv:kvctl", &line);
		(void)al_config_excludes(cfg, "legacy/cmd/old/main.go");
		(void)al_config_excludes(cfg, "vendor/a/b.go");
		al_ruleset *rules = al_ruleset_new();
		if (al_ruleset_load_embedded(rules) == 0)
			(void)al_config_apply(cfg, rules);
		al_ruleset_free(rules);
		al_config_free(cfg);
	} else {
		al_fuzz_error("config");
	}
	al_error_clear();
	free(text);
	return 0;
}
