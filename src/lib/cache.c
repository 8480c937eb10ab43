/*
 * cache.c: the on-disk extraction cache.
 *
 * File layout (little endian):
 *   "ALCACHE" and FORMAT_VERSION (one byte) | ruleset hash (40 hex) | u32 entry count |
 *   entries | u64 checksum (util/binfile.h)
 *   entry: 20-byte blob id | u32 length | serialised al_file_facts
 * Every read is bounds-checked; any inconsistency drops the whole file (a cache is never
 * trusted beyond what it can prove).
 */
#include "cache.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "binfile.h"
#include "file.h"

/* A new version whenever the layout or what a file yields changes; it is in the file name
 * too, so two archlint versions on one repository keep a cache each. */
#define FORMAT_VERSION 5
#define MAGIC_LEN 8
static const char MAGIC[MAGIC_LEN] = {'A', 'L', 'C', 'A', 'C', 'H', 'E', FORMAT_VERSION};
#define HASH_LEN 40
#define MAX_ENTRIES 400000u

typedef struct {
	size_t offset; /* of the serialised facts in data */
	uint32_t len;
	int used; /* looked up or written by this run */
} entry;

struct al_cache {
	const al_ruleset *rules;
	char *path;
	al_buf data;     /* loaded file, then appended new entries (serialised) */
	al_strmap index; /* oid hex -> entry * */
	int dirty;
};

/* A list of (string, line) pairs: imports and cgo libraries. */
static void put_imports(al_buf *b, const al_vec *list)
{
	al_bin_put_u32(b, (uint32_t)list->len);
	for (size_t i = 0; i < list->len; i++) {
		const al_import *imp = list->items[i];
		al_bin_put_str(b, imp->path);
		al_bin_put_u32(b, imp->line);
	}
}

static void get_imports(al_bin_reader *r, al_vec *out)
{
	uint32_t n = al_bin_get_u32(r);
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		char *p = al_bin_get_str(r);
		uint32_t line = al_bin_get_u32(r);
		if (!p) {
			r->bad = 1;
			return;
		}
		al_import *imp = al_calloc(1, sizeof(*imp));
		imp->path = p;
		imp->line = line;
		al_vec_push(out, imp);
	}
}

static void serialise(al_buf *b, const al_file_facts *f)
{
	uint32_t flags = (uint32_t)(f->empty_main ? 1 : 0) | (f->build_ignored ? 2 : 0) |
	                 (f->generated ? 4 : 0) | (f->parse_errors ? 8 : 0) |
	                 (f->skipped_by_policy ? 16 : 0) | (f->skipped_binary ? 32 : 0);
	al_bin_put_u32(b, (uint32_t)f->language);
	al_bin_put_u32(b, flags);
	al_bin_put_str(b, f->skipped);
	al_bin_put_str(b, f->package);
	al_bin_put_u32(b, f->main_line);
	al_bin_put_str(b, f->role_directive);
	al_bin_put_u32(b, f->directive_line);
	put_imports(b, &f->imports);
	put_imports(b, &f->cgo_libs);
	put_imports(b, &f->ignores);
	put_imports(b, &f->near_misses);
	al_bin_put_u32(b, (uint32_t)f->hits.len);
	for (size_t i = 0; i < f->hits.len; i++) {
		const al_hit *h = f->hits.items[i];
		al_bin_put_u32(b, (uint32_t)h->signal->index);
		al_bin_put_u32(b, h->line);
		al_bin_put_u32(b, h->count);
	}
}

static al_file_facts *deserialise(const al_cache *self, const char *data, size_t len)
{
	al_bin_reader r = {(const unsigned char *)data, len, 0};
	al_file_facts *f = al_calloc(1, sizeof(*f));
	uint32_t lang = al_bin_get_u32(&r);
	uint32_t flags = al_bin_get_u32(&r);
	f->language = lang == AL_LANG_RUST ? AL_LANG_RUST : AL_LANG_GO;
	f->empty_main = (flags & 1) != 0;
	f->build_ignored = (flags & 2) != 0;
	f->generated = (flags & 4) != 0;
	f->parse_errors = (flags & 8) != 0;
	f->skipped_by_policy = (flags & 16) != 0;
	f->skipped_binary = (flags & 32) != 0;
	f->skipped = al_bin_get_str(&r);
	f->package = al_bin_get_str(&r);
	f->main_line = al_bin_get_u32(&r);
	f->role_directive = al_bin_get_str(&r);
	f->directive_line = al_bin_get_u32(&r);
	get_imports(&r, &f->imports);
	get_imports(&r, &f->cgo_libs);
	get_imports(&r, &f->ignores);
	get_imports(&r, &f->near_misses);
	uint32_t n = al_bin_get_u32(&r);
	for (uint32_t i = 0; i < n && !r.bad; i++) {
		uint32_t sig = al_bin_get_u32(&r), line = al_bin_get_u32(&r),
		         count = al_bin_get_u32(&r);
		if (r.bad || sig >= self->rules->signals.len) {
			r.bad = 1;
			break;
		}
		al_hit *h = al_calloc(1, sizeof(*h));
		h->signal = self->rules->signals.items[sig];
		h->line = line;
		h->count = count;
		al_vec_push(&f->hits, h);
	}
	if (r.bad || lang > AL_LANG_RUST || r.left != 0) {
		al_file_facts_free(f);
		return NULL;
	}
	return f;
}

static void oid_key(char out[GIT_OID_HEXSZ + 1], const git_oid *oid)
{
	git_oid_tostr(out, GIT_OID_HEXSZ + 1, oid);
}

/* Reads and validates the file; on any problem leaves the cache empty and says why. A cache
 * that is not a regular file of bounded size (a FIFO, a symlink to /dev/zero) is not read:
 * the rewrite replaces it. */
static void load(al_cache *self, char **notice)
{
	if (al_file_read(self->path, AL_CACHE_MAX_BYTES, AL_FILE_NOFOLLOW, &self->data) != 0) {
		if (errno != ENOENT && notice) /* ENOENT: no cache yet */
			*notice = al_sprintf("%s: cache not read (%s); rebuilding it", self->path,
			                     al_file_strerror(errno, AL_CACHE_MAX_BYTES));
		self->dirty = errno != ENOENT;
		return;
	}
	const char *d = al_buf_cstr(&self->data);
	const char *why = NULL;
	if (self->data.len < MAGIC_LEN + HASH_LEN + 4 + 8 || memcmp(d, MAGIC, MAGIC_LEN) != 0)
		why = "not an archlint cache of this version";
	else if (memcmp(d + MAGIC_LEN, self->rules->hash, HASH_LEN) != 0)
		why = "written for another ruleset";
	else if (!al_bin_checksum_strip(&self->data))
		why = "truncated or corrupt";
	size_t header = MAGIC_LEN + HASH_LEN;
	al_bin_reader r = {(const unsigned char *)d + header, why ? 0 : self->data.len - header, 0};
	uint32_t count = why ? 0 : al_bin_get_u32(&r);
	for (uint32_t i = 0; i < count && !why; i++) {
		const unsigned char *raw = NULL, *facts = NULL;
		al_bin_get_bytes(&r, GIT_OID_RAWSZ, &raw);
		uint32_t elen = al_bin_get_u32(&r);
		if (al_bin_get_bytes(&r, elen, &facts) != 0) {
			why = "truncated or corrupt";
			break;
		}
		git_oid oid;
		git_oid_fromraw(&oid, raw);
		entry *e = al_calloc(1, sizeof(*e));
		e->offset = (size_t)((const char *)facts - d);
		e->len = elen;
		char key[GIT_OID_HEXSZ + 1];
		oid_key(key, &oid);
		free(al_strmap_set(&self->index, key, e));
	}
	if (!why && (r.bad || r.left != 0))
		why = "truncated or corrupt";
	if (why) {
		if (notice && memcmp(why, "written", 7) != 0)
			*notice = al_sprintf("%s: cache %s; rebuilding it", self->path, why);
		al_strmap_dispose_with(&self->index, free);
		al_buf_clear(&self->data);
		self->dirty = 1;
	}
}

al_cache *al_cache_open(const char *dir, const al_ruleset *rules, char **notice)
{
	*notice = NULL;
	al_cache *self = al_calloc(1, sizeof(*self));
	self->rules = rules;
	self->path = al_sprintf("%s/facts-%d-%.12s.cache", dir, FORMAT_VERSION, rules->hash);
	load(self, notice);
	return self;
}

al_file_facts *al_cache_get(al_cache *self, const git_oid *oid)
{
	char key[GIT_OID_HEXSZ + 1];
	oid_key(key, oid);
	entry *e = al_strmap_get(&self->index, key);
	if (!e)
		return NULL;
	al_file_facts *f = deserialise(self, self->data.ptr + e->offset, e->len);
	if (f)
		e->used = 1;
	return f;
}

void al_cache_put(al_cache *self, const git_oid *oid, const al_file_facts *facts)
{
	char key[GIT_OID_HEXSZ + 1];
	oid_key(key, oid);
	if (al_strmap_has(&self->index, key))
		return;
	entry *e = al_calloc(1, sizeof(*e));
	size_t start = self->data.len;
	serialise(&self->data, facts);
	e->offset = start;
	e->len = (uint32_t)(self->data.len - start);
	e->used = 1;
	al_strmap_set(&self->index, key, e);
	self->dirty = 1;
}

int al_cache_save(al_cache *self)
{
	if (!self->dirty)
		return 0;
	/* Keep every entry while the cache is small enough: --history and branch switches
	 * revisit old blobs. Past the cap, keep only what this run used. */
	int only_used = self->index.len > MAX_ENTRIES;
	al_buf out = AL_BUF_INIT;
	al_buf_put(&out, MAGIC, MAGIC_LEN);
	al_buf_put(&out, self->rules->hash, HASH_LEN);
	size_t count_at = out.len;
	al_bin_put_u32(&out, 0);
	uint32_t count = 0;
	for (size_t i = 0; i < self->index.cap; i++) {
		const al_strmap_slot *s = &self->index.slots[i];
		if (!s->key)
			continue;
		const entry *e = s->value;
		if (only_used && !e->used)
			continue;
		git_oid oid;
		if (git_oid_fromstr(&oid, s->key) < 0)
			continue;
		al_buf_put(&out, (const char *)oid.id, GIT_OID_RAWSZ);
		al_bin_put_u32(&out, e->len);
		al_buf_put(&out, self->data.ptr + e->offset, e->len);
		count++;
	}
	for (int i = 0; i < 4; i++)
		out.ptr[count_at + i] = (char)((count >> (8 * i)) & 0xFF);
	int err = al_bin_file_write(self->path, &out);
	al_buf_dispose(&out);
	return err;
}

void al_cache_free(al_cache *self)
{
	if (!self)
		return;
	al_strmap_dispose_with(&self->index, free);
	al_buf_dispose(&self->data);
	free(self->path);
	free(self);
}
