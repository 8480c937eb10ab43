/*
 * test_util.c: the util module — al_buf growth, printf and detach; al_vec sorting; al_strmap
 * set/get/overwrite and rehashing under many keys; the path helpers (dirname, basename,
 * join with "." and "..", is_within, has_dir_segment); the glob matcher ('*', '**', '?')
 * and al_str_ends_with / al_str_starts_with.
 */
#include "unit.h"

#include <stdio.h>

#include "buf.h"
#include "glob.h"
#include "nearest.h"
#include "path.h"
#include "strmap.h"
#include "vec.h"

/* ---- al_buf ---- */

static void buf_empty_is_valid_string(void **state)
{
	(void)state;
	al_buf b = AL_BUF_INIT;
	assert_string_equal(al_buf_cstr(&b), "");
	char *s = al_buf_detach(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

static void buf_grows_across_many_puts(void **state)
{
	(void)state;
	al_buf b = AL_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		al_buf_putc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 1000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.ptr[1000], '\0'); /* always NUL-terminated */
	assert_int_equal(b.ptr[0], 'a');
	assert_int_equal(b.ptr[999], 'a' + 999 % 26);
	al_buf_dispose(&b);
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
}

static void buf_put_embedded_nul_and_clear(void **state)
{
	(void)state;
	al_buf b = AL_BUF_INIT;
	al_buf_put(&b, "ab\0cd", 5);
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.ptr, "ab\0cd", 6);
	al_buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(al_buf_cstr(&b), "");
	al_buf_puts(&b, "x");
	assert_string_equal(al_buf_cstr(&b), "x");
	al_buf_dispose(&b);
}

static void buf_printf_appends_and_grows(void **state)
{
	(void)state;
	al_buf b = AL_BUF_INIT;
	al_buf_puts(&b, "start:");
	al_buf_printf(&b, "%d-%s", 42, "x");
	assert_string_equal(al_buf_cstr(&b), "start:42-x");
	/* Larger than the first allocation (64) in one call. */
	char big[300];
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	al_buf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, strlen("start:42-x") + 2 + 299);
	assert_int_equal(b.ptr[b.len - 1], ']');
	assert_int_equal(b.ptr[b.len], '\0');
	assert_int_equal(strlen(b.ptr), b.len);
	/* An empty format still leaves a valid string. */
	al_buf e = AL_BUF_INIT;
	al_buf_printf(&e, "%s", "");
	assert_int_equal(e.len, 0);
	assert_string_equal(al_buf_cstr(&e), "");
	al_buf_dispose(&e);
	al_buf_dispose(&b);
}

static void buf_detach_hands_over_bytes(void **state)
{
	(void)state;
	al_buf b = AL_BUF_INIT;
	al_buf_puts(&b, "hello");
	char *s = al_buf_detach(&b);
	assert_string_equal(s, "hello");
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	/* The buffer is reusable after detach and does not alias the detached bytes. */
	al_buf_puts(&b, "world");
	assert_string_equal(s, "hello");
	assert_string_equal(al_buf_cstr(&b), "world");
	free(s);
	al_buf_dispose(&b);

	char *f = al_sprintf("%s/%u", "a", 7u);
	assert_string_equal(f, "a/7");
	free(f);
	char *d = al_strndup("abcdef", 3);
	assert_string_equal(d, "abc");
	free(d);
}

/* ---- al_vec ---- */

static void vec_push_grows_and_sorts(void **state)
{
	(void)state;
	al_vec v = AL_VEC_INIT;
	static const char *const words[] = {"pear",   "apple", "fig",   "banana", "apple2",
	                                    "cherry", "date",  "elder", "grape",  "kiwi"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		al_vec_push(&v, (void *)words[i]);
	assert_int_equal(v.len, 10);
	assert_true(v.cap >= 10);
	al_vec_sort(&v, al_vec_cmp_str);
	static const char *const want[] = {"apple", "apple2", "banana", "cherry", "date",
	                                   "elder", "fig",    "grape",  "kiwi",   "pear"};
	for (size_t i = 0; i < v.len; i++)
		assert_string_equal(v.items[i], want[i]);
	al_vec_dispose(&v);
	assert_null(v.items);
	assert_int_equal(v.len, 0);
}

static void vec_dispose_with_frees_items(void **state)
{
	(void)state;
	al_vec v = AL_VEC_INIT;
	al_vec_sort(&v, al_vec_cmp_str); /* empty: no-op */
	for (int i = 0; i < 20; i++)
		al_vec_push(&v, al_sprintf("%02d", 19 - i));
	al_vec_sort(&v, al_vec_cmp_str);
	assert_string_equal(v.items[0], "00");
	assert_string_equal(v.items[19], "19");
	al_vec_dispose_with(&v, free); /* leak-checked under ASan */
	assert_int_equal(v.len, 0);
}

/* ---- al_strmap ---- */

static void strmap_set_get_overwrite(void **state)
{
	(void)state;
	al_strmap m = AL_STRMAP_INIT;
	assert_null(al_strmap_get(&m, "missing")); /* empty map */
	assert_false(al_strmap_has(&m, "missing"));
	int a = 1, b = 2, c = 3;
	assert_null(al_strmap_set(&m, "a", &a));
	assert_null(al_strmap_set(&m, "b", &b));
	assert_ptr_equal(al_strmap_get(&m, "a"), &a);
	assert_ptr_equal(al_strmap_get(&m, "b"), &b);
	assert_null(al_strmap_get(&m, "c"));
	/* Overwrite returns the old value and does not add a key. */
	assert_ptr_equal(al_strmap_set(&m, "a", &c), &a);
	assert_ptr_equal(al_strmap_get(&m, "a"), &c);
	assert_int_equal(m.len, 2);
	/* A NULL value is still a present key. */
	assert_null(al_strmap_set(&m, "nil", NULL));
	assert_true(al_strmap_has(&m, "nil"));
	assert_int_equal(m.len, 3);
	/* Keys are copied, not borrowed. */
	char key[8] = "tmp";
	al_strmap_set(&m, key, &a);
	strcpy(key, "zzz");
	assert_ptr_equal(al_strmap_get(&m, "tmp"), &a);
	assert_null(al_strmap_get(&m, "zzz"));
	/* Empty key. */
	al_strmap_set(&m, "", &b);
	assert_ptr_equal(al_strmap_get(&m, ""), &b);
	al_strmap_dispose(&m);
	assert_int_equal(m.len, 0);
	assert_null(al_strmap_get(&m, "a"));
}

static void strmap_many_keys_survive_rehash(void **state)
{
	(void)state;
	al_strmap m = AL_STRMAP_INIT;
	enum { N = 5000 };
	for (uintptr_t i = 0; i < N; i++) {
		char key[32];
		snprintf(key, sizeof(key), "pkg/%lu/file.go", (unsigned long)i);
		assert_null(al_strmap_set(&m, key, (void *)(i + 1)));
	}
	assert_int_equal(m.len, N);
	assert_true(m.cap >= 2 * N); /* at most half full */
	for (uintptr_t i = 0; i < N; i++) {
		char key[32];
		snprintf(key, sizeof(key), "pkg/%lu/file.go", (unsigned long)i);
		assert_int_equal((uintptr_t)al_strmap_get(&m, key), i + 1);
	}
	assert_null(al_strmap_get(&m, "pkg/5000/file.go"));
	size_t seen = 0;
	for (size_t i = 0; i < m.cap; i++)
		if (m.slots[i].key)
			seen++;
	assert_int_equal(seen, N);
	al_strmap_dispose(&m);
}

static void strmap_dispose_with_frees_values(void **state)
{
	(void)state;
	al_strmap m = AL_STRMAP_INIT;
	for (int i = 0; i < 40; i++) {
		char key[16];
		snprintf(key, sizeof(key), "k%d", i);
		al_strmap_set(&m, key, al_sprintf("v%d", i));
	}
	assert_string_equal(al_strmap_get(&m, "k39"), "v39");
	free(al_strmap_set(&m, "k0", al_strdup("again")));
	assert_string_equal(al_strmap_get(&m, "k0"), "again");
	al_strmap_dispose_with(&m, free); /* leak-checked under ASan */
	assert_null(m.slots);
}

/* ---- paths ---- */

static void path_dirname_basename(void **state)
{
	(void)state;
	char *d = al_path_dirname("a/b/c.go");
	assert_string_equal(d, "a/b");
	free(d);
	d = al_path_dirname("c.go");
	assert_string_equal(d, ".");
	free(d);
	d = al_path_dirname("a/c.go");
	assert_string_equal(d, "a");
	free(d);
	assert_string_equal(al_path_basename("a/b/c.go"), "c.go");
	assert_string_equal(al_path_basename("c.go"), "c.go");
	const char *p = "x/y";
	assert_ptr_equal(al_path_basename(p), p + 2); /* borrowed */
}

static void path_up_walks_to_the_top(void **state)
{
	(void)state;
	char *d = al_strdup("a/b");
	assert_int_equal(al_path_up(&d), 1);
	assert_string_equal(d, "a");
	assert_int_equal(al_path_up(&d), 1);
	assert_string_equal(d, ".");
	assert_int_equal(al_path_up(&d), 0); /* the top stays */
	assert_string_equal(d, ".");
	free(d);
}

static void check_join(const char *dir, const char *rel, const char *want)
{
	char *got = al_path_join(dir, rel);
	if (!want) {
		if (got)
			fail_msg("join(\"%s\", \"%s\") = \"%s\", expected NULL", dir, rel, got);
		return;
	}
	if (!got)
		fail_msg("join(\"%s\", \"%s\") = NULL, expected \"%s\"", dir, rel, want);
	if (strcmp(got, want) != 0)
		fail_msg("join(\"%s\", \"%s\") = \"%s\", expected \"%s\"", dir, rel, got, want);
	free(got);
}

static void path_join_normalises(void **state)
{
	(void)state;
	check_join(".", "a/b", "a/b");
	check_join("a", "b", "a/b");
	check_join("a/b", "../c", "a/c");
	check_join("a/b", "./c/./d", "a/b/c/d");
	check_join("a/b", "..", "a");
	check_join("a", "..", ".");
	check_join(".", ".", ".");
	check_join("a", "./", "a");
	check_join("a", "b//c/", "a/b/c");
	check_join("a/b/c", "../../../x", "x");
	check_join("a/./b", "c", "a/b/c");
}

static void path_join_escaping_root_is_null(void **state)
{
	(void)state;
	check_join(".", "..", NULL);
	check_join(".", "../x", NULL);
	check_join("a", "../..", NULL);
	check_join("a/b", "../../../c", NULL);
	/* Climbing out and back in is still an escape. */
	check_join("a", "../../a/b", NULL);
}

static void path_is_within(void **state)
{
	(void)state;
	assert_true(al_path_is_within("a/b/c.go", "a"));
	assert_true(al_path_is_within("a/b/c.go", "a/b"));
	assert_true(al_path_is_within("a/b", "a/b"));
	assert_true(al_path_is_within("anything/at/all", "."));
	assert_false(al_path_is_within("ab/c.go", "a")); /* prefix of a name, not a dir */
	assert_false(al_path_is_within("a", "a/b"));
	assert_false(al_path_is_within("b/a/c.go", "a"));
}

static void path_has_dir_segment(void **state)
{
	(void)state;
	assert_true(al_path_has_dir_segment("a/testdata/x.go", "testdata"));
	assert_true(al_path_has_dir_segment("testdata/x.go", "testdata"));
	assert_true(al_path_has_dir_segment("a/b/testdata/c/x.go", "testdata"));
	/* The file name is not a directory segment. */
	assert_false(al_path_has_dir_segment("a/testdata", "testdata"));
	assert_false(al_path_has_dir_segment("testdata", "testdata"));
	/* Whole segments only. */
	assert_false(al_path_has_dir_segment("a/mytestdata/x.go", "testdata"));
	assert_false(al_path_has_dir_segment("a/testdata2/x.go", "testdata"));
	assert_false(al_path_has_dir_segment("x.go", "x.go"));
}

static void check_glob(const char *pattern, const char *path, int want)
{
	int got = al_glob_match(pattern, path);
	if (!got != !want)
		fail_msg("glob(\"%s\", \"%s\") = %d, expected %d", pattern, path, got, want);
}

static void glob_star_does_not_cross_slash(void **state)
{
	(void)state;
	check_glob("*.go", "main.go", 1);
	check_glob("*.go", ".go", 1); /* '*' matches an empty run */
	check_glob("*.go", "cmd/main.go", 0);
	check_glob("cmd/*", "cmd/proxy", 1);
	check_glob("cmd/*", "cmd/proxy/main.go", 0);
	check_glob("cmd/*/main.go", "cmd/proxy/main.go", 1);
	check_glob("cmd/*/main.go", "cmd/a/b/main.go", 0);
	check_glob("a*b*c", "aXbYc", 1);
	check_glob("a*b*c", "aXbY/c", 0);
	check_glob("exact", "exact", 1);
	check_glob("exact", "exactly", 0);
	check_glob("exact", "exac", 0);
	check_glob("", "", 1);
	check_glob("", "x", 0);
}

static void glob_double_star_crosses_dirs(void **state)
{
	(void)state;
	check_glob("**", "a/b/c.go", 1);
	check_glob("**", "", 1);
	check_glob("a/**", "a/b/c.go", 1);
	check_glob("a/**", "b/c.go", 0);
	check_glob("a/**/c.go", "a/x/y/z/c.go", 1);
	check_glob("a/**/c.go", "a/c.go", 1); /* "**" + "/" matches zero directories */
	check_glob("a/**/c.go", "a/x/d.go", 0);
	check_glob("**/*.rs", "src/bin/tool.rs", 1);
	check_glob("**/*.rs", "main.rs", 1);
	check_glob("**/*.rs", "main.go", 0);
	check_glob("**/testdata/**", "pkg/testdata/x.go", 1);
	check_glob("**.go", "a/b/c.go", 1);
}

static void glob_double_star_dir_at_root(void **state)
{
	(void)state;
	/* "**" + "/x/" + "**": x may be the first segment. */
	check_glob("**/vendor/**", "vendor/a.go", 1);
	check_glob("**/vendor/**", "vendor/a/b.go", 1);
	check_glob("**/vendor/**", "a/vendor/b.go", 1);
	check_glob("**/vendor/**", "a/b/vendor/c/d.go", 1);
	check_glob("**/vendor/**", "a/vendorx/b.go", 0);
	check_glob("**/vendor/**", "a/b.go", 0);
}

static void glob_double_star_slash_is_segment_boundary(void **state)
{
	(void)state;
	/* "**" + "/" consumes whole directories: what follows starts a segment. */
	check_glob("**/main.go", "cmd/main.go", 1);
	check_glob("**/main.go", "main.go", 1);
	check_glob("**/main.go", "cmd/xmain.go", 0);
	check_glob("**/main.go", "notmain.go", 0);
	check_glob("**/vendor/**", "myvendor/a.go", 0);
	check_glob("**/vendor/**", "a/myvendor/b.go", 0);
	check_glob("a/**/b.go", "a/xb.go", 0);
}

static void glob_double_star_matches_empty_run(void **state)
{
	(void)state;
	/* '**' is "any run including '/'": the empty run too, wherever it stands. */
	check_glob("a**b", "ab", 1);
	check_glob("a**b", "a/x/b", 1);
	check_glob("**_test.go", "_test.go", 1);
	check_glob("**_test.go", "pkg/x_test.go", 1);
}

static void glob_question_mark(void **state)
{
	(void)state;
	check_glob("a?c", "abc", 1);
	check_glob("a?c", "ac", 0);
	check_glob("a?c", "abbc", 0);
	check_glob("a?c", "a/c", 0); /* '?' never matches '/' */
	check_glob("??", "ab", 1);
	check_glob("?", "", 0);
	check_glob("v?/*.go", "v2/x.go", 1);
}

static void str_ends_starts_with(void **state)
{
	(void)state;
	assert_true(al_str_ends_with("main.go", ".go"));
	assert_true(al_str_ends_with("main.go", "main.go"));
	assert_true(al_str_ends_with("main.go", ""));
	assert_false(al_str_ends_with("go", ".go")); /* suffix longer than the name */
	assert_false(al_str_ends_with("main.gox", ".go"));
	assert_false(al_str_ends_with("", "x"));
	assert_true(al_str_starts_with("signals/go.json", "signals/"));
	assert_false(al_str_starts_with("sig", "signals/"));
	assert_true(al_str_starts_with("x", ""));
}

/* ---- nearest ---- */

static void edit_distance_bounded(void **state)
{
	(void)state;
	assert_int_equal(al_edit_distance("cmd/proxy", "cmd/proxy", 3), 0);
	assert_int_equal(al_edit_distance("cmd/prxy", "cmd/proxy", 3), 1);
	assert_int_equal(al_edit_distance("kitten", "sitting", 3), 3);
	assert_int_equal(al_edit_distance("", "abc", 5), 3);
	/* Past the bound: max + 1, whether the lengths or the rows tell. */
	assert_int_equal(al_edit_distance("a", "abcdef", 2), 3);
	assert_int_equal(al_edit_distance("abcdef", "uvwxyz", 2), 3);
}

static void nearest_picks_a_plausible_typo(void **state)
{
	(void)state;
	const char *ids[] = {"cmd/api", "cmd/proxy", "crates/edge"};
	assert_string_equal(al_nearest("cmd/proxx", ids, 3), "cmd/proxy");
	assert_string_equal(al_nearest("cmd/apl", ids, 3), "cmd/api");
	assert_null(al_nearest("services/billing", ids, 3));
	assert_null(al_nearest("x", ids, 0));
	const char *roles[] = {"data-path", "control-plane", "tool"};
	assert_string_equal(al_nearest("data_path", roles, 3), "data-path");
	assert_string_equal(al_nearest("tol", roles, 3), "tool");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(buf_empty_is_valid_string),
	    cmocka_unit_test(buf_grows_across_many_puts),
	    cmocka_unit_test(buf_put_embedded_nul_and_clear),
	    cmocka_unit_test(buf_printf_appends_and_grows),
	    cmocka_unit_test(buf_detach_hands_over_bytes),
	    cmocka_unit_test(vec_push_grows_and_sorts),
	    cmocka_unit_test(vec_dispose_with_frees_items),
	    cmocka_unit_test(strmap_set_get_overwrite),
	    cmocka_unit_test(strmap_many_keys_survive_rehash),
	    cmocka_unit_test(strmap_dispose_with_frees_values),
	    cmocka_unit_test(path_dirname_basename),
	    cmocka_unit_test(path_up_walks_to_the_top),
	    cmocka_unit_test(path_join_normalises),
	    cmocka_unit_test(path_join_escaping_root_is_null),
	    cmocka_unit_test(path_is_within),
	    cmocka_unit_test(path_has_dir_segment),
	    cmocka_unit_test(glob_star_does_not_cross_slash),
	    cmocka_unit_test(glob_double_star_crosses_dirs),
	    cmocka_unit_test(glob_double_star_dir_at_root),
	    cmocka_unit_test(glob_double_star_slash_is_segment_boundary),
	    cmocka_unit_test(glob_double_star_matches_empty_run),
	    cmocka_unit_test(glob_question_mark),
	    cmocka_unit_test(str_ends_starts_with),
	    cmocka_unit_test(edit_distance_bounded),
	    cmocka_unit_test(nearest_picks_a_plausible_typo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
