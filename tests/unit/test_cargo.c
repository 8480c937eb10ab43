/*
 * test_cargo.c: al_cargo_manifest_parse over real-looking Cargo.toml files — [package]
 * name (and its default), autobins, [[bin]] targets with their lines, [dependencies] as
 * version strings, tables and inline tables (path, workspace = true, package renames),
 * [target.'cfg(..)'.dependencies], dev-dependencies left out, [workspace] members, exclude
 * and dependencies, [package.metadata.archlint] role and its line, dotted keys, an invalid
 * manifest (AL_ECONFIG, "path:line:col"), and al_crate_name_eq.
 */
#include "unit.h"

#include <tree_sitter/api.h>

#include "cargo.h"

/* The parser and the manifest under test; teardown frees both even when a test fails. */
typedef struct {
	TSParser *parser;
	al_cargo_manifest *m;
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
	al_cargo_manifest_free(f->m);
	ts_parser_delete(f->parser);
	free(f);
	return 0;
}

/* Parses src into the fixture (replacing the previous manifest). */
static al_cargo_manifest *parse(void *state, const char *path, const char *src)
{
	fixture *f = state;
	al_cargo_manifest_free(f->m);
	f->m = NULL;
	int rc = al_cargo_manifest_parse(&f->m, f->parser, path, src, strlen(src));
	if (rc != 0)
		fail_msg("al_cargo_manifest_parse(%s) returned %d: %s", path, rc, al_error_last());
	assert_non_null(f->m);
	return f->m;
}

static const al_cargo_dep *find_dep(const al_vec *deps, const char *key)
{
	for (size_t i = 0; i < deps->len; i++) {
		const al_cargo_dep *d = deps->items[i];
		if (strcmp(d->key, key) == 0)
			return d;
	}
	fail_msg("no dependency \"%s\"", key);
	return NULL;
}

static int has_dep(const al_vec *deps, const char *key)
{
	for (size_t i = 0; i < deps->len; i++)
		if (strcmp(((al_cargo_dep *)deps->items[i])->key, key) == 0)
			return 1;
	return 0;
}

static void package_basics(void **state)
{
	al_cargo_manifest *m = parse(*state, "crates/proxy/Cargo.toml",
	                             "[package]\n"
	                             "name = \"proxy\"\n"
	                             "version = \"0.1.0\"\n"
	                             "edition = \"2021\"\n");
	assert_true(m->has_package);
	assert_false(m->has_workspace);
	assert_string_equal(m->name, "proxy");
	assert_string_equal(m->manifest_path, "crates/proxy/Cargo.toml");
	assert_string_equal(m->dir, "crates/proxy");
	assert_int_equal(m->autobins, 1);
	assert_int_equal(m->bins.len, 0);
	assert_int_equal(m->deps.len, 0);
	assert_null(m->declared_role);
}

static void root_manifest_dir_is_dot(void **state)
{
	al_cargo_manifest *m = parse(*state, "Cargo.toml", "[package]\nname = \"root\"\n");
	assert_string_equal(m->dir, ".");
	assert_string_equal(m->name, "root");
}

static void package_name_defaults_to_dir(void **state)
{
	al_cargo_manifest *m =
	    parse(*state, "crates/noname/Cargo.toml", "[package]\nversion = \"1.0.0\"\n");
	assert_true(m->has_package);
	assert_string_equal(m->name, "noname");
}

static void autobins_false(void **state)
{
	al_cargo_manifest *m =
	    parse(*state, "a/Cargo.toml", "[package]\nname = \"a\"\nautobins = false\n");
	assert_int_equal(m->autobins, 0);
	m = parse(*state, "a/Cargo.toml", "[package]\nname = \"a\"\nautobins = true\n");
	assert_int_equal(m->autobins, 1);
}

static void bin_targets_with_lines(void **state)
{
	al_cargo_manifest *m = parse(*state, "svc/Cargo.toml",
	                             "[package]\n"           /* 1 */
	                             "name = \"svc\"\n"      /* 2 */
	                             "\n"                    /* 3 */
	                             "[[bin]]\n"             /* 4 */
	                             "name = \"svcd\"\n"     /* 5 */
	                             "path = \"src/d.rs\"\n" /* 6 */
	                             "\n"                    /* 7 */
	                             "[[bin]]\n"             /* 8 */
	                             "path = \"src/x.rs\"\n" /* 9: no name, skipped */
	                             "\n"                    /* 10 */
	                             "[[bin]]\n"             /* 11 */
	                             "name = \"svcctl\"\n"); /* 12 */
	assert_int_equal(m->bins.len, 2);
	const al_cargo_bin *b0 = m->bins.items[0], *b1 = m->bins.items[1];
	assert_string_equal(b0->name, "svcd");
	assert_string_equal(b0->path, "src/d.rs");
	assert_string_equal(b1->name, "svcctl");
	assert_null(b1->path);
	/* The line of the target: its [[bin]] header or its name. */
	if (b0->line != 4 && b0->line != 5)
		fail_msg("bin \"svcd\" line %u, expected 4 ([[bin]]) or 5 (name)", b0->line);
	if (b1->line != 11 && b1->line != 12)
		fail_msg("bin \"svcctl\" line %u, expected 11 ([[bin]]) or 12 (name)", b1->line);
}

static void dependencies_all_forms(void **state)
{
	al_cargo_manifest *m =
	    parse(*state, "svc/Cargo.toml",
	          "[package]\n"                                                /* 1 */
	          "name = \"svc\"\n"                                           /* 2 */
	          "[dependencies]\n"                                           /* 3 */
	          "tokio = \"1.35\"\n"                                         /* 4 */
	          "core = { path = \"../core\" }\n"                            /* 5 */
	          "serde = { workspace = true, features = [\"derive\"] }\n"    /* 6 */
	          "http_body = { package = \"http-body\", version = \"1\" }\n" /* 7 */
	          "\n"                                                         /* 8 */
	          "[dependencies.hyper]\n"                                     /* 9 */
	          "version = \"1\"\n"                                          /* 10 */
	          "\n"                                                         /* 11 */
	          "[dev-dependencies]\n"                                       /* 12 */
	          "criterion = \"0.5\"\n");                                    /* 13 */
	assert_int_equal(m->deps.len, 5);
	assert_false(has_dep(&m->deps, "criterion")); /* dev-dependencies are not built in */

	const al_cargo_dep *d = find_dep(&m->deps, "tokio");
	assert_string_equal(d->crate, "tokio");
	assert_null(d->path);
	assert_false(d->workspace);
	assert_int_equal(d->line, 4);

	d = find_dep(&m->deps, "core");
	assert_string_equal(d->crate, "core");
	assert_non_null(d->path);
	assert_string_equal(d->path, "../core");
	assert_int_equal(d->line, 5);

	d = find_dep(&m->deps, "serde");
	assert_true(d->workspace);
	assert_null(d->path);
	assert_int_equal(d->line, 6);

	d = find_dep(&m->deps, "http_body");
	assert_string_equal(d->crate, "http-body"); /* the real crate behind a rename */
	assert_int_equal(d->line, 7);

	d = find_dep(&m->deps, "hyper");
	assert_string_equal(d->crate, "hyper");
	assert_int_equal(d->line, 9);
}

static void dotted_dependency_keys(void **state)
{
	/* `tokio.workspace = true` is how workspace members usually inherit a dependency. */
	al_cargo_manifest *m = parse(*state, "svc/Cargo.toml",
	                             "[package]\n"                      /* 1 */
	                             "name = \"svc\"\n"                 /* 2 */
	                             "[dependencies]\n"                 /* 3 */
	                             "tokio.workspace = true\n"         /* 4 */
	                             "core.path = \"../core\"\n"        /* 5 */
	                             "tonic = { workspace = true }\n"); /* 6 */
	assert_int_equal(m->deps.len, 3);
	const al_cargo_dep *tokio = find_dep(&m->deps, "tokio");
	assert_true(tokio->workspace);
	const al_cargo_dep *core = find_dep(&m->deps, "core");
	assert_string_equal(core->path, "../core");
	assert_int_equal(find_dep(&m->deps, "tonic")->line, 6);
	if (tokio->line != 4)
		fail_msg("dependency `tokio.workspace = true`: line %u, expected 4", tokio->line);
	if (core->line != 5)
		fail_msg("dependency `core.path = ...`: line %u, expected 5", core->line);
}

static void target_dependencies(void **state)
{
	al_cargo_manifest *m = parse(*state, "svc/Cargo.toml",
	                             "[package]\n"                                          /* 1 */
	                             "name = \"svc\"\n"                                     /* 2 */
	                             "[dependencies]\n"                                     /* 3 */
	                             "bytes = \"1\"\n"                                      /* 4 */
	                             "[target.'cfg(unix)'.dependencies]\n"                  /* 5 */
	                             "nix = \"0.27\"\n"                                     /* 6 */
	                             "[target.'cfg(target_os = \"linux\")'.dependencies]\n" /* 7 */
	                             "io-uring = { version = \"0.6\" }\n");                 /* 8 */
	assert_int_equal(m->deps.len, 3);
	assert_int_equal(find_dep(&m->deps, "bytes")->line, 4);
	const al_cargo_dep *nix = find_dep(&m->deps, "nix");
	assert_string_equal(nix->crate, "nix");
	assert_int_equal(nix->line, 6);
	const al_cargo_dep *uring = find_dep(&m->deps, "io-uring");
	assert_string_equal(uring->crate, "io-uring");
	assert_int_equal(uring->line, 8);
}

static void workspace_root(void **state)
{
	al_cargo_manifest *m = parse(*state, "Cargo.toml",
	                             "[workspace]\n"                                        /* 1 */
	                             "resolver = \"2\"\n"                                   /* 2 */
	                             "members = [\"crates/*\", \"tools/gen\"]\n"            /* 3 */
	                             "exclude = [\"crates/old\"]\n"                         /* 4 */
	                             "\n"                                                   /* 5 */
	                             "[workspace.dependencies]\n"                           /* 6 */
	                             "tokio = { version = \"1\", features = [\"full\"] }\n" /* 7 */
	                             "internal = { path = \"crates/internal\" }\n");        /* 8 */
	assert_true(m->has_workspace);
	assert_false(m->has_package);
	assert_null(m->name);
	assert_int_equal(m->members.len, 2);
	assert_string_equal(m->members.items[0], "crates/*");
	assert_string_equal(m->members.items[1], "tools/gen");
	assert_int_equal(m->excludes.len, 1);
	assert_string_equal(m->excludes.items[0], "crates/old");
	assert_int_equal(m->workspace_deps.len, 2);
	assert_int_equal(m->deps.len, 0); /* workspace deps are not the package's deps */
	const al_cargo_dep *t = find_dep(&m->workspace_deps, "tokio");
	assert_int_equal(t->line, 7);
	const al_cargo_dep *in = find_dep(&m->workspace_deps, "internal");
	assert_string_equal(in->path, "crates/internal");
	assert_int_equal(in->line, 8);
}

static void declared_role_with_line(void **state)
{
	al_cargo_manifest *m = parse(*state, "svc/Cargo.toml",
	                             "[package]\n"                   /* 1 */
	                             "name = \"svc\"\n"              /* 2 */
	                             "\n"                            /* 3 */
	                             "[package.metadata.archlint]\n" /* 4 */
	                             "role = \"data-path\"\n");      /* 5 */
	assert_non_null(m->declared_role);
	assert_string_equal(m->declared_role, "data-path");
	assert_int_equal(m->declared_line, 5);
	assert_string_equal(m->name, "svc"); /* the later [package.*] table does not reset it */

	/* Inline-table form: the line is that of the key holding it. */
	m = parse(*state, "svc/Cargo.toml",
	          "[package]\n"
	          "name = \"svc\"\n"
	          "metadata.archlint = { role = \"tool\" }\n");
	assert_string_equal(m->declared_role, "tool");
	assert_int_equal(m->declared_line, 3);
}

static void dotted_keys_at_top(void **state)
{
	al_cargo_manifest *m = parse(*state, "d/Cargo.toml",
	                             "package.name = \"x\"\n"
	                             "package.autobins = false\n"
	                             "dependencies.tokio = \"1\"\n"
	                             "lib.crate-type = [\"cdylib\", \"rlib\"]\n");
	assert_true(m->has_package);
	assert_string_equal(m->name, "x");
	assert_int_equal(m->autobins, 0);
	assert_int_equal(m->deps.len, 1);
	assert_int_equal(find_dep(&m->deps, "tokio")->line, 3);
	assert_int_equal(m->crate_types.len, 2);
	assert_string_equal(m->crate_types.items[0], "cdylib");
}

static void strings_literal_and_escaped(void **state)
{
	al_cargo_manifest *m = parse(*state, "e/Cargo.toml",
	                             "[package]\n"
	                             "name = 'lit\\name'\n"
	                             "[[bin]]\n"
	                             "name = \"esc\\\"aped\\u0041\"\n");
	assert_string_equal(m->name, "lit\\name"); /* literal strings keep backslashes */
	assert_int_equal(m->bins.len, 1);
	assert_string_equal(((al_cargo_bin *)m->bins.items[0])->name, "esc\"apedA");
}

static void invalid_manifest(void **state)
{
	fixture *f = *state;
	al_cargo_manifest *m = (al_cargo_manifest *)1;
	const char *src = "[package]\n"
	                  "name = \"x\"\n"
	                  "[dependencies\n"
	                  "tokio = \"1\"\n";
	al_error_clear();
	assert_err(AL_ECONFIG,
	           al_cargo_manifest_parse(&m, f->parser, "broken/Cargo.toml", src, strlen(src)));
	assert_null(m);
	assert_contains(al_error_last(), "broken/Cargo.toml:3:");
}

static void crate_name_eq(void **state)
{
	(void)state;
	assert_true(al_crate_name_eq("tokio-util", "tokio_util"));
	assert_true(al_crate_name_eq("tokio_util", "tokio-util"));
	assert_true(al_crate_name_eq("serde", "serde"));
	assert_false(al_crate_name_eq("tokio", "tokio-util"));
	assert_false(al_crate_name_eq("tokio-util", "tokio"));
	assert_false(al_crate_name_eq("tokio-util", "tokio.util"));
	assert_false(al_crate_name_eq("Serde", "serde")); /* case matters */
	assert_true(al_crate_name_eq("", ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(package_basics, setup, teardown),
	    cmocka_unit_test_setup_teardown(root_manifest_dir_is_dot, setup, teardown),
	    cmocka_unit_test_setup_teardown(package_name_defaults_to_dir, setup, teardown),
	    cmocka_unit_test_setup_teardown(autobins_false, setup, teardown),
	    cmocka_unit_test_setup_teardown(bin_targets_with_lines, setup, teardown),
	    cmocka_unit_test_setup_teardown(dependencies_all_forms, setup, teardown),
	    cmocka_unit_test_setup_teardown(dotted_dependency_keys, setup, teardown),
	    cmocka_unit_test_setup_teardown(target_dependencies, setup, teardown),
	    cmocka_unit_test_setup_teardown(workspace_root, setup, teardown),
	    cmocka_unit_test_setup_teardown(declared_role_with_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(dotted_keys_at_top, setup, teardown),
	    cmocka_unit_test_setup_teardown(strings_literal_and_escaped, setup, teardown),
	    cmocka_unit_test_setup_teardown(invalid_manifest, setup, teardown),
	    cmocka_unit_test(crate_name_eq),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
