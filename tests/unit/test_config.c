/*
 * test_config.c: .archlint.json — a valid configuration (roles with their lines, excludes,
 * rule levels, extra signals); errors naming the file and line (unknown top-level key, bad
 * role, bad level, bad exclude, invalid JSON with line:col, a non-object document);
 * al_config_excludes over a path below an excluded directory or glob; al_config_apply
 * with an unknown rule id, with rule level "off" on the embedded rules, and with signals.
 */
#include "unit.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#include "config.h"
#include "json_lines.h"
#include "rules.h"

static al_config *parse_ok(const char *text)
{
	al_config *c = NULL;
	int rc = al_config_parse(&c, "repo/.archlint.json", text, strlen(text));
	if (rc != 0)
		fail_msg("al_config_parse returned %d: %s", rc, al_error_last());
	assert_non_null(c);
	return c;
}

/* Expects text to fail with AL_ECONFIG, out left NULL, and each fragment in the message. */
static void parse_fails(const char *text, const char *frag1, const char *frag2)
{
	al_config *c = (al_config *)1;
	al_error_clear();
	int rc = al_config_parse(&c, "repo/.archlint.json", text, strlen(text));
	if (rc == 0)
		al_config_free(c);
	if (rc != AL_ECONFIG)
		fail_msg("al_config_parse returned %d, expected AL_ECONFIG, for: %s", rc, text);
	assert_null(c);
	assert_contains(al_error_last(), "repo/.archlint.json");
	if (frag1)
		assert_contains(al_error_last(), frag1);
	if (frag2)
		assert_contains(al_error_last(), frag2);
}

static al_ruleset *embedded_rules(void)
{
	al_ruleset *r = al_ruleset_new();
	int rc = al_ruleset_load_embedded(r);
	if (rc != 0)
		fail_msg("al_ruleset_load_embedded returned %d: %s", rc, al_error_last());
	return r;
}

static const char valid[] =
    "{\n"                                                                /* 1 */
    "  \"components\": {\n"                                              /* 2 */
    "    \"cmd/proxy\": { \"role\": \"data-path\" },\n"                  /* 3 */
    "    \"rust:crates/ctl:ctl\": { \"role\": \"control-plane\" },\n"    /* 4 */
    "    \"cmd/gen\": { \"role\": \"tool\" }\n"                          /* 5 */
    "  },\n"                                                             /* 6 */
    "  \"rules\": { \"AL002\": { \"level\": \"warning\" } },\n"          /* 7 */
    "  \"exclude\": [\"legacy\", \"third_party/*\", \"**/testdata\"],\n" /* 8 */
    "  \"signals\": [\n"                                                 /* 9 */
    "    { \"id\": \"cfg.queue\", \"role\": \"data-path\", \"weight\": 3,\n"
    "      \"why\": \"our queue\", \"imports\": [\"example.com/queue\"] }\n"
    "  ]\n"
    "}\n";

static void valid_config(void **state)
{
	(void)state;
	al_config *c = parse_ok(valid);
	assert_string_equal(c->path, "repo/.archlint.json");
	unsigned line = 0;
	assert_int_equal(al_config_role(c, "cmd/proxy", &line), AL_ROLE_DATA_PATH);
	assert_int_equal(line, 3);
	assert_int_equal(al_config_role(c, "rust:crates/ctl:ctl", &line), AL_ROLE_CONTROL_PLANE);
	assert_int_equal(line, 4);
	assert_int_equal(al_config_role(c, "cmd/gen", NULL), AL_ROLE_TOOL);
	assert_int_equal(al_config_role(c, "cmd/other", &line), -1);
	assert_int_equal(c->excludes.len, 3);
	al_config_free(c);

	/* The empty object is a valid configuration. */
	c = parse_ok("{}");
	assert_int_equal(al_config_role(c, "cmd/proxy", NULL), -1);
	assert_false(al_config_excludes(c, "anything.go"));
	al_config_free(c);
}

static void unknown_top_level_key(void **state)
{
	(void)state;
	parse_fails("{\n"
	            "  \"components\": {},\n"
	            "  \"rulez\": {}\n"
	            "}\n",
	            "repo/.archlint.json:3:", "\"rulez\"");
	parse_fails("{\"component\": {}}", ":1:", "component");
}

static void unknown_key_line_is_the_keys_own(void **state)
{
	(void)state;
	/* The key's name also appears earlier as a value: the line is still the key's. */
	parse_fails("{\n"
	            "  \"exclude\": [\"tools\"],\n"
	            "  \"tools\": {}\n"
	            "}\n",
	            "repo/.archlint.json:3:", "\"tools\"");
}

static void bad_role(void **state)
{
	(void)state;
	parse_fails("{\n"
	            "  \"components\": {\n"
	            "    \"cmd/a\": { \"role\": \"tool\" },\n"
	            "    \"cmd/b\": { \"role\": \"database\" }\n"
	            "  }\n"
	            "}\n",
	            "repo/.archlint.json:4:", "cmd/b");
	/* Unclassified is an outcome, not something to declare. */
	parse_fails("{\"components\": {\"cmd/a\": {\"role\": \"unclassified\"}}}", "cmd/a", "role");
	parse_fails("{\"components\": {\"cmd/a\": {}}}", "cmd/a", "role");
	parse_fails("{\"components\": {\"cmd/a\": {\"role\": 1}}}", "cmd/a", "role");
}

static void bad_level(void **state)
{
	(void)state;
	parse_fails("{\n"
	            "  \"rules\": {\n"
	            "    \"AL001\": { \"level\": \"warning\" },\n"
	            "    \"AL002\": { \"level\": \"fatal\" }\n"
	            "  }\n"
	            "}\n",
	            "repo/.archlint.json:4:", "AL002");
	parse_fails("{\"rules\": {\"AL001\": {}}}", "AL001", "level");
	parse_fails("{\"rules\": {\"AL001\": {\"level\": \"Warning\"}}}", "AL001", "level");
}

static void bad_exclude(void **state)
{
	(void)state;
	parse_fails("{\n  \"exclude\": [\"ok\", 3]\n}\n", "repo/.archlint.json:2:", "exclude");
}

static void wrong_shapes_are_errors(void **state)
{
	(void)state;
	/* A single string where a list belongs must not silently exclude nothing. */
	parse_fails("{\n  \"exclude\": \"legacy\"\n}\n", "exclude", NULL);
}

static void components_must_be_an_object(void **state)
{
	(void)state;
	/* An array has no component ids: an error, not a NULL key (this crashed). */
	parse_fails("{\"components\": [{\"role\": \"tool\"}]}", "components", NULL);
	/* Nor may one component be an array: its items have no keys (this crashed too). */
	parse_fails("{\"components\": {\"cmd/x\": [{\"role\": \"tool\"}]}}", "cmd/x", "object");
}

static void invalid_json_position(void **state)
{
	(void)state;
	parse_fails("{\n"
	            "  \"components\": {},\n"
	            "  \"rules\": {,}\n"
	            "}\n",
	            "repo/.archlint.json:3:", "invalid JSON");
	/* The column is there too: file:line:col. */
	al_config *c = NULL;
	const char *text = "{\"a\" 1}";
	assert_err(AL_ECONFIG, al_config_parse(&c, "x.json", text, strlen(text)));
	assert_contains(al_error_last(), "x.json:1:");
	const char *msg = al_error_last();
	unsigned line = 0, col = 0;
	if (sscanf(msg, "x.json:%u:%u:", &line, &col) != 2)
		fail_msg("no line:col in \"%s\"", msg);
	assert_int_equal(line, 1);
	assert_in_range(col, 2, 8);

	parse_fails("", "invalid JSON", NULL);
	parse_fails("[]", ":1:1:", "object");
	parse_fails("\"text\"", "object", NULL);
}

/* The line map: every key and element by path, keys decoded (an escaped key is found),
 * a key repeated under another spelling is a duplicate at its own line and column. */
static void json_lines_by_path(void **state)
{
	(void)state;
	const char *text = "{\n"
	                   "  \"components\": { \"cmd/a\": { \"role\": \"tool\" },\n"
	                   "    \"cmd/\\u0062\": {\n"
	                   "      \"role\": \"tool\" } },\n"
	                   "  \"exclude\": [\n"
	                   "    \"x\",\n"
	                   "    \"y\" ]\n"
	                   "}\n";
	al_strmap lines = AL_STRMAP_INIT;
	assert_int_equal(al_json_lines(text, strlen(text), &lines, NULL), -1);
	assert_int_equal(al_doc_line(&lines, "0.components"), 2);
	assert_int_equal(al_doc_line(&lines, "0.components.cmd/a.role"), 2);
	assert_int_equal(al_doc_line(&lines, "0.components.cmd/b"), 3);
	assert_int_equal(al_doc_line(&lines, "0.components.cmd/b.role"), 4);
	assert_int_equal(al_doc_line(&lines, "0.exclude.0"), 6);
	assert_int_equal(al_doc_line(&lines, "0.exclude.1"), 7);
	assert_int_equal(al_doc_line(&lines, "0.exclude.2"), 0);
	al_strmap_dispose(&lines);

	parse_fails("{ \"rules\": {},\n  \"ru\\u006ces\": {} }",
	            "repo/.archlint.json:2:3:", "duplicate key \"rules\"");
}

/* YAML: the same checks, lines from the YAML reader; plain scalars are typed. */
static void yaml_config(void **state)
{
	(void)state;
	const char *text = "# settings\n"
	                   "components:\n"
	                   "  cmd/a: {role: data-path, confidence: 0.25}\n"
	                   "max_file_bytes: 0x800\n"
	                   "exclude:\n"
	                   "  - legacy\n";
	al_config *c = NULL;
	assert_int_equal(al_config_parse(&c, "repo/.archlint.yaml", text, strlen(text)), 0);
	unsigned line = 0;
	assert_int_equal(al_config_role(c, "cmd/a", &line), AL_ROLE_DATA_PATH);
	assert_int_equal(line, 3);
	assert_int_equal(c->max_file_bytes, 2048);
	assert_true(al_config_excludes(c, "legacy/x.go"));
	assert_int_equal(al_config_line(c, "exclude.0"), 6);
	al_config_free(c);

	const char *quoted = "components:\n  cmd/a:\n    role: tool\n    confidence: '0.5'\n";
	assert_int_equal(al_config_parse(&c, "r/.archlint.yml", quoted, strlen(quoted)),
	                 AL_ECONFIG);
	assert_contains(al_error_last(),
	                "r/.archlint.yml:4: \"confidence\" of component \"cmd/a\"");
	const char *two = "rules: {}\n---\nrules: {}\n";
	assert_int_equal(al_config_parse(&c, "r/.archlint.yaml", two, strlen(two)), AL_ECONFIG);
	assert_contains(al_error_last(), "expected one YAML document, not 2");
	assert_int_equal(al_config_parse(&c, "r/.archlint.yaml", "- a\n", 4), AL_ECONFIG);
	assert_contains(al_error_last(), "r/.archlint.yaml:1:1: expected a YAML mapping");
}

static void excludes_match_paths_below(void **state)
{
	(void)state;
	al_config *c = parse_ok(valid);
	/* A plain directory name excludes everything below it. */
	assert_true(al_config_excludes(c, "legacy"));
	assert_true(al_config_excludes(c, "legacy/main.go"));
	assert_true(al_config_excludes(c, "legacy/a/b/c.go"));
	assert_false(al_config_excludes(c, "legacyx/main.go"));
	assert_false(al_config_excludes(c, "src/legacy/main.go")); /* anchored at the root */
	/* A directory glob excludes files deeper than the glob reaches. */
	assert_true(al_config_excludes(c, "third_party/zlib/zlib.go"));
	assert_true(al_config_excludes(c, "third_party/zlib/sub/x.go"));
	assert_false(al_config_excludes(c, "third_partyx/zlib/x.go"));
	/* "**" reaches any depth. */
	assert_true(al_config_excludes(c, "pkg/a/testdata/x.go"));
	assert_true(al_config_excludes(c, "testdata/x.go"));
	assert_false(al_config_excludes(c, "pkg/a/testdata2/x.go"));
	assert_false(al_config_excludes(c, "cmd/proxy/main.go"));
	al_config_free(c);
}

static void apply_unknown_rule_fails(void **state)
{
	(void)state;
	al_config *c = parse_ok("{\"rules\": {\"AL999\": {\"level\": \"off\"}}}");
	al_ruleset *r = embedded_rules();
	al_error_clear();
	assert_err(AL_ECONFIG, al_config_apply(c, r));
	assert_contains(al_error_last(), "repo/.archlint.json");
	assert_contains(al_error_last(), "AL999");
	al_ruleset_free(r);
	al_config_free(c);
}

static void apply_rule_level_off(void **state)
{
	(void)state;
	al_config *c = parse_ok("{\"rules\": {\"AL001\": {\"level\": \"off\"}, "
	                        "\"AL002\": {\"level\": \"error\"}}}");
	al_ruleset *r = embedded_rules();
	al_rule *r1 = al_ruleset_find_rule(r, "AL001");
	al_rule *r2 = al_ruleset_find_rule(r, "AL002");
	assert_non_null(r1);
	assert_non_null(r2);
	assert_int_not_equal(r1->level, AL_LEVEL_OFF);
	assert_int_not_equal(r2->level, AL_LEVEL_ERROR);
	assert_ok(al_config_apply(c, r));
	assert_int_equal(r1->level, AL_LEVEL_OFF);
	assert_int_equal(r2->level, AL_LEVEL_ERROR);
	assert_ok(al_ruleset_finish(r));
	al_ruleset_free(r);
	al_config_free(c);
}

static void apply_adds_signals_and_hash(void **state)
{
	(void)state;
	al_config *c = parse_ok(valid);
	al_ruleset *plain = embedded_rules();
	assert_ok(al_ruleset_finish(plain));

	al_ruleset *r = embedded_rules();
	size_t before = r->signals.len;
	assert_ok(al_config_apply(c, r));
	assert_ok(al_ruleset_finish(r));
	assert_int_equal(r->signals.len, before + 1);
	al_vec out = AL_VEC_INIT;
	al_ruleset_match_import(r, "example.com/queue/client", &out);
	assert_int_equal(out.len, 1);
	assert_string_equal(((al_signal *)out.items[0])->id, "cfg.queue");
	assert_string_equal(((al_signal *)out.items[0])->origin, "repo/.archlint.json");
	al_vec_dispose(&out);
	/* The configuration is part of the ruleset hash. */
	assert_string_not_equal(plain->hash, r->hash);
	al_ruleset_free(r);
	al_ruleset_free(plain);
	al_config_free(c);

	/* A bad signal in the configuration fails apply, naming the file. */
	c = parse_ok("{\"signals\": [{\"id\": \"s\", \"role\": \"tool\", \"weight\": 0, "
	             "\"why\": \"w\", \"imports\": [\"x\"]}]}");
	r = embedded_rules();
	assert_err(AL_ECONFIG, al_config_apply(c, r));
	assert_contains(al_error_last(), "repo/.archlint.json");
	al_ruleset_free(r);
	al_config_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(valid_config),
	    cmocka_unit_test(unknown_top_level_key),
	    cmocka_unit_test(unknown_key_line_is_the_keys_own),
	    cmocka_unit_test(bad_role),
	    cmocka_unit_test(bad_level),
	    cmocka_unit_test(bad_exclude),
	    cmocka_unit_test(invalid_json_position),
	    cmocka_unit_test(json_lines_by_path),
	    cmocka_unit_test(yaml_config),
	    cmocka_unit_test(excludes_match_paths_below),
	    cmocka_unit_test(apply_unknown_rule_fails),
	    cmocka_unit_test(apply_rule_level_off),
	    cmocka_unit_test(apply_adds_signals_and_hash),
	    cmocka_unit_test(wrong_shapes_are_errors),
	    /* Last: it crashes the process (SIGSEGV) while the bug is there. */
	    cmocka_unit_test(components_must_be_an_object),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
