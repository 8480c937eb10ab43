/*
 * test_toml.c: al_toml_parse — tables, dotted keys at the top and inside tables, quoted
 * keys, arrays of tables, inline tables, basic strings with escapes, literal and multi-line
 * strings, booleans and numbers, the key -> line map ("bin.0.name"), and a syntax error
 * failing with AL_ECONFIG and "path:line:col" in the message.
 */
#include "unit.h"

#include <tree_sitter/api.h>

#include "toml.h"

typedef struct {
	TSParser *parser;
	cJSON *doc;
	al_strmap lines;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	f->parser = ts_parser_new();
	*state = f;
	return f->parser ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	cJSON_Delete(f->doc);
	al_strmap_dispose(&f->lines);
	ts_parser_delete(f->parser);
	free(f);
	return 0;
}

static cJSON *parse(fixture *f, const char *src)
{
	int rc = al_toml_parse(&f->doc, &f->lines, f->parser, "t/Cargo.toml", src, strlen(src));
	if (rc != 0)
		fail_msg("al_toml_parse returned %d: %s", rc, al_error_last());
	assert_non_null(f->doc);
	return f->doc;
}

/* The value at a dotted path of object keys ("a.b.c"); NULL when absent. */
static const cJSON *at(const cJSON *doc, const char *path)
{
	char *copy = al_strdup(path);
	const cJSON *cur = doc;
	for (char *part = copy, *next; part && cur; part = next) {
		next = strchr(part, '.');
		if (next)
			*next++ = '\0';
		cur = cJSON_GetObjectItemCaseSensitive(cur, part);
	}
	free(copy);
	return cur;
}

static void assert_str_at(const cJSON *doc, const char *path, const char *want)
{
	const cJSON *v = at(doc, path);
	if (!cJSON_IsString(v))
		fail_msg("%s: expected string \"%s\"", path, want);
	assert_string_equal(v->valuestring, want);
}

static unsigned line_of(fixture *f, const char *key)
{
	return (unsigned)(uintptr_t)al_strmap_get(&f->lines, key);
}

static void tables_and_lines(void **state)
{
	fixture *f = *state;
	const cJSON *doc = parse(f, "# comment\n"
	                            "[package]\n"
	                            "name = \"svc\"\n"
	                            "version = \"0.1.0\"\n"
	                            "autobins = false\n"
	                            "\n"
	                            "[dependencies]\n"
	                            "tokio = \"1\"\n"
	                            "serde = { version = \"1\", features = [\"derive\"] }\n");
	assert_str_at(doc, "package.name", "svc");
	assert_str_at(doc, "package.version", "0.1.0");
	assert_true(cJSON_IsFalse(at(doc, "package.autobins")));
	assert_str_at(doc, "dependencies.tokio", "1");
	assert_str_at(doc, "dependencies.serde.version", "1");
	const cJSON *feat = at(doc, "dependencies.serde.features");
	assert_true(cJSON_IsArray(feat));
	assert_int_equal(cJSON_GetArraySize(feat), 1);
	assert_string_equal(cJSON_GetArrayItem(feat, 0)->valuestring, "derive");

	assert_int_equal(line_of(f, "package"), 2);
	assert_int_equal(line_of(f, "package.name"), 3);
	assert_int_equal(line_of(f, "package.autobins"), 5);
	assert_int_equal(line_of(f, "dependencies"), 7);
	assert_int_equal(line_of(f, "dependencies.tokio"), 8);
	assert_int_equal(line_of(f, "dependencies.serde"), 9);
	assert_int_equal(line_of(f, "dependencies.serde.version"), 9);
}

static void dotted_keys(void **state)
{
	fixture *f = *state;
	const cJSON *doc = parse(f, "package.name = \"dotted\"\n"
	                            "package.edition = \"2021\"\n"
	                            "[package.metadata]\n"
	                            "archlint.role = \"tool\"\n");
	assert_str_at(doc, "package.name", "dotted");
	assert_str_at(doc, "package.edition", "2021");
	assert_str_at(doc, "package.metadata.archlint.role", "tool");
	assert_int_equal(line_of(f, "package.name"), 1);
	assert_int_equal(line_of(f, "package.edition"), 2);
	assert_int_equal(line_of(f, "package.metadata.archlint.role"), 4);
}

static void quoted_keys(void **state)
{
	fixture *f = *state;
	const cJSON *doc = parse(f, "[target.'cfg(unix)'.dependencies]\n"
	                            "nix = \"0.27\"\n"
	                            "[target.\"cfg(windows)\".dependencies]\n"
	                            "winapi = \"0.3\"\n");
	const cJSON *unix_deps = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(at(doc, "target"), "cfg(unix)"), "dependencies");
	assert_non_null(unix_deps);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(unix_deps, "nix")->valuestring,
	                    "0.27");
	const cJSON *win_deps = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(at(doc, "target"), "cfg(windows)"), "dependencies");
	assert_non_null(win_deps);
	assert_non_null(cJSON_GetObjectItemCaseSensitive(win_deps, "winapi"));
	assert_int_equal(line_of(f, "target.cfg(unix).dependencies.nix"), 2);
	assert_int_equal(line_of(f, "target.cfg(windows).dependencies.winapi"), 4);
}

static void arrays_of_tables(void **state)
{
	fixture *f = *state;
	const cJSON *doc = parse(f, "[[bin]]\n"
	                            "name = \"one\"\n"
	                            "path = \"src/one.rs\"\n"
	                            "\n"
	                            "[[bin]]\n"
	                            "name = \"two\"\n");
	const cJSON *bins = at(doc, "bin");
	assert_true(cJSON_IsArray(bins));
	assert_int_equal(cJSON_GetArraySize(bins), 2);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(bins, 0), "name")->valuestring,
	                    "one");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(bins, 0), "path")->valuestring,
	                    "src/one.rs");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(bins, 1), "name")->valuestring,
	                    "two");
	assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(bins, 1), "path"));
	assert_int_equal(line_of(f, "bin.0.name"), 2);
	assert_int_equal(line_of(f, "bin.0.path"), 3);
	assert_int_equal(line_of(f, "bin.1.name"), 6);
}

static void strings_literal_and_escaped(void **state)
{
	fixture *f = *state;
	const cJSON *doc = parse(f, "a = 'C:\\no\\escapes'\n"
	                            "b = \"q\\\"uote \\\\ tab\\t nl\\n \\u00e9\"\n"
	                            "c = \"\"\"\n"
	                            "multi\n"
	                            "line\"\"\"\n"
	                            "d = '''\n"
	                            "raw \\n'''\n"
	                            "e = \"\"\n"
	                            "f = \"\\U0001F600\"\n"
	                            "g = \"\"\"one \\\n"
	                            "      two\"\"\"\n"
	                            "\"quoted key\" = 'v'\n");
	assert_str_at(doc, "a", "C:\\no\\escapes");
	assert_str_at(doc, "b", "q\"uote \\ tab\t nl\n \xc3\xa9");
	assert_str_at(doc, "c", "multi\nline"); /* the newline after """ is trimmed */
	assert_str_at(doc, "d", "raw \\n");
	assert_str_at(doc, "e", "");
	assert_str_at(doc, "f", "\xf0\x9f\x98\x80");
	assert_str_at(doc, "g", "one two"); /* line-ending backslash trims the break */
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(doc, "quoted key")->valuestring, "v");
	assert_int_equal(line_of(f, "quoted key"), 12);
}

static void scalars_and_arrays(void **state)
{
	fixture *f = *state;
	const cJSON *doc = parse(f, "t = true\n"
	                            "n = 42\n"
	                            "x = 1.5\n"
	                            "arr = [\n"
	                            "  \"a\", # a comment\n"
	                            "  \"b\",\n"
	                            "]\n");
	assert_true(cJSON_IsTrue(at(doc, "t")));
	assert_true(cJSON_IsNumber(at(doc, "n")));
	assert_int_equal(at(doc, "n")->valueint, 42);
	assert_true(at(doc, "x")->valuedouble == 1.5);
	const cJSON *arr = at(doc, "arr");
	assert_int_equal(cJSON_GetArraySize(arr), 2); /* the comment is not an element */
	assert_string_equal(cJSON_GetArrayItem(arr, 1)->valuestring, "b");
}

static void lines_map_is_optional(void **state)
{
	fixture *f = *state;
	const char *src = "[package]\nname = \"x\"\n";
	cJSON *doc = NULL;
	assert_ok(al_toml_parse(&doc, NULL, f->parser, "t/Cargo.toml", src, strlen(src)));
	assert_string_equal(at(doc, "package.name")->valuestring, "x");
	cJSON_Delete(doc);
}

static void invalid_toml_names_position(void **state)
{
	fixture *f = *state;
	const char *src = "[package]\n"
	                  "name = \"ok\"\n"
	                  "version = = \"1\"\n";
	cJSON *doc = (cJSON *)1;
	al_error_clear();
	assert_err(AL_ECONFIG,
	           al_toml_parse(&doc, &f->lines, f->parser, "bad/Cargo.toml", src, strlen(src)));
	assert_null(doc);
	assert_contains(al_error_last(), "bad/Cargo.toml:3:");
	assert_contains(al_error_last(), "invalid TOML");

	/* An unterminated table header on the first line. */
	const char *src2 = "[package\nname = \"x\"\n";
	doc = (cJSON *)1;
	assert_err(AL_ECONFIG,
	           al_toml_parse(&doc, NULL, f->parser, "b2/Cargo.toml", src2, strlen(src2)));
	assert_null(doc);
	assert_contains(al_error_last(), "b2/Cargo.toml:1:");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(tables_and_lines, setup, teardown),
	    cmocka_unit_test_setup_teardown(dotted_keys, setup, teardown),
	    cmocka_unit_test_setup_teardown(quoted_keys, setup, teardown),
	    cmocka_unit_test_setup_teardown(arrays_of_tables, setup, teardown),
	    cmocka_unit_test_setup_teardown(strings_literal_and_escaped, setup, teardown),
	    cmocka_unit_test_setup_teardown(scalars_and_arrays, setup, teardown),
	    cmocka_unit_test_setup_teardown(lines_map_is_optional, setup, teardown),
	    cmocka_unit_test_setup_teardown(invalid_toml_names_position, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
