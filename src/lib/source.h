/*
 * source.h: the repository snapshot archlint reads, through libgit2 only.
 *
 * A snapshot is the tree of a revision, the index (staged content) or the work tree. It
 * never checks anything out and never runs the git program. al_source_open owns the
 * repository handle and the file list; al_source_free releases both. Readers are per
 * thread: each worker opens its own al_source_reader (its own repository handle).
 */
#ifndef AL_SOURCE_H
#define AL_SOURCE_H

#include <git2.h>

#include "archlint.h"

typedef struct {
	char *path;  /* repository-relative, '/'-separated */
	git_oid oid; /* blob id; in work-tree mode computed when read */
	int has_oid;
} al_source_file;

typedef struct {
	git_repository *repo;
	char *open_path; /* the git directory to reopen per thread */
	char *workdir;   /* NULL for a bare repository */
	al_source_mode mode;
	char commit[GIT_OID_HEXSZ + 1]; /* empty outside rev mode */
	git_tree *tree;                 /* rev mode */
	git_index *index;               /* staged and work-tree modes */
	al_vec files;                   /* al_source_file *, sorted by path */
	size_t max_bytes; /* no file larger is read: AL_SOURCE_MAX_BYTES until al_source_limit */
	al_vec notices;   /* char *: "path: cause" for what the listing left out */
} al_source;

/* The bound on one file read before the configuration sets max_file_bytes: it is what the
 * configuration file itself is read under. */
#define AL_SOURCE_MAX_BYTES ((size_t)16 << 20)

/* al_source_read_path's results for a path the snapshot does not hold, and for a file larger
 * than the bound (skipped by policy: the caller decides whether that leaves a gap). */
#define AL_SOURCE_ABSENT 1
#define AL_SOURCE_TOO_LARGE 2

/* git_libgit2_init, and the library options archlint reads with (pair with
 * git_libgit2_shutdown): objects are not re-hashed on every read, as git itself does not,
 * and pack files are mapped in small windows. */
void al_git_init(void);
/* The repository's common git directory, with a trailing '/' (where its caches live). */
const char *al_source_common_dir(const al_source *self);
/* Opens the repository at path (discovered upwards; NULL: ".") in the given mode. */
int al_source_open(al_source **out, const char *path, al_source_mode mode, const char *rev);
/* Lists the snapshot's regular files, skipping symlinks, submodules and every directory
 * whose name is in prune_dirs (NULL-terminated). A revision's list comes from the listing
 * cache in cache_dir (NULL: no cache) when it holds the tree (listing_cache.h). */
int al_source_list(al_source *self, const char *const *prune_dirs, const char *cache_dir);
/* The listed file at path (binary search of the sorted list), or NULL. */
const al_source_file *al_source_find(const al_source *self, const char *path);
/* Reads one file by path from the snapshot into out: a listed file by its blob id, without
 * a tree lookup. Returns 0; AL_SOURCE_ABSENT if the snapshot has no such file;
 * AL_SOURCE_TOO_LARGE if it is larger than max_bytes; AL_EREPO if it is there but is not a
 * regular file (a symlink is never followed) or cannot be read. The error is set, naming the
 * file and the cause, whenever the result is not 0. */
int al_source_read_path(al_source *self, const char *path, al_buf *out);
/* Sets the bound of every later read (the configuration's max_file_bytes). */
void al_source_limit(al_source *self, size_t max_bytes);
void al_source_free(al_source *self);
void al_source_file_free(void *file); /* one al_source_file, for al_vec_dispose_with */

typedef struct {
	const al_source *source;
	git_repository *repo; /* owned by the reader */
	git_odb *odb;         /* owned by the reader */
} al_source_reader;

int al_source_reader_open(al_source_reader *out, const al_source *source);
/* The size of a listed file without reading it (the work tree: lstat, no symlink followed on
 * the way); 0 or AL_EREPO. */
int al_source_reader_size(al_source_reader *self, const al_source_file *file, size_t *size);
/* Reads a listed file; on failure sets the error ("blob ... missing") and returns AL_EREPO. */
int al_source_reader_read(al_source_reader *self, al_source_file *file, al_buf *out);
void al_source_reader_close(al_source_reader *self);

#endif
