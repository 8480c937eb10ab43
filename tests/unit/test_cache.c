/*
 * test_cache.c: the extraction cache fed hand-built facts — what is put is what a later
 * run gets back, field by field; a miss is a miss; another ruleset never sees the entries;
 * a damaged file is a notice and an empty cache, never wrong facts.
 */
#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include "unit.h"

#include "cache.h"
#include "file.h"

typedef struct {
	char dir[64];
	al_ruleset *rules;
} fixture;

static int setup(void **state)
{
	fixture *f = al_calloc(1, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/archlint-cache-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	assert_ok(al_ruleset_open(&f->rules, NULL));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char *cmd = al_sprintf("rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	al_ruleset_free(f->rules);
	free(f);
	return 0;
}

static git_oid oid_of(const char *hex)
{
	git_oid oid;
	assert_int_equal(git_oid_fromstr(&oid, hex), 0);
	return oid;
}

static void push_import(al_vec *into, const char *path, unsigned line)
{
	al_import *imp = al_calloc(1, sizeof(*imp));
	imp->path = al_strdup(path);
	imp->line = line;
	al_vec_push(into, imp);
}

/* Facts with every field set, hits on the ruleset's second signal. */
static al_file_facts *full_facts(const al_ruleset *rules)
{
	al_file_facts *x = al_calloc(1, sizeof(*x));
	x->language = AL_LANG_GO;
	x->package = al_strdup("main");
	x->main_line = 12;
	x->empty_main = 1;
	x->generated = 1;
	x->parse_errors = 1;
	x->role_directive = al_strdup("data-path");
	x->directive_line = 3;
	push_import(&x->imports, "github.com/cockroachdb/pebble", 5);
	push_import(&x->imports, "fmt", 6);
	push_import(&x->cgo_libs, "engine", 8);
	push_import(&x->ignores, "//archlint:ignore AL001 -- why", 10);
	push_import(&x->near_misses, "// archlint:ignore AL001", 11);
	al_hit *h = al_calloc(1, sizeof(*h));
	h->signal = rules->signals.items[1];
	h->line = 20;
	h->count = 3;
	al_vec_push(&x->hits, h);
	return x;
}

/* The one file the cache wrote in dir (malloc'ed path). */
static char *only_file(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *path = NULL;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		assert_null(path);
		path = al_sprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	assert_non_null(path);
	return path;
}

static al_cache *open_cache(fixture *f, const al_ruleset *rules, char **notice)
{
	al_cache *c = al_cache_open(f->dir, rules, notice);
	assert_non_null(c);
	return c;
}

#define BLOB "0123456789abcdef0123456789abcdef01234567"

/* A cache holding full facts for blob, saved; returns the facts put. */
static al_file_facts *store_one(fixture *f, const git_oid *blob)
{
	al_file_facts *put = full_facts(f->rules);
	char *notice = NULL;
	al_cache *c = open_cache(f, f->rules, &notice);
	al_cache_put(c, blob, put);
	assert_ok(al_cache_save(c));
	al_cache_free(c);
	return put;
}

static void imports_equal(const al_vec *a, const al_vec *b)
{
	assert_int_equal(a->len, b->len);
	for (size_t i = 0; i < a->len; i++) {
		const al_import *x = a->items[i], *y = b->items[i];
		assert_string_equal(x->path, y->path);
		assert_int_equal(x->line, y->line);
	}
}

static void a_saved_entry_comes_back_whole(void **state)
{
	fixture *f = *state;
	git_oid blob = oid_of(BLOB);
	char *notice = NULL;
	al_cache_free(open_cache(f, f->rules, &notice));
	assert_null(notice); /* no cache yet is not worth a notice */
	al_file_facts *put = store_one(f, &blob);
	al_cache *c = open_cache(f, f->rules, &notice);
	assert_null(notice);
	al_file_facts *got = al_cache_get(c, &blob);
	assert_non_null(got);
	assert_int_equal(got->language, put->language);
	assert_string_equal(got->package, "main");
	assert_int_equal(got->main_line, 12);
	assert_true(got->empty_main && got->generated && got->parse_errors);
	assert_false(got->build_ignored || got->skipped_by_policy || got->skipped_binary);
	assert_null(got->skipped);
	assert_string_equal(got->role_directive, "data-path");
	assert_int_equal(got->directive_line, 3);
	imports_equal(&got->imports, &put->imports);
	imports_equal(&got->cgo_libs, &put->cgo_libs);
	imports_equal(&got->ignores, &put->ignores);
	imports_equal(&got->near_misses, &put->near_misses);
	assert_int_equal(got->hits.len, 1);
	const al_hit *h = got->hits.items[0];
	assert_ptr_equal(h->signal, f->rules->signals.items[1]);
	assert_int_equal(h->line, 20);
	assert_int_equal(h->count, 3);

	git_oid other = oid_of("fedcba9876543210fedcba9876543210fedcba98");
	assert_null(al_cache_get(c, &other));
	al_file_facts_free(got);
	al_file_facts_free(put);
	al_cache_free(c);
}

static void another_ruleset_never_sees_the_entries(void **state)
{
	fixture *f = *state;
	git_oid blob = oid_of(BLOB);
	al_file_facts *put = store_one(f, &blob);
	char *ours = only_file(f->dir);

	al_ruleset *more = al_ruleset_new(); /* the same rules under another configuration */
	assert_ok(al_ruleset_load_embedded(more));
	al_ruleset_add_hash_input(more, ".archlint.json", "{}", 2);
	assert_ok(al_ruleset_finish(more));
	assert_string_not_equal(more->hash, f->rules->hash);
	char *notice = NULL;
	al_cache *c = open_cache(f, more, &notice);
	assert_null(notice);
	assert_null(al_cache_get(c, &blob)); /* its own file: there is none yet */
	git_oid other = oid_of("fedcba9876543210fedcba9876543210fedcba98");
	al_cache_put(c, &other, put);
	assert_ok(al_cache_save(c));
	al_cache_free(c);
	/* Its file replaced by the first ruleset's: the header says whose it is. */
	char *cmd =
	    al_sprintf("cd '%s' && for x in facts-*; do [ \"$x\" = '%s' ] || cp '%s' \"$x\"; "
	               "done",
	               f->dir, strrchr(ours, '/') + 1, strrchr(ours, '/') + 1);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	c = open_cache(f, more, &notice);
	assert_null(al_cache_get(c, &blob));
	assert_null(al_cache_get(c, &other));
	al_cache_free(c);
	free(notice);
	free(ours);
	al_ruleset_free(more);
	al_file_facts_free(put);
}

static void a_damaged_file_is_a_notice_and_an_empty_cache(void **state)
{
	fixture *f = *state;
	git_oid blob = oid_of(BLOB);
	al_file_facts *put = store_one(f, &blob);
	char *notice = NULL;
	al_cache *c;

	char *path = only_file(f->dir);
	al_buf bytes = AL_BUF_INIT;
	assert_ok(al_file_read(path, 1 << 20, 0, &bytes));
	bytes.ptr[bytes.len - 12] ^= 0x5a; /* a byte of the last entry, before the checksum */
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(bytes.ptr, 1, bytes.len, out), bytes.len);
	fclose(out);

	c = open_cache(f, f->rules, &notice);
	assert_non_null(notice);
	assert_contains(notice, path);
	assert_contains(notice, "rebuilding it");
	assert_null(al_cache_get(c, &blob));
	al_cache_free(c);
	free(notice);
	free(path);
	al_buf_dispose(&bytes);
	al_file_facts_free(put);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(a_saved_entry_comes_back_whole, setup, teardown),
	    cmocka_unit_test_setup_teardown(another_ruleset_never_sees_the_entries, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(a_damaged_file_is_a_notice_and_an_empty_cache, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
