/*
 * test_extract.c: the per-file extractor with a ruleset that has no signals — Go package
 * name, func main (top level only, not methods), imports (single, grouped, aliased, dot and
 * blank, with lines), build constraints (//go:build and // +build, before the package
 * clause only), //archlint:role directives, "Code generated ... DO NOT EDIT." markers,
 * parse errors with the facts before them kept; Rust top-level fn main (not inside mod or
 * impl) and @generated. Also the //go:build expression evaluator al_go_build_expr_allows.
 */
#include "unit.h"

#include <tree_sitter/api.h>

#include "extract.h"
#include "rules.h"

typedef struct {
	al_ruleset *rules;
	al_extractor ex;
	al_file_facts *facts;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	f->rules = al_ruleset_new();
	if (al_ruleset_finish(f->rules) != 0)
		return -1;
	al_extractor_init(&f->ex);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	al_file_facts_free(f->facts);
	al_extractor_release(&f->ex);
	al_ruleset_free(f->rules);
	free(f);
	return 0;
}

static al_file_facts *extract(fixture *f, al_language lang, const char *src)
{
	al_file_facts_free(f->facts);
	f->facts = NULL;
	int rc = al_extract_file(&f->facts, &f->ex, f->rules, lang,
	                         lang == AL_LANG_GO ? "pkg/x.go" : "src/x.rs", src, strlen(src));
	if (rc != 0)
		fail_msg("al_extract_file returned %d: %s", rc, al_error_last());
	assert_non_null(f->facts);
	assert_int_equal(f->facts->language, lang);
	assert_false(f->facts->skipped);
	assert_int_equal(f->facts->hits.len, 0); /* no signals, no hits */
	return f->facts;
}

static void assert_import(const al_file_facts *ff, size_t i, const char *path, unsigned line)
{
	if (i >= ff->imports.len)
		fail_msg("import %zu of %zu wanted (\"%s\")", i, ff->imports.len, path);
	const al_import *imp = ff->imports.items[i];
	assert_string_equal(imp->path, path);
	if (imp->line != line)
		fail_msg("import \"%s\": line %u, expected %u", path, imp->line, line);
}

/* ---- al_go_build_expr_allows ---- */

static void check_expr(const char *expr, int want)
{
	int got = al_go_build_expr_allows(expr);
	if (got != want)
		fail_msg("al_go_build_expr_allows(\"%s\") = %d, expected %d", expr, got, want);
}

static void build_expr(void **state)
{
	(void)state;
	check_expr("ignore", 0);
	check_expr("!ignore", 1);
	check_expr("linux && !cgo", 1);
	check_expr("ignore && linux", 0);
	check_expr("linux && ignore", 0);
	check_expr("linux || ignore", 1);
	check_expr("(ignore)", 0);
	check_expr("!windows", 1);
	check_expr("linux && !linux", 0);
	check_expr("!(linux || !linux)", 0);
	check_expr("(linux || darwin) && !ignore", 1);
	check_expr("ignore || ignore", 0);
	check_expr("!!ignore", 0);
	check_expr("  go1.21 ", 1);
	check_expr("a && b && c && !a", 0);
}

/* ---- Go ---- */

static void go_package_main_and_imports(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "// Package main runs the proxy.\n" /* 1 */
	                                  "package main\n"                    /* 2 */
	                                  "\n"                                /* 3 */
	                                  "import \"os\"\n"                   /* 4 */
	                                  "\n"                                /* 5 */
	                                  "import (\n"                        /* 6 */
	                                  "\t\"fmt\"\n"                       /* 7 */
	                                  "\tnethttp \"net/http\"\n"          /* 8 */
	                                  "\t_ \"embed\"\n"                   /* 9 */
	                                  "\t. \"strings\"\n"                 /* 10 */
	                                  "\n"                                /* 11 */
	                                  "\t\"github.com/x/y/v2\" // why\n"  /* 12 */
	                                  ")\n"                               /* 13 */
	                                  "\n"                                /* 14 */
	                                  "import raw `example.com/raw`\n"    /* 15 */
	                                  "\n"                                /* 16 */
	                                  "func helper() {}\n"                /* 17 */
	                                  "\n"                                /* 18 */
	                                  "func main() {\n"                   /* 19 */
	                                  "\tfmt.Println(os.Args)\n"          /* 20 */
	                                  "}\n");
	assert_non_null(ff->package);
	assert_string_equal(ff->package, "main");
	assert_int_equal(ff->main_line, 19);
	assert_false(ff->build_ignored);
	assert_false(ff->generated);
	assert_null(ff->role_directive);
	assert_false(ff->parse_errors);
	assert_int_equal(ff->imports.len, 7);
	assert_import(ff, 0, "os", 4);
	assert_import(ff, 1, "fmt", 7);
	assert_import(ff, 2, "net/http", 8);
	assert_import(ff, 3, "embed", 9);
	assert_import(ff, 4, "strings", 10);
	assert_import(ff, 5, "github.com/x/y/v2", 12);
	assert_import(ff, 6, "example.com/raw", 15);
}

static void go_library_package(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO, "package store\n\nfunc Open() {}\n");
	assert_string_equal(ff->package, "store");
	assert_int_equal(ff->main_line, 0);
	assert_int_equal(ff->imports.len, 0);
}

static void go_method_named_main_is_not_main(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "package main\n"
	                                  "\n"
	                                  "type S struct{}\n"
	                                  "\n"
	                                  "func (s *S) main() {}\n"
	                                  "\n"
	                                  "var main2 = func() {}\n");
	assert_int_equal(ff->main_line, 0);

	ff = extract(f, AL_LANG_GO,
	             "package main\n"       /* 1 */
	             "type S struct{}\n"    /* 2 */
	             "func (S) main() {}\n" /* 3 */
	             "func main() {}\n");   /* 4 */
	assert_int_equal(ff->main_line, 4);
}

static void go_build_ignore(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "//go:build ignore\n"
	                                  "\n"
	                                  "package main\n"
	                                  "\n"
	                                  "func main() {}\n");
	assert_true(ff->build_ignored);
	assert_string_equal(ff->package, "main");
	assert_int_equal(ff->main_line, 5);

	ff = extract(f, AL_LANG_GO, "//go:build linux && !ignore\n\npackage main\n");
	assert_false(ff->build_ignored);

	ff = extract(f, AL_LANG_GO, "//go:build tools && ignore\n\npackage tools\n");
	assert_true(ff->build_ignored);
}

static void go_plus_build_ignore(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "// Copyright header\n"
	                                  "\n"
	                                  "// +build ignore\n"
	                                  "\n"
	                                  "package main\n");
	assert_true(ff->build_ignored);

	/* Space is OR, comma is AND. */
	ff = extract(f, AL_LANG_GO, "// +build linux,ignore\n\npackage main\n");
	assert_true(ff->build_ignored);
	ff = extract(f, AL_LANG_GO, "// +build linux ignore\n\npackage main\n");
	assert_false(ff->build_ignored);
	ff = extract(f, AL_LANG_GO, "// +build !ignore\n\npackage main\n");
	assert_false(ff->build_ignored);
}

static void go_build_constraint_after_package_is_ignored(void **state)
{
	fixture *f = *state;
	/* The go tool only honours constraints before the package clause. */
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "package main\n"
	                                  "\n"
	                                  "//go:build ignore\n"
	                                  "\n"
	                                  "func main() {}\n");
	assert_false(ff->build_ignored);
}

static void go_build_ignore_crlf(void **state)
{
	fixture *f = *state;
	/* A CRLF checkout must not change the verdict: the go tool accepts CRLF files. */
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "//go:build ignore\r\n"
	                                  "\r\n"
	                                  "package main\r\n"
	                                  "\r\n"
	                                  "func main() {}\r\n");
	assert_int_equal(ff->main_line, 5);
	assert_string_equal(ff->package, "main");
	if (!ff->build_ignored)
		fail_msg("\"//go:build ignore\\r\\n\" (CRLF file) was not build_ignored");
}

static void go_plus_build_ignore_crlf(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff =
	    extract(f, AL_LANG_GO, "// +build ignore\r\n\r\npackage main\r\n");
	if (!ff->build_ignored)
		fail_msg("\"// +build ignore\\r\\n\" (CRLF file) was not build_ignored");
}

static void go_role_directive(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "// Command proxy.\n"         /* 1 */
	                                  "package main\n"              /* 2 */
	                                  "\n"                          /* 3 */
	                                  "//archlint:role data-path\n" /* 4 */
	                                  "\n"                          /* 5 */
	                                  "//archlint:role tool\n"      /* 6: not the first */
	                                  "func main() {}\n");          /* 7 */
	assert_non_null(ff->role_directive);
	assert_string_equal(ff->role_directive, "data-path");
	assert_int_equal(ff->directive_line, 4);

	ff = extract(f, AL_LANG_GO,
	             "//archlint:role control-plane   trailing words\n"
	             "package main\n");
	assert_string_equal(ff->role_directive, "control-plane");
	assert_int_equal(ff->directive_line, 1);

	/* Not a directive: a space after the slashes, or another prefix. */
	ff = extract(f, AL_LANG_GO,
	             "// archlint:role data-path\n"
	             "//archlint:roles tool\n"
	             "package main\n");
	assert_null(ff->role_directive);
	assert_int_equal(ff->directive_line, 0);
}

static void go_generated(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "// Code generated by protoc-gen-go. DO NOT EDIT.\n"
	                                  "\n"
	                                  "package pb\n");
	assert_true(ff->generated);
	assert_string_equal(ff->package, "pb");

	ff = extract(f, AL_LANG_GO, "// Code generated by hand, edit freely.\npackage pb\n");
	assert_false(ff->generated);

	ff = extract(f, AL_LANG_GO, "// This code was not generated. DO NOT EDIT.\npackage pb\n");
	assert_false(ff->generated);
}

static void go_parse_errors_keep_earlier_facts(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "package main\n"   /* 1 */
	                                  "\n"               /* 2 */
	                                  "import (\n"       /* 3 */
	                                  "\t\"fmt\"\n"      /* 4 */
	                                  "\t\"net\"\n"      /* 5 */
	                                  ")\n"              /* 6 */
	                                  "\n"               /* 7 */
	                                  "func main() {\n"  /* 8 */
	                                  "\tfmt.Println(\n" /* 9 */
	                                  "\tif x := ; {\n"  /* 10 */
	                                  "}\n"
	                                  "func broken( {\n");
	assert_true(ff->parse_errors);
	assert_string_equal(ff->package, "main");
	assert_int_equal(ff->imports.len, 2);
	assert_import(ff, 0, "fmt", 4);
	assert_import(ff, 1, "net", 5);
}

static void go_empty_file(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_GO, "");
	assert_null(ff->package);
	assert_int_equal(ff->main_line, 0);
	assert_int_equal(ff->imports.len, 0);
}

/* ---- Rust ---- */

static void rust_top_level_main(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_RUST,
	                                  "use std::env;\n"  /* 1 */
	                                  "\n"               /* 2 */
	                                  "fn helper() {}\n" /* 3 */
	                                  "\n"               /* 4 */
	                                  "fn main() {\n"    /* 5 */
	                                  "    helper();\n"  /* 6 */
	                                  "}\n");
	assert_int_equal(ff->main_line, 5);
	assert_false(ff->parse_errors);
	assert_null(ff->package);
	assert_int_equal(ff->imports.len, 0); /* imports are a Go fact */
}

static void rust_async_main_with_attribute(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff =
	    extract(f, AL_LANG_RUST,
	            "#[tokio::main]\n"                                              /* 1 */
	            "async fn main() -> Result<(), Box<dyn std::error::Error>> {\n" /* 2 */
	            "    Ok(())\n"
	            "}\n");
	if (ff->main_line != 1 && ff->main_line != 2)
		fail_msg("#[tokio::main] async fn main: line %u, expected 1 or 2", ff->main_line);

	ff = extract(f, AL_LANG_RUST, "pub fn main() {}\n");
	assert_int_equal(ff->main_line, 1);
}

static void rust_nested_main_is_not_top_level(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_RUST,
	                                  "mod inner {\n"
	                                  "    fn main() {}\n"
	                                  "}\n"
	                                  "\n"
	                                  "struct S;\n"
	                                  "impl S {\n"
	                                  "    fn main(&self) {}\n"
	                                  "}\n"
	                                  "\n"
	                                  "fn run() {\n"
	                                  "    fn main() {}\n"
	                                  "}\n");
	assert_int_equal(ff->main_line, 0);

	ff = extract(f, AL_LANG_RUST,
	             "mod inner {\n"      /* 1 */
	             "    fn main() {}\n" /* 2 */
	             "}\n"                /* 3 */
	             "fn main() {}\n");   /* 4 */
	assert_int_equal(ff->main_line, 4);
}

static void rust_generated(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_RUST,
	                                  "// @generated by prost-build\n"
	                                  "pub struct Msg {}\n");
	assert_true(ff->generated);
	ff = extract(f, AL_LANG_RUST, "// hand written\npub struct Msg {}\n");
	assert_false(ff->generated);
}

static void rust_parse_errors(void **state)
{
	fixture *f = *state;
	const al_file_facts *ff = extract(f, AL_LANG_RUST,
	                                  "fn main() {\n"
	                                  "    let x = ;\n"
	                                  "}\n"
	                                  "fn broken( {\n");
	assert_true(ff->parse_errors);
	assert_int_equal(ff->main_line, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(build_expr),
	    cmocka_unit_test_setup_teardown(go_package_main_and_imports, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_library_package, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_method_named_main_is_not_main, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_build_ignore, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_plus_build_ignore, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_build_constraint_after_package_is_ignored, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(go_build_ignore_crlf, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_plus_build_ignore_crlf, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_role_directive, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_generated, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_parse_errors_keep_earlier_facts, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_empty_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(rust_top_level_main, setup, teardown),
	    cmocka_unit_test_setup_teardown(rust_async_main_with_attribute, setup, teardown),
	    cmocka_unit_test_setup_teardown(rust_nested_main_is_not_top_level, setup, teardown),
	    cmocka_unit_test_setup_teardown(rust_generated, setup, teardown),
	    cmocka_unit_test_setup_teardown(rust_parse_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
