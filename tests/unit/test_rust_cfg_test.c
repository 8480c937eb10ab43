/*
 * test_rust_cfg_test.c: al_rust_cfg_test_ranges — `#[cfg(test)]` inline modules are cut out
 * (with pub, pub(crate), further attributes, comments between), braces inside strings, raw
 * strings, byte strings, char literals and nested comments do not end a module early,
 * lifetimes are not char literals, `mod tests;` / cfg(not(test)) / an unclosed module are
 * kept, a file of test code only leaves no range, and each range's row and column match its
 * byte; then through al_extract_file, a query hit inside a test module is not reported while
 * one after it is, at its own line.
 */
#include "unit.h"

#include <cjson/cJSON.h>
#include <tree_sitter/api.h>

#include "extract.h"
#include "rules.h"
#include "rust_cfg_test.h"

/* The text the parser would see: the ranges' bytes, joined with '|'. */
static char *kept_text(const char *src)
{
	uint32_t n = 0;
	TSRange *r = al_rust_cfg_test_ranges(src, strlen(src), &n);
	if (!r)
		return strdup(src);
	size_t cap = strlen(src) + n + 1, len = 0;
	char *out = calloc(1, cap);
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			out[len++] = '|';
		memcpy(out + len, src + r[i].start_byte, r[i].end_byte - r[i].start_byte);
		len += r[i].end_byte - r[i].start_byte;
	}
	free(r);
	return out;
}

static void expect_kept(const char *src, const char *want)
{
	char *got = kept_text(src);
	if (strcmp(got, want) != 0)
		fail_msg("for %s\n  kept %s\n  want %s", src, got, want);
	free(got);
}

static void cuts_test_modules(void **state)
{
	(void)state;
	expect_kept("fn a() {}\n#[cfg(test)]\nmod tests {\n    fn t() {}\n}\nfn b() {}\n",
	            "fn a() {}\n|\nfn b() {}\n");
	expect_kept("x\n#[cfg( test )]\n#[allow(dead_code)] // why\npub(crate) mod t { }\ny",
	            "x\n|\ny");
	expect_kept("#[allow(unused)]\n#[cfg(test)]\npub mod t { fn f() {} }\nz", "\nz");
	expect_kept("a #[cfg(test)] mod t {} b #[cfg(test)] mod u {} c", "a | b | c");
	expect_kept("mod outer {\n #[cfg(test)]\n mod t { }\n}\n", "mod outer {\n |\n}\n");
}

static void braces_in_literals_do_not_end_a_module(void **state)
{
	(void)state;
	expect_kept("#[cfg(test)] mod t { let s = \"}\\\"}\"; } end", " end");
	expect_kept("#[cfg(test)] mod t { let s = r#\"} \" }\"#; let b = br\"}\"; } end", " end");
	expect_kept("#[cfg(test)] mod t { let c = '}'; let e = '\\''; let u = '\\u{7D}'; } end",
	            " end");
	expect_kept("#[cfg(test)] mod t { let b = b'}'; let x = b\"}\"; let y = c\"}\"; } end",
	            " end");
	expect_kept("#[cfg(test)] mod t { /* } /* } */ } */ // }\n } end", " end");
	expect_kept("#[cfg(test)] mod t { fn f<'a>(x: &'a str) -> &'a str { x } } end", " end");
	expect_kept("#[cfg(test)] mod t { let r#type = 1; let s = '\xc3\xa9'; } end", " end");
}

static void keeps_what_is_not_a_test_module(void **state)
{
	(void)state;
	const char *kept[] = {
	    "#[cfg(test)]\nmod tests;\nfn main() {}\n",
	    "#[cfg(not(test))]\nmod real { }\n",
	    "#[cfg(any(test, feature = \"x\"))]\nmod maybe { }\n",
	    "#[cfg(test)]\nfn helper() {}\n",
	    "#[cfg(test)]\nmod unclosed { fn f() {\n",
	    "let s = \"#[cfg(test)] mod t { }\";\n",
	    "// #[cfg(test)] mod t { }\nfn f() {}\n",
	};
	for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		uint32_t n = 99;
		TSRange *r = al_rust_cfg_test_ranges(kept[i], strlen(kept[i]), &n);
		if (r)
			fail_msg("cut something out of: %s", kept[i]);
		assert_int_equal(n, 0);
	}
}

static void all_test_code_leaves_no_range(void **state)
{
	(void)state;
	const char *src = "#[cfg(test)]\nmod tests { }";
	uint32_t n = 99;
	TSRange *r = al_rust_cfg_test_ranges(src, strlen(src), &n);
	assert_non_null(r);
	assert_int_equal(n, 0);
	free(r);
}

static void ranges_carry_rows_and_columns(void **state)
{
	(void)state;
	const char *src = "fn a() {}\n  #[cfg(test)]\nmod t {\n}\n  fn b() {}";
	uint32_t n = 0;
	TSRange *r = al_rust_cfg_test_ranges(src, strlen(src), &n);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].start_byte, 0);
	assert_int_equal(r[0].end_byte, 12);
	assert_int_equal(r[0].end_point.row, 1);
	assert_int_equal(r[0].end_point.column, 2);
	assert_int_equal(r[1].start_byte, 34);
	assert_int_equal(r[1].start_point.row, 3);
	assert_int_equal(r[1].start_point.column, 1);
	assert_int_equal(r[1].end_byte, strlen(src));
	assert_int_equal(r[1].end_point.row, 4);
	assert_int_equal(r[1].end_point.column, 11);
	free(r);
}

static void extraction_skips_test_module_hits(void **state)
{
	(void)state;
	al_ruleset *rules = al_ruleset_new();
	cJSON *sig = cJSON_Parse("{\"id\":\"rs.unsafe\",\"role\":\"data-path\",\"weight\":1,"
	                         "\"why\":\"w\",\"language\":\"rust\","
	                         "\"query\":\"(unsafe_block) @signal\"}");
	assert_ok(al_ruleset_add_signal_json(rules, sig, "t.json"));
	cJSON_Delete(sig);
	assert_ok(al_ruleset_finish(rules));
	al_extractor ex;
	al_extractor_init(&ex);
	const char *src = "fn main() {}\n"
	                  "#[cfg(test)]\n"
	                  "mod tests {\n"
	                  "    fn t() { unsafe { f() } }\n"
	                  "}\n"
	                  "fn g() { unsafe { h() } }\n";
	al_file_facts *ff = NULL;
	assert_ok(al_extract_file(&ff, &ex, rules, AL_LANG_RUST, "src/main.rs", src, strlen(src)));
	assert_int_equal(ff->hits.len, 1);
	const al_hit *h = ff->hits.items[0];
	assert_int_equal(h->count, 1);
	assert_int_equal(h->line, 6);
	assert_int_equal(ff->parse_errors, 0);
	assert_int_equal(ff->main_line, 1);
	al_file_facts_free(ff);
	al_extractor_release(&ex);
	al_ruleset_free(rules);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(cuts_test_modules),
	    cmocka_unit_test(braces_in_literals_do_not_end_a_module),
	    cmocka_unit_test(keeps_what_is_not_a_test_module),
	    cmocka_unit_test(all_test_code_leaves_no_range),
	    cmocka_unit_test(ranges_carry_rows_and_columns),
	    cmocka_unit_test(extraction_skips_test_module_hits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
