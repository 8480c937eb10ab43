/*
 * repo_check.c: the pack pre-check and the revision error of repo_check.h.
 *
 * The size rule is git's (Documentation/gitformat-pack.txt, check_packed_git_idx), computed
 * in 64 bits: a version 2 index is an 8-byte header, the 256-entry fan-out table, N object
 * ids, N CRCs and N 4-byte offsets, up to N - 1 8-byte large offsets, and two checksums
 * (the pack's, then its own); a version 1 index (no header) is the fan-out table, N 24-byte
 * entries (offset, id) and the two checksums. A pack starts "PACK", version 2 or 3, its
 * object count, and ends with the checksum its index repeats. Every object's offset must lie
 * inside its pack. Object ids and contents are not checked: libgit2 reports those as
 * missing or unreadable objects. Only the first bad file is reported.
 */
#include "repo_check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archlint.h"
#include "file.h"
#include "path.h"

enum {
	HASH_LEN = 20,
	FANOUT_LEN = 256 * 4,
	IDX_V2_HEADER_LEN = 8,
	PACK_HEADER_LEN = 12,
	OFFSETS_CHUNK = 16384,   /* offsets read at a time */
	ALTERNATES_MAX_DEPTH = 5 /* libgit2's GIT_ALTERNATES_MAX_DEPTH */
};

/* One open pack index, as far as it has been checked. */
typedef struct {
	const char *path;
	int fd;
	int v2;
	off_t size;
	uint32_t count;
	unsigned char pack_sum[HASH_LEN]; /* the pack's checksum the index records */
} pack_index;

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Opens path for reading; the fd, or -1 with the error set. */
static int open_file(const char *path, off_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC); /* a FIFO must not block */
	int stated = fd >= 0 && fstat(fd, &st) == 0;
	if (stated && S_ISREG(st.st_mode)) {
		*size = st.st_size;
		return fd;
	}
	al_error_set("%s: %s", path, stated ? "not a regular file" : strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Reads exactly len bytes at off; 0, or -1 with the error set (what = "pack index" or
 * "pack", for a file that shrank while being read). */
static int read_exact(int fd, const char *path, const char *what, off_t off, void *buf, size_t len)
{
	ssize_t n = pread(fd, buf, len, off);
	if (n == (ssize_t)len)
		return 0;
	if (n < 0)
		al_error_set("%s: %s", path, strerror(errno));
	else
		al_error_set("%s: corrupt %s (it changed while being read)", path, what);
	return -1;
}

/* The header, the fan-out table and the size of idx. */
static int check_index(pack_index *idx)
{
	unsigned char head[IDX_V2_HEADER_LEN + FANOUT_LEN];
	size_t got = (size_t)(idx->size < (off_t)sizeof(head) ? idx->size : (off_t)sizeof(head));
	if (read_exact(idx->fd, idx->path, "pack index", 0, head, got) < 0)
		return -1;
	idx->v2 = got >= IDX_V2_HEADER_LEN && memcmp(head, "\377tOc", 4) == 0;
	if (idx->v2 && get_be32(head + 4) != 2) {
		al_error_set("%s: corrupt pack index (unsupported version %u)", idx->path,
		             get_be32(head + 4));
		return -1;
	}
	size_t header = idx->v2 ? IDX_V2_HEADER_LEN : 0;
	if ((uint64_t)idx->size < header + FANOUT_LEN + 2 * HASH_LEN) {
		al_error_set("%s: corrupt pack index (%lld bytes, shorter than an empty index)",
		             idx->path, (long long)idx->size);
		return -1;
	}
	uint32_t n = 0;
	for (int i = 0; i < 256; i++) {
		uint32_t next = get_be32(head + header + 4 * i);
		if (next < n) {
			al_error_set("%s: corrupt pack index (its fan-out table decreases at entry "
			             "%d)",
			             idx->path, i);
			return -1;
		}
		n = next;
	}
	uint64_t min = header + FANOUT_LEN + (uint64_t)n * (idx->v2 ? HASH_LEN + 8 : HASH_LEN + 4) +
	               2 * HASH_LEN;
	uint64_t max = idx->v2 && n ? min + ((uint64_t)n - 1) * 8 : min;
	if ((uint64_t)idx->size < min || (uint64_t)idx->size > max) {
		al_error_set("%s: corrupt pack index (%lld bytes cannot hold the %u objects its "
		             "fan-out table counts)",
		             idx->path, (long long)idx->size, n);
		return -1;
	}
	idx->count = n;
	return read_exact(idx->fd, idx->path, "pack index", idx->size - 2 * HASH_LEN, idx->pack_sum,
	                  HASH_LEN);
}

/* The header and trailer of the pack idx describes. */
static int check_pack(const char *path, const pack_index *idx, off_t *pack_size)
{
	unsigned char head[PACK_HEADER_LEN], tail[HASH_LEN];
	int fd = open_file(path, pack_size);
	if (fd < 0)
		return -1;
	const char *why = NULL;
	int err = 0;
	if (*pack_size < PACK_HEADER_LEN + HASH_LEN)
		why = "truncated: shorter than a pack's header and checksum";
	else if (read_exact(fd, path, "pack", 0, head, sizeof(head)) < 0 ||
	         read_exact(fd, path, "pack", *pack_size - HASH_LEN, tail, HASH_LEN) < 0)
		err = -1;
	else if (memcmp(head, "PACK", 4) != 0)
		why = "no PACK signature";
	else if (get_be32(head + 4) != 2 && get_be32(head + 4) != 3)
		why = "unsupported version";
	else if (get_be32(head + 8) != idx->count)
		why = "its object count is not its index's";
	else if (memcmp(tail, idx->pack_sum, HASH_LEN) != 0)
		why = "truncated or overwritten: its closing checksum is not the one its index "
		      "records";
	close(fd);
	if (why) {
		al_error_set("%s: corrupt pack (%s)", path, why);
		err = -1;
	}
	return err;
}

/* The offset of object i whose 4-byte entry is off32: directly, or through the table of
 * 8-byte offsets that follows a version 2 index's 4-byte ones. */
static int object_offset(const pack_index *idx, uint32_t off32, uint64_t *out)
{
	if (!idx->v2 || !(off32 & 0x80000000u)) {
		*out = off32;
		return 0;
	}
	uint64_t table = IDX_V2_HEADER_LEN + FANOUT_LEN + (uint64_t)idx->count * (HASH_LEN + 8);
	uint64_t at = table + (uint64_t)(off32 & 0x7fffffffu) * 8;
	unsigned char big[8];
	if (at + 8 > (uint64_t)idx->size - 2 * HASH_LEN) {
		al_error_set("%s: corrupt pack index (a large offset lies outside its table)",
		             idx->path);
		return -1;
	}
	if (read_exact(idx->fd, idx->path, "pack index", (off_t)at, big, 8) < 0)
		return -1;
	*out = (uint64_t)get_be32(big) << 32 | get_be32(big + 4);
	return 0;
}

/* Every object's offset lies inside the pack, between its header and checksum: libgit2 1.5
 * maps the window an offset falls in and reads it unchecked, past the end of the file. The
 * offsets are read a chunk at a time (4 bytes an object; 24 in a version 1 index). */
static int check_offsets(const pack_index *idx, off_t pack_size)
{
	size_t stride = idx->v2 ? 4 : HASH_LEN + 4;
	off_t first = idx->v2 ? IDX_V2_HEADER_LEN + FANOUT_LEN + (off_t)idx->count * (HASH_LEN + 4)
	                      : FANOUT_LEN;
	unsigned char *chunk = al_malloc(OFFSETS_CHUNK * stride);
	int err = 0;
	for (uint32_t i = 0; i < idx->count && !err;) {
		uint32_t n = idx->count - i < OFFSETS_CHUNK ? idx->count - i : OFFSETS_CHUNK;
		err = read_exact(idx->fd, idx->path, "pack index", first + (off_t)i * (off_t)stride,
		                 chunk, n * stride);
		for (uint32_t k = 0; k < n && !err; k++, i++) {
			uint64_t off = 0;
			err = object_offset(idx, get_be32(chunk + k * stride), &off);
			if (!err &&
			    (off < PACK_HEADER_LEN || off >= (uint64_t)pack_size - HASH_LEN)) {
				al_error_set(
				    "%s: corrupt pack index (object %u lies at offset %llu, "
				    "outside its %lld-byte pack)",
				    idx->path, i, (unsigned long long)off, (long long)pack_size);
				err = -1;
			}
		}
	}
	free(chunk);
	return err;
}

/* Checks stem.idx and stem.pack. */
static int check_pack_pair(const char *stem)
{
	char *idx_path = al_sprintf("%s.idx", stem);
	char *pack_path = al_sprintf("%s.pack", stem);
	pack_index idx = {idx_path, -1, 0, 0, 0, {0}};
	off_t pack_size = 0;
	idx.fd = open_file(idx_path, &idx.size);
	int err = idx.fd < 0 || check_index(&idx) < 0 ||
	          check_pack(pack_path, &idx, &pack_size) < 0 || check_offsets(&idx, pack_size) < 0;
	if (idx.fd >= 0)
		close(idx.fd);
	free(idx_path);
	free(pack_path);
	return err ? AL_EREPO : 0;
}

/* The NAME.idx files of pack_dir that have a regular NAME.pack, sorted (so that the same
 * damage is always reported the same way), as full paths without the ".idx". */
static void list_packs(al_vec *out, const char *pack_dir)
{
	DIR *dir = opendir(pack_dir);
	if (!dir)
		return; /* no packs */
	struct dirent *d;
	while ((d = readdir(dir)) != NULL) {
		size_t len = strlen(d->d_name);
		if (len <= 4 || !al_str_ends_with(d->d_name, ".idx"))
			continue;
		char *stem = al_sprintf("%s/%.*s", pack_dir, (int)(len - 4), d->d_name);
		char *pack = al_sprintf("%s.pack", stem);
		struct stat st;
		if (stat(pack, &st) == 0 && S_ISREG(st.st_mode))
			al_vec_push(out, stem);
		else
			free(stem); /* libgit2 ignores an index without its pack, as git does */
		free(pack);
	}
	closedir(dir);
	al_vec_sort(out, al_vec_cmp_str);
}

static int check_objects_dir(const char *objects_dir, int depth);

/* Checks the alternates objects_dir/info/alternates lists: one object directory a line,
 * relative to objects_dir unless absolute; '#' starts a comment line. */
static int check_alternates(const char *objects_dir, int depth)
{
	char *list_path = al_sprintf("%s/info/alternates", objects_dir);
	al_buf list = AL_BUF_INIT;
	int err = 0;
	if (depth < ALTERNATES_MAX_DEPTH &&
	    al_file_read(list_path, (size_t)1 << 20, 0, &list) == 0) {
		for (char *line = list.ptr; line && *line && !err;) {
			char *end = strchr(line, '\n');
			if (end)
				*end = '\0';
			if (*line && *line != '#') {
				char *alt = *line == '/' ? al_strdup(line)
				                         : al_sprintf("%s/%s", objects_dir, line);
				err = check_objects_dir(alt, depth + 1);
				free(alt);
			}
			line = end ? end + 1 : NULL;
		}
	}
	al_buf_dispose(&list);
	free(list_path);
	return err;
}

static int check_objects_dir(const char *objects_dir, int depth)
{
	char *pack_dir = al_sprintf("%s/pack", objects_dir);
	al_vec stems = AL_VEC_INIT;
	list_packs(&stems, pack_dir);
	int err = 0;
	for (size_t i = 0; i < stems.len && !err; i++)
		err = check_pack_pair(stems.items[i]);
	al_vec_dispose_with(&stems, free);
	free(pack_dir);
	return err ? err : check_alternates(objects_dir, depth);
}

int al_repo_check_packs(const char *objects_dir)
{
	size_t len = strlen(objects_dir);
	char *dir = al_strndup(objects_dir, len && objects_dir[len - 1] == '/' ? len - 1 : len);
	int err = check_objects_dir(dir, 0);
	free(dir);
	return err;
}

/* Sets the error for spec, which could not be read (code: the libgit2 error; resolved: the
 * reference spec names, if any). */
static void rev_error(git_repository *repo, const char *where, const char *rev, int code,
                      const git_reference *resolved)
{
	const char *spec = rev ? rev : "HEAD";
	const git_error *e = git_error_last();
	if (code != GIT_ENOTFOUND && code != GIT_EINVALIDSPEC && code != GIT_EAMBIGUOUS) {
		al_error_set("'%s': cannot read revision '%s': %s", where, spec,
		             e && e->message ? e->message : "libgit2 error");
	} else if (resolved) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof(hex), git_reference_target(resolved));
		al_error_set("'%s': revision '%s' names %s, which is missing from the object "
		             "database",
		             where, spec, hex);
	} else if (!rev && git_repository_head_unborn(repo) == 1) {
		al_error_set("'%s': HEAD has no commits yet", where);
	} else {
		al_error_set("'%s': unknown revision '%s'", where, spec);
	}
}

int al_repo_revparse(git_object **out, git_repository *repo, const char *where, const char *rev)
{
	const char *spec = rev ? rev : "HEAD";
	git_oid id;
	git_reference *ref = NULL, *resolved = NULL;
	int code;
	/* A reference is looked up here rather than by git_revparse_single, which in libgit2
	 * 1.5 leaks the reference when its object cannot be read. An object id comes first, as
	 * git_revparse_single takes it. */
	if (!(strlen(spec) == GIT_OID_HEXSZ && git_oid_fromstr(&id, spec) == 0) &&
	    git_reference_dwim(&ref, repo, spec) == 0) {
		code = git_reference_resolve(&resolved, ref);
		if (code == 0)
			code = git_object_lookup(out, repo, git_reference_target(resolved),
			                         GIT_OBJECT_ANY);
	} else {
		code = git_revparse_single(out, repo, spec);
	}
	if (code < 0)
		rev_error(repo, where, rev, code, resolved);
	git_reference_free(resolved);
	git_reference_free(ref);
	return code < 0 ? AL_EREPO : 0;
}
