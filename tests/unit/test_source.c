/*
 * test_source.c: the snapshot stage on repositories built here — what a revision, the
 * index and the work tree list; symlinks and pruned directories left out; the size bound
 * applied before a byte is read; an absent path and a missing repository told apart.
 */
#include <unistd.h>

#include "unit.h"

#include "scratch_repo.h"
#include "source.h"

static const char *const prune[] = {"vendor", NULL};

static int setup(void **state)
{
	scratch_repo *r = al_calloc(1, sizeof(*r));
	scratch_init(r);
	scratch_write(r, "cmd/a/main.go", "package main\n\nfunc main() {}\n");
	scratch_write(r, "vendor/x/x.go", "package x\n");
	scratch_write(r, "big.txt", "0123456789012345678901234567890123456789\n");
	scratch_run(r, "ln -s cmd/a/main.go link.go");
	scratch_commit(r);
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	scratch_remove(*state);
	free(*state);
	return 0;
}

static al_source *open_listed(const scratch_repo *r, al_source_mode mode)
{
	al_git_init();
	al_source *s = NULL;
	assert_ok(al_source_open(&s, r->dir, mode, NULL));
	assert_ok(al_source_list(s, prune, NULL));
	return s;
}

static void close_source(al_source *s)
{
	al_source_free(s);
	git_libgit2_shutdown();
}

static void a_revision_lists_regular_files_only(void **state)
{
	al_source *s = open_listed(*state, AL_SOURCE_REV);
	assert_int_equal(s->commit[0] != '\0', 1);
	assert_non_null(al_source_find(s, "cmd/a/main.go"));
	assert_non_null(al_source_find(s, "big.txt"));
	assert_null(al_source_find(s, "vendor/x/x.go")); /* pruned */
	assert_null(al_source_find(s, "link.go"));       /* a symlink is never a file */
	for (size_t i = 1; i < s->files.len; i++)
		assert_true(strcmp(((al_source_file *)s->files.items[i - 1])->path,
		                   ((al_source_file *)s->files.items[i])->path) < 0);
	al_buf b = AL_BUF_INIT;
	assert_ok(al_source_read_path(s, "cmd/a/main.go", &b));
	assert_string_equal(al_buf_cstr(&b), "package main\n\nfunc main() {}\n");
	al_buf_dispose(&b);
	close_source(s);
}

static void the_bound_is_applied_before_reading(void **state)
{
	al_source *s = open_listed(*state, AL_SOURCE_REV);
	al_source_limit(s, 10);
	al_buf b = AL_BUF_INIT;
	assert_int_equal(al_source_read_path(s, "big.txt", &b), AL_SOURCE_TOO_LARGE);
	assert_contains(al_error_last(), "big.txt");
	assert_int_equal(b.len, 0);
	assert_int_equal(al_source_read_path(s, "nothing/here.go", &b), AL_SOURCE_ABSENT);
	al_buf_dispose(&b);
	close_source(s);
}

static void the_index_and_the_work_tree_differ_from_head(void **state)
{
	scratch_repo *r = *state;
	scratch_write(r, "cmd/b/main.go", "package main\n");
	scratch_run(r, "git add cmd/b/main.go");
	scratch_write(r, "cmd/c/main.go", "package main\n");
	al_source *head = open_listed(r, AL_SOURCE_REV);
	assert_null(al_source_find(head, "cmd/b/main.go"));
	close_source(head);
	al_source *staged = open_listed(r, AL_SOURCE_STAGED);
	assert_non_null(al_source_find(staged, "cmd/b/main.go"));
	assert_null(al_source_find(staged, "cmd/c/main.go"));
	close_source(staged);
	al_source *worktree = open_listed(r, AL_SOURCE_WORKTREE);
	assert_non_null(al_source_find(worktree, "cmd/b/main.go"));
	assert_non_null(al_source_find(worktree, "cmd/c/main.go"));
	close_source(worktree);
}

static void no_repository_is_one_clear_error(void **state)
{
	(void)state;
	char dir[] = "/tmp/archlint-norepo-XXXXXX";
	assert_non_null(mkdtemp(dir));
	al_git_init();
	al_source *s = NULL;
	assert_int_equal(al_source_open(&s, dir, AL_SOURCE_REV, NULL), AL_EREPO);
	assert_contains(al_error_last(), "not a git repository");
	assert_contains(al_error_last(), dir);
	git_libgit2_shutdown();
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(a_revision_lists_regular_files_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(the_bound_is_applied_before_reading, setup, teardown),
	    cmocka_unit_test_setup_teardown(the_index_and_the_work_tree_differ_from_head, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(no_repository_is_one_clear_error, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
