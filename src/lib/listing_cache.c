/*
 * listing_cache.c: see listing_cache.h.
 *
 * File layout (little endian): "ALLIST" FORMAT_VERSION '\0' | 20-byte tree id | u32 count of
 * pruned names, each a string | u32 file count | files: string path, 20-byte blob id |
 * u64 checksum (util/binfile.h).
 */
#include "listing_cache.h"

#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "binfile.h"
#include "file.h"

#define FORMAT_VERSION 1
#define MAGIC_LEN 8
static const char MAGIC[MAGIC_LEN] = {'A', 'L', 'L', 'I', 'S', 'T', FORMAT_VERSION, '\0'};

static char *cache_path(const char *dir)
{
	return al_sprintf("%s/listing-%d.cache", dir, FORMAT_VERSION);
}

/* Reads the header; 1 when it is this tree's with these pruned names. */
static int header_matches(al_bin_reader *r, const git_oid *tree, const char *const *prune)
{
	const unsigned char *magic, *id;
	if (al_bin_get_bytes(r, MAGIC_LEN, &magic) != 0 || memcmp(magic, MAGIC, MAGIC_LEN) != 0 ||
	    al_bin_get_bytes(r, GIT_OID_RAWSZ, &id) != 0 ||
	    memcmp(id, tree->id, GIT_OID_RAWSZ) != 0)
		return 0;
	size_t n = 0;
	while (prune[n])
		n++;
	if (al_bin_get_u32(r) != n)
		return 0;
	int same = !r->bad;
	for (size_t i = 0; i < n && same; i++) {
		char *name = al_bin_get_str(r);
		same = name && strcmp(name, prune[i]) == 0;
		free(name);
	}
	return same;
}

int al_listing_cache_read(const char *dir, const git_oid *tree, const char *const *prune_dirs,
                          al_vec *files)
{
	char *path = cache_path(dir);
	al_buf data = AL_BUF_INIT;
	int ok = al_file_read(path, AL_CACHE_MAX_BYTES, AL_FILE_NOFOLLOW, &data) == 0 &&
	         al_bin_checksum_strip(&data);
	free(path);
	al_bin_reader r = {(const unsigned char *)data.ptr, ok ? data.len : 0, 0};
	ok = ok && header_matches(&r, tree, prune_dirs);
	al_vec read = AL_VEC_INIT;
	uint32_t count = ok ? al_bin_get_u32(&r) : 0;
	for (uint32_t i = 0; i < count && !r.bad; i++) {
		char *p = al_bin_get_str(&r);
		const unsigned char *id;
		if (!p || al_bin_get_bytes(&r, GIT_OID_RAWSZ, &id) != 0) {
			free(p);
			r.bad = 1;
			break;
		}
		al_source_file *f = al_calloc(1, sizeof(*f));
		f->path = p;
		git_oid_fromraw(&f->oid, id);
		f->has_oid = 1;
		al_vec_push(&read, f);
	}
	al_buf_dispose(&data);
	if (!ok || r.bad || r.left != 0) {
		al_vec_dispose_with(&read, al_source_file_free);
		return -1;
	}
	for (size_t i = 0; i < read.len; i++)
		al_vec_push(files, read.items[i]);
	al_vec_dispose(&read);
	return 0;
}

void al_listing_cache_write(const char *dir, const git_oid *tree, const char *const *prune_dirs,
                            const al_vec *files)
{
	al_buf out = AL_BUF_INIT;
	al_buf_put(&out, MAGIC, MAGIC_LEN);
	al_buf_put(&out, (const char *)tree->id, GIT_OID_RAWSZ);
	size_t n = 0;
	while (prune_dirs[n])
		n++;
	al_bin_put_u32(&out, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		al_bin_put_str(&out, prune_dirs[i]);
	al_bin_put_u32(&out, (uint32_t)files->len);
	for (size_t i = 0; i < files->len; i++) {
		const al_source_file *f = files->items[i];
		al_bin_put_str(&out, f->path);
		al_buf_put(&out, (const char *)f->oid.id, GIT_OID_RAWSZ);
	}
	char *path = cache_path(dir);
	if (al_bin_file_write(path, &out) != 0)
		al_error_clear();
	free(path);
	al_buf_dispose(&out);
}
