/*
 * test_gomod.c: al_gomod_module_path — the module directive plain, quoted (both quote
 * kinds), followed by a // comment, after leading comments and blank lines, with tabs and
 * CRLF line ends; and the AL_ECONFIG failures (no directive, empty or unterminated path),
 * whose message names the file.
 */
#include "unit.h"

#include "gomod.h"

/* Parses src and checks the module path. */
static void check_module(const char *src, const char *want)
{
	char *got = NULL;
	int rc = al_gomod_module_path(&got, "svc/go.mod", src, strlen(src));
	if (rc != 0)
		fail_msg("go.mod %s: returned %d: %s", src, rc, al_error_last());
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Parses src and checks the failure: AL_ECONFIG, NULL out, and message fragments. */
static void check_failure(const char *src, const char *fragment)
{
	al_error_clear();
	char *got = (char *)"sentinel";
	int rc = al_gomod_module_path(&got, "svc/go.mod", src, strlen(src));
	assert_int_equal(rc, AL_ECONFIG);
	assert_null(got);
	assert_contains(al_error_last(), "svc/go.mod");
	assert_contains(al_error_last(), fragment);
}

static void module_plain(void **state)
{
	(void)state;
	check_module("module example.com/svc\n\ngo 1.22\n", "example.com/svc");
	check_module("module example.com/svc", "example.com/svc"); /* no final newline */
	check_module("module\texample.com/tab\n", "example.com/tab");
	check_module("   module   example.com/indented   \n", "example.com/indented");
}

static void module_quoted(void **state)
{
	(void)state;
	check_module("module \"example.com/quoted\"\n", "example.com/quoted");
	check_module("module `example.com/raw`\n", "example.com/raw");
	/* A quoted path may hold what a bare one cannot. */
	check_module("module \"example.com/a b\"\n", "example.com/a b");
}

static void module_with_trailing_comment(void **state)
{
	(void)state;
	check_module("module example.com/svc // the service\n", "example.com/svc");
	check_module("module example.com/svc// no space\n", "example.com/svc");
	check_module("module \"example.com/svc\" // quoted\n", "example.com/svc");
}

static void module_after_comments_and_blank_lines(void **state)
{
	(void)state;
	check_module("// Copyright 2024\n// module not.this/one\n\n\t\nmodule example.com/real\n",
	             "example.com/real");
	/* Only a whole word "module" starts the directive. */
	check_module("modules are here\nmodule example.com/second\n", "example.com/second");
	/* The first directive wins. */
	check_module("module example.com/first\nmodule example.com/second\n", "example.com/first");
}

static void module_crlf(void **state)
{
	(void)state;
	check_module("// c\r\nmodule example.com/crlf\r\ngo 1.21\r\n", "example.com/crlf");
}

static void module_length_is_respected(void **state)
{
	(void)state;
	/* Only len bytes are read: the directive after them does not count. */
	const char *src = "go 1.22\nmodule example.com/hidden\n";
	char *got = NULL;
	assert_int_equal(al_gomod_module_path(&got, "cut/go.mod", src, 8), AL_ECONFIG);
	assert_null(got);
	assert_contains(al_error_last(), "cut/go.mod");
	/* And a directive cut short by len stops at len. */
	assert_ok(
	    al_gomod_module_path(&got, "cut/go.mod", src, 8 + strlen("module example.com/hid")));
	assert_string_equal(got, "example.com/hid");
	free(got);
}

static void module_missing(void **state)
{
	(void)state;
	check_failure("go 1.22\nrequire example.com/x v1.0.0\n", "no module directive");
	check_failure("", "no module directive");
	check_failure("// module example.com/commented\n", "no module directive");
}

static void module_empty_or_unterminated(void **state)
{
	(void)state;
	check_failure("go 1.22\nmodule \"\"\n", "svc/go.mod:2");
	check_failure("module \"example.com/open\n", "svc/go.mod:1");
	check_failure("module // nothing\n", "empty module path");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(module_plain),
	    cmocka_unit_test(module_quoted),
	    cmocka_unit_test(module_with_trailing_comment),
	    cmocka_unit_test(module_after_comments_and_blank_lines),
	    cmocka_unit_test(module_crlf),
	    cmocka_unit_test(module_length_is_respected),
	    cmocka_unit_test(module_missing),
	    cmocka_unit_test(module_empty_or_unterminated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
