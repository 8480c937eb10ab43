/*
 * test_discover.c: the workspace and discovery stages on a repository built here, with
 * hand-written facts in place of extraction — so what is checked is discovery alone: Go
 * mains and their closures through go.mod, Cargo binaries and path dependencies, which .rs
 * files are worth parsing, unread entry files kept, and what cannot be resolved told.
 */
#include "unit.h"

#include "stage_inputs.h"
#include "discover.h"
#include "scratch_repo.h"

typedef struct {
	scratch_repo repo;
	al_source *source;
	al_result *result; /* the components and notices */
	al_sink sink;
	al_cargo_graph cargo;
	al_strmap facts;   /* path -> al_file_facts * */
	al_vec go_files;   /* char *, sorted */
	al_vec rust_files; /* char *, sorted */
	al_found_set found;
} fixture;

static int setup(void **state)
{
	fixture *f = al_calloc(1, sizeof(*f));
	scratch_init(&f->repo);
	scratch_write(&f->repo, "go.mod", "module example.com/m\n\ngo 1.22\n");
	scratch_write(&f->repo, "cmd/api/main.go", "package main\n");
	scratch_write(&f->repo, "internal/server/server.go", "package server\n");
	scratch_write(&f->repo, "internal/store/store.go", "package store\n");
	scratch_write(&f->repo, "internal/unused/unused.go", "package unused\n");
	scratch_write(&f->repo, "Cargo.toml",
	              "[workspace]\nmembers = [\"crates/*\", \"gone/*\"]\n");
	scratch_write(&f->repo, "crates/engine/Cargo.toml",
	              "[package]\nname = \"engine\"\nversion = \"0.1.0\"\n\n"
	              "[dependencies]\nwire = { path = \"../wire\" }\n"
	              "outside = { path = \"../../../elsewhere\" }\n\n"
	              "[[bin]]\nname = \"engine-admin\"\npath = \"src/admin.rs\"\n");
	scratch_write(&f->repo, "crates/engine/src/main.rs", "fn main() {}\n");
	scratch_write(&f->repo, "crates/engine/src/admin.rs", "fn main() {}\n");
	scratch_write(&f->repo, "crates/engine/src/lib.rs", "pub fn f() {}\n");
	scratch_write(&f->repo, "crates/engine/tests/it.rs", "#[test] fn t() {}\n");
	scratch_write(&f->repo, "crates/wire/Cargo.toml",
	              "[package]\nname = \"wire\"\nversion = \"0.1.0\"\n");
	scratch_write(&f->repo, "crates/wire/src/lib.rs", "pub fn g() {}\n");
	scratch_write(&f->repo, "crates/lonely/Cargo.toml",
	              "[package]\nname = \"lonely\"\nversion = \"0.1.0\"\n");
	scratch_write(&f->repo, "crates/lonely/src/lib.rs", "pub fn h() {}\n");
	scratch_commit(&f->repo);
	al_git_init();
	assert_ok(al_source_open(&f->source, f->repo.dir, AL_SOURCE_REV, NULL));
	assert_ok(al_source_list(f->source, NULL, NULL));
	f->result = al_calloc(1, sizeof(*f->result));
	f->sink = al_sink_of(f->result);
	assert_ok(al_cargo_graph_read(&f->cargo, f->source, NULL, &f->sink));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	al_vec_dispose_with(&f->found.found, al_found_free);
	al_vec_dispose_with(&f->go_files, free);
	al_vec_dispose_with(&f->rust_files, free);
	al_strmap_dispose_with(&f->facts, stage_free_facts);
	al_cargo_graph_dispose(&f->cargo);
	al_result_free(f->result);
	al_source_free(f->source);
	git_libgit2_shutdown();
	scratch_remove(&f->repo);
	free(f);
	return 0;
}

/* What extraction would have said of path: its package, main's line, its imports. */
static al_file_facts *fact(fixture *f, al_language lang, const char *path, const char *package,
                           unsigned main_line, const char *import)
{
	al_file_facts *x = al_calloc(1, sizeof(*x));
	x->language = lang;
	x->package = package ? al_strdup(package) : NULL;
	x->main_line = main_line;
	if (import) {
		al_import *imp = al_calloc(1, sizeof(*imp));
		imp->path = al_strdup(import);
		imp->line = 3;
		al_vec_push(&x->imports, imp);
	}
	al_strmap_set(&f->facts, path, x);
	al_vec_push(lang == AL_LANG_GO ? &f->go_files : &f->rust_files, al_strdup(path));
	return x;
}

static void discover(fixture *f)
{
	al_vec_sort(&f->go_files, al_vec_cmp_str);
	al_vec_sort(&f->rust_files, al_vec_cmp_str);
	f->found.components = &f->result->components;
	f->found.sink = f->sink;
	al_discover_input in = {f->source,    NULL,           &f->facts,
	                        &f->go_files, &f->rust_files, &f->cargo};
	assert_ok(al_discover_go(&f->found, &in));
	assert_ok(al_discover_rust(&f->found, &in));
}

static const al_found *found_of(const fixture *f, const char *id)
{
	for (size_t i = 0; i < f->found.found.len; i++) {
		const al_found *x = f->found.found.items[i];
		if (strcmp(x->component->id, id) == 0)
			return x;
	}
	fail_msg("no component %s", id);
	return NULL;
}

static const al_unit *unit_of(const al_found *x, const char *dir)
{
	for (size_t i = 0; i < x->units.len; i++) {
		const al_unit *u = x->units.items[i];
		if (strcmp(u->dir, dir) == 0)
			return u;
	}
	return NULL;
}

static void go_closure_follows_in_repo_imports(void **state)
{
	fixture *f = *state;
	fact(f, AL_LANG_GO, "cmd/api/main.go", "main", 7, "example.com/m/internal/server");
	fact(f, AL_LANG_GO, "internal/server/server.go", "server", 0,
	     "example.com/m/internal/store");
	fact(f, AL_LANG_GO, "internal/store/store.go", "store", 0, "github.com/other/lib");
	fact(f, AL_LANG_GO, "internal/unused/unused.go", "unused", 0, NULL);
	discover(f);
	const al_found *api = found_of(f, "cmd/api");
	assert_int_equal(api->component->language, AL_LANG_GO);
	assert_string_equal(api->component->entry_path, "cmd/api/main.go");
	assert_int_equal(api->component->entry_line, 7);
	const al_unit *own = unit_of(api, "cmd/api"), *server = unit_of(api, "internal/server"),
	              *store = unit_of(api, "internal/store");
	assert_true(own && own->own && own->depth == 0 && !own->via);
	assert_true(server && !server->own && server->depth == 1 && server->via == own);
	assert_true(store && store->depth == 2 && store->via == server);
	assert_null(unit_of(api, "internal/unused"));
	assert_string_equal(store->files.items[0], "internal/store/store.go");
}

static void an_unread_entry_file_keeps_its_component(void **state)
{
	fixture *f = *state;
	al_file_facts *x = fact(f, AL_LANG_GO, "cmd/api/main.go", NULL, 0, NULL);
	x->skipped = al_strdup("skipped: 9000000 bytes, over max_file_bytes (1000)");
	discover(f);
	const al_found *api = found_of(f, "cmd/api");
	assert_non_null(api->component->unread);
	assert_true(f->result->incomplete);
	char *all = stage_notices(f->result);
	assert_contains(all, "cmd/api: its entry file was not read");
	free(all);
}

static void only_files_a_binary_is_built_from_are_wanted(void **state)
{
	fixture *f = *state;
	assert_true(al_cargo_file_wanted(&f->cargo, "crates/engine/src/lib.rs"));
	assert_true(al_cargo_file_wanted(&f->cargo, "crates/wire/src/lib.rs"));
	assert_false(al_cargo_file_wanted(&f->cargo, "crates/engine/tests/it.rs"));
	assert_false(al_cargo_file_wanted(&f->cargo, "crates/lonely/src/lib.rs"));
	assert_int_equal(f->result->notices.len, 0); /* the graph alone tells nothing */
}

static void cargo_binaries_and_path_dependencies(void **state)
{
	fixture *f = *state;
	fact(f, AL_LANG_RUST, "crates/engine/src/main.rs", NULL, 1, NULL);
	fact(f, AL_LANG_RUST, "crates/engine/src/admin.rs", NULL, 1, NULL);
	fact(f, AL_LANG_RUST, "crates/engine/src/lib.rs", NULL, 0, NULL);
	fact(f, AL_LANG_RUST, "crates/wire/src/lib.rs", NULL, 0, NULL);
	discover(f);
	const al_found *engine = found_of(f, "crates/engine");
	const al_found *admin = found_of(f, "crates/engine:engine-admin");
	assert_string_equal(admin->component->entry_path, "crates/engine/src/admin.rs");
	assert_string_equal(admin->component->name, "engine-admin");
	const al_unit *own = unit_of(engine, "crates/engine"),
	              *wire = unit_of(engine, "crates/wire");
	assert_true(own && own->own);
	assert_true(wire && wire->depth == 1 && wire->via == own);
	assert_string_equal(wire->files.items[0], "crates/wire/src/lib.rs");
	int has_lib = 0, has_main = 0;
	for (size_t i = 0; i < own->files.len; i++) {
		has_lib |= strcmp(own->files.items[i], "crates/engine/src/lib.rs") == 0;
		has_main |= strcmp(own->files.items[i], "crates/engine/src/main.rs") == 0;
	}
	assert_true(has_lib && has_main);
	const al_unit *admin_own = unit_of(admin, "crates/engine");
	int admin_main = 0;
	for (size_t i = 0; i < admin_own->files.len; i++)
		admin_main |= strcmp(admin_own->files.items[i], "crates/engine/src/main.rs") == 0;
	assert_false(admin_main); /* another binary's root is not this one's code */
	char *all = stage_notices(f->result);
	assert_contains(all, "Cargo.toml: workspace member 'gone/*' matches no package");
	assert_contains(all, "crates/engine/Cargo.toml:7: path dependency '../../../elsewhere' "
	                     "points outside the repository");
	free(all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(go_closure_follows_in_repo_imports, setup, teardown),
	    cmocka_unit_test_setup_teardown(an_unread_entry_file_keeps_its_component, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(only_files_a_binary_is_built_from_are_wanted, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(cargo_binaries_and_path_dependencies, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
