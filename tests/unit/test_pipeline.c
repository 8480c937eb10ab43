/*
 * test_pipeline.c: the pipeline formats' escaping on a hand-built result (one component
 * whose id holds every character a format must escape), and the waivers of .archlint.json
 * (lines of errors, dates). The real clients check the same outputs end to end in
 * tests/integrations; these pin the exact bytes.
 */
#include <stdio.h>

#include "unit.h"

#include "config.h"
#include "report.h"
#include "rules.h"

static al_result *hostile_result(const char *id)
{
	al_result *r = al_calloc(1, sizeof(*r));
	r->rules = al_ruleset_new();
	assert_ok(al_ruleset_load_embedded(r->rules));
	assert_ok(al_ruleset_finish(r->rules));
	al_component *c = al_calloc(1, sizeof(*c));
	c->id = al_strdup(id);
	c->name = al_strdup("x");
	c->kind = "go-main-package";
	c->entry_path = al_sprintf("%s/main.go", id);
	c->entry_line = 7;
	c->package_dir = al_strdup(id);
	c->role = AL_ROLE_DATA_PATH;
	al_vec_push(&r->components, c);
	al_finding *f = al_calloc(1, sizeof(*f));
	f->rule = al_ruleset_find_rule(r->rules, "AL001")->id;
	f->level = AL_LEVEL_WARNING;
	f->component = c;
	f->message = al_sprintf("%s: data-path service written in Go", id);
	memset(f->fingerprint, 'a', 40);
	al_vec_push(&r->findings, f);
	return r;
}

typedef void (*writer)(FILE *, const al_result *);

static char *render(writer w, const al_result *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	w(out, r);
	fclose(out);
	return text;
}

static void test_github_escaping(void **state)
{
	(void)state;
	al_result *r = hostile_result("cmd/a%b,c:d\ne\rf::g\xff");
	char *text = render(al_report_github, r);
	assert_contains(text, "::warning file=cmd/a%25b%2Cc%3Ad%0Ae%0Df%3A%3Ag\xEF\xBF\xBD/main.go,"
	                      "line=7,title=archlint AL001%3A ");
	assert_contains(text, "::cmd/a%25b,c:d%0Ae%0Df::g\xEF\xBF\xBD: data-path service");
	/* One annotation, one count: two lines, whatever the id holds. */
	size_t lines = 0;
	for (char *p = text; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 2);
	free(text);
	al_result_free(r);
}

static void test_github_summary_markdown(void **state)
{
	(void)state;
	al_result *r = hostile_result("cmd/<b>|x*_[y](z)\n$m$");
	char *text = render(al_report_github_summary, r);
	assert_contains(text,
	                "| warning | AL001 | cmd/\\<b\\>\\|x\\*\\_\\[y\\]\\(z\\)\\\\x0a\\$m\\$ |");
	free(text);
	al_result_free(r);
}

static void test_junit_escaping(void **state)
{
	(void)state;
	al_result *r = hostile_result("cmd/\"q'<a>&\x01\t\n");
	char *text = render(al_report_junit, r);
	assert_contains(text,
	                "<testcase name=\"cmd/&quot;q&apos;&lt;a&gt;&amp;\xEF\xBF\xBD&#9;&#10;\"");
	assert_contains(text, "tests=\"1\" failures=\"1\"");
	free(text);
	al_result_free(r);
}

static void test_sarif_uri(void **state)
{
	(void)state;
	al_result *r = hostile_result("cmd/a b#c?d%e:\xff");
	char *text = render(al_report_sarif, r);
	assert_contains(text, "\"uri\":\t\"cmd/a%20b%23c%3Fd%25e%3A%FF/main.go\"");
	assert_contains(text,
	                "\"archlintFinding/v1\":\t\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"");
	assert_contains(text, "\"ruleIndex\":\t0");
	free(text);
	al_result_free(r);
}

static void test_suppressed_left_out(void **state)
{
	(void)state;
	al_result *r = hostile_result("cmd/x");
	al_finding_suppress(r->findings.items[0], AL_SUPPRESS_WAIVER, "because",
	                    ".archlint.json:3");
	char *gh = render(al_report_github, r), *gl = render(al_report_gitlab, r),
	     *sarif = render(al_report_sarif, r), *junit = render(al_report_junit, r);
	assert_null(strstr(gh, "::warning"));
	assert_contains(gh, "; 1 suppressed");
	assert_string_equal(gl, "[]\n");
	assert_contains(sarif, "\"justification\":\t\"because (waiver: .archlint.json:3)\"");
	assert_contains(junit, "failures=\"0\"");
	assert_contains(junit, "AL001 warning accepted (waiver, .archlint.json:3): because");
	free(gh);
	free(gl);
	free(sarif);
	free(junit);
	al_result_free(r);
}

static int parse(al_config **c, const char *text)
{
	return al_config_parse(c, ".archlint.json", text, strlen(text));
}

static void test_waivers_parse(void **state)
{
	(void)state;
	al_config *c = NULL;
	assert_ok(parse(&c, "{\"waivers\": [\n"
	                    "  {\"component\": \"cmd/a\", \"rule\": \"AL001\", \"reason\": \"r\",\n"
	                    "   \"expires\": \"2024-02-29\"}\n]}"));
	assert_int_equal(c->waivers.len, 1);
	const al_waiver *w = c->waivers.items[0];
	assert_string_equal(w->component, "cmd/a");
	assert_string_equal(w->expires, "2024-02-29");
	assert_int_equal(w->line, 2);
	al_config_free(c);
}

static void test_waiver_error_lines(void **state)
{
	(void)state;
	al_config *c = NULL;
	/* Brackets, braces, commas and escaped quotes inside strings do not confuse the line
	 * of the third waiver. */
	assert_err(
	    AL_ECONFIG,
	    parse(&c,
	          "{\"waivers\": [\n"
	          "  {\"component\": \"a\", \"rule\": \"AL001\", \"reason\": \"[x], {y} \\\"z\",\n"
	          "   \"expires\": \"2999-01-01\"},\n"
	          "  {\"component\": \"b\", \"rule\": \"AL001\", \"reason\": \"r\", \"expires\": "
	          "\"2999-01-01\"},\n"
	          "\n"
	          "  {\"component\": \"c\", \"rule\": \"AL001\", \"reason\": \"r\"}\n]}"));
	assert_contains(al_error_last(), ".archlint.json:6: a waiver needs \"expires\"");
	const char *bad_dates[] = {"2023-02-29", "2024-13-01",  "2024-1-01", "2024-01-32",
	                           "20240101",   "2024-01-01x", "next year"};
	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]); i++) {
		char *text =
		    al_sprintf("{\"waivers\": [{\"component\": \"a\", \"rule\": \"AL001\", "
		               "\"reason\": \"r\", \"expires\": \"%s\"}]}",
		               bad_dates[i]);
		assert_err(AL_ECONFIG, parse(&c, text));
		assert_contains(al_error_last(), "must be a date YYYY-MM-DD");
		free(text);
	}
	assert_err(AL_ECONFIG, parse(&c, "{\"waivers\": [\"cmd/a\"]}"));
	assert_contains(al_error_last(), ".archlint.json:1: a waiver must be an object");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_github_escaping),
	    cmocka_unit_test(test_github_summary_markdown),
	    cmocka_unit_test(test_junit_escaping),
	    cmocka_unit_test(test_sarif_uri),
	    cmocka_unit_test(test_suppressed_left_out),
	    cmocka_unit_test(test_waivers_parse),
	    cmocka_unit_test(test_waiver_error_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
