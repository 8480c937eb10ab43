/*
 * test_owners.c: the owners stage on repositories built here — CODEOWNERS patterns by
 * git's rules (any depth, anchored, directories, `**`, case), the last matching line
 * winning, a line without owners leaving a component unowned, .github/ read before the
 * root, a negation told as a notice, and a catalog's owner kept.
 */
#include "unit.h"

#include "owners.h"
#include "scratch_repo.h"

typedef struct {
	scratch_repo repo;
	al_vec components; /* al_component * */
	al_vec notices, warnings;
	int incomplete;
} fixture;

static al_component *component(fixture *f, const char *entry)
{
	al_component *c = al_calloc(1, sizeof(*c));
	c->entry_path = al_strdup(entry);
	al_vec_push(&f->components, c);
	return c;
}

static int setup(void **state)
{
	fixture *f = al_calloc(1, sizeof(*f));
	scratch_init(&f->repo);
	*state = f;
	return 0;
}

static void free_component(void *p)
{
	al_component *c = p;
	free(c->entry_path);
	al_vec_dispose_with(&c->owners, free);
	free(c->owners_from);
	free(c);
}

static int teardown(void **state)
{
	fixture *f = *state;
	scratch_remove(&f->repo);
	al_vec_dispose_with(&f->components, free_component);
	al_vec_dispose_with(&f->notices, free);
	al_vec_dispose_with(&f->warnings, free);
	free(f);
	return 0;
}

/* Commits the files written, then runs the stage on the commit. */
static void assign(fixture *f)
{
	scratch_commit(&f->repo);
	al_git_init();
	al_source *s = NULL;
	assert_ok(al_source_open(&s, f->repo.dir, AL_SOURCE_REV, NULL));
	assert_ok(al_source_list(s, NULL, NULL));
	al_sink sink = {&f->notices, &f->warnings, &f->incomplete};
	assert_ok(al_owners_assign(s, &f->components, &sink));
	al_source_free(s);
	git_libgit2_shutdown();
}

static const char *owner(const al_component *c, size_t i)
{
	return i < c->owners.len ? c->owners.items[i] : NULL;
}

static void patterns_follow_gits_rules_and_the_last_line_wins(void **state)
{
	fixture *f = *state;
	scratch_write(&f->repo, "CODEOWNERS",
	              "# comment\n"
	              "*                 @acme/everyone\n"
	              "*.rs              @acme/rust   # trailing comment\n"
	              "/cmd/             @acme/api alice@example.com\n"
	              "edge/             @acme/edge\n"
	              "tools/**/gen      @acme/tools\n"
	              "/Cmd/Upper/       @acme/wrong-case\n"
	              "cmd/unowned/\n");
	scratch_write(&f->repo, "go.mod", "module x\n");
	al_component *everyone = component(f, "main.go");
	al_component *rust = component(f, "crates/kv/src/main.rs");
	al_component *api = component(f, "cmd/api/main.go");
	al_component *edge = component(f, "services/edge/proxy/main.go"); /* any depth */
	al_component *anchored = component(f, "x/cmd/y/main.go");         /* /cmd/ is anchored */
	al_component *tools = component(f, "tools/a/b/gen/main.go");
	al_component *upper = component(f, "cmd/upper/main.go");
	al_component *unowned = component(f, "cmd/unowned/main.go");
	assign(f);
	assert_string_equal(owner(everyone, 0), "@acme/everyone");
	assert_string_equal(everyone->owners_from, "CODEOWNERS:2");
	assert_string_equal(owner(rust, 0), "@acme/rust");
	assert_string_equal(owner(api, 0), "@acme/api");
	assert_string_equal(owner(api, 1), "alice@example.com");
	assert_int_equal(api->owners.len, 2);
	assert_string_equal(owner(edge, 0), "@acme/edge");
	assert_string_equal(owner(anchored, 0), "@acme/everyone");
	assert_string_equal(owner(tools, 0), "@acme/tools");
	assert_string_equal(owner(upper, 0), "@acme/api"); /* patterns are case-sensitive */
	assert_int_equal(unowned->owners.len, 0);          /* a line without owners */
	assert_string_equal(unowned->owners_from, "CODEOWNERS:8");
	assert_int_equal(f->notices.len, 0);
}

static void github_folder_first_negation_told_catalog_kept(void **state)
{
	fixture *f = *state;
	scratch_write(&f->repo, "CODEOWNERS", "* @root-file\n");
	scratch_write(&f->repo, ".github/CODEOWNERS", "* @github-file\n!cmd/x/\n");
	al_component *plain = component(f, "cmd/a/main.go");
	al_component *declared = component(f, "cmd/b/main.go");
	al_vec_push(&declared->owners, al_strdup("group:default/team-b"));
	declared->owners_from = al_strdup("cmd/b/catalog-info.yaml:7");
	assign(f);
	assert_string_equal(owner(plain, 0), "@github-file");
	assert_string_equal(plain->owners_from, ".github/CODEOWNERS:1");
	assert_string_equal(owner(declared, 0), "group:default/team-b");
	assert_int_equal(declared->owners.len, 1);
	assert_int_equal(f->notices.len, 1);
	assert_non_null(strstr(f->notices.items[0], ".github/CODEOWNERS:2: '!cmd/x/'"));
	assert_int_equal(f->incomplete, 0);
}

static void no_codeowners_no_owners(void **state)
{
	fixture *f = *state;
	scratch_write(&f->repo, "README.md", "no owners here\n");
	al_component *c = component(f, "cmd/a/main.go");
	assign(f);
	assert_int_equal(c->owners.len, 0);
	assert_null(c->owners_from);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(patterns_follow_gits_rules_and_the_last_line_wins,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(github_folder_first_negation_told_catalog_kept, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(no_codeowners_no_owners, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
