/*
 * source.c: snapshot listing and blob reading with libgit2.
 *
 * Three modes share one file list: the tree of a revision (git_tree_walk), the index
 * (stage-0 entries, and our side of a merge conflict) and the work tree (index entries read
 * from disk, plus untracked files that are not ignored). Symlinks and submodules are never
 * followed: their content is not code of this repository.
 */
#include "source.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "listing_cache.h"
#include "repo_check.h"
#include "repo_open.h"
#include "status_depth.h"
#include "file.h"
#include "path.h"

const char *al_source_common_dir(const al_source *self)
{
	return git_repository_commondir(self->repo);
}

void al_git_init(void)
{
	git_libgit2_init();
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	/* Pack files are read through mapped windows, which count as memory once touched;
	 * smaller windows and a lower ceiling (the defaults are 1 GiB and 8 GiB) keep a scan's
	 * peak memory down at no measurable cost in time (terraform: 63 -> 56 MB). */
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)4 << 20);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)16 << 20);
}

/* A bare repository has no work tree to read, and an index only if one was written into it
 * (git read-tree): without one, --staged would judge an empty snapshot and pass. */
static int check_bare(const al_source *self, const char *where, al_source_mode mode)
{
	char *index = al_sprintf("%sindex", git_repository_path(self->repo));
	struct stat st;
	int has_index = stat(index, &st) == 0;
	free(index);
	if (mode == AL_SOURCE_WORKTREE || !has_index) {
		al_error_set("'%s': a bare repository has no %s; check a revision instead (--rev)",
		             where, mode == AL_SOURCE_WORKTREE ? "work tree" : "index");
		return AL_EREPO;
	}
	return 0;
}

int al_source_open(al_source **out, const char *path, al_source_mode mode, const char *rev)
{
	al_source *self = al_calloc(1, sizeof(*self));
	self->mode = mode;
	self->max_bytes = AL_SOURCE_MAX_BYTES;
	const char *where = path ? path : ".";
	int err = 0;
	git_object *obj = NULL;

	if ((err = al_repo_open_checked(&self->repo, where)))
		goto done;
	self->open_path = al_strdup(git_repository_path(self->repo));
	char *objects = al_sprintf("%sobjects", git_repository_commondir(self->repo));
	err = al_repo_check_packs(objects);
	free(objects);
	if (err)
		goto done;
	if (!git_repository_is_bare(self->repo))
		self->workdir = al_strdup(git_repository_workdir(self->repo));

	if (mode == AL_SOURCE_REV) {
		const char *spec = rev ? rev : "HEAD";
		err = al_repo_revparse(&obj, self->repo, where, rev);
		if (err)
			goto done;
		git_object *commit = NULL;
		if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) == 0) {
			git_oid_tostr(self->commit, sizeof(self->commit), git_object_id(commit));
			git_object_free(commit);
		}
		git_object *tree = NULL;
		if (git_object_peel(&tree, obj, GIT_OBJECT_TREE) < 0) {
			al_error_set("'%s': revision '%s' does not name a tree", where, spec);
			err = AL_EREPO;
			goto done;
		}
		self->tree = (git_tree *)tree;
	} else {
		if (!self->workdir && (err = check_bare(self, where, mode)))
			goto done;
		if (git_repository_index(&self->index, self->repo) < 0) {
			err = al_repo_git_error(where);
			goto done;
		}
	}

done:
	git_object_free(obj);
	if (err) {
		al_source_free(self);
		self = NULL;
	}
	*out = self;
	return err;
}

static int is_pruned(const char *name, const char *const *prune_dirs)
{
	for (const char *const *p = prune_dirs; p && *p; p++)
		if (strcmp(*p, name) == 0)
			return 1;
	return 0;
}

/* True when any directory segment of path is pruned. */
static int path_is_pruned(const char *path, const char *const *prune_dirs)
{
	for (const char *const *p = prune_dirs; p && *p; p++)
		if (al_path_has_dir_segment(path, *p))
			return 1;
	return 0;
}

static void add_file(al_source *self, const char *path, const git_oid *oid)
{
	al_source_file *f = al_calloc(1, sizeof(*f));
	f->path = al_strdup(path);
	if (oid) {
		git_oid_cpy(&f->oid, oid);
		f->has_oid = 1;
	}
	al_vec_push(&self->files, f);
}

typedef struct {
	al_source *self;
	const char *const *prune_dirs;
	al_buf path;
} walk_state;

static int walk_cb(const char *root, const git_tree_entry *entry, void *payload)
{
	walk_state *st = payload;
	const char *name = git_tree_entry_name(entry);
	git_filemode_t mode = git_tree_entry_filemode(entry);
	if (mode == GIT_FILEMODE_TREE)
		return is_pruned(name, st->prune_dirs) ? 1 : 0;
	if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
		return 0; /* symlink or submodule */
	al_buf_clear(&st->path);
	al_buf_puts(&st->path, root);
	al_buf_puts(&st->path, name);
	add_file(st->self, st->path.ptr, git_tree_entry_id(entry));
	return 0;
}

/* The entry a merge conflict's path (index entry i, stage 1-3) is judged by, with a notice:
 * in the work tree the file on disk (conflict markers included), in the index our side
 * (stage 2). NULL for a path already seen (its stages are adjacent), pruned, or deleted on
 * our side. */
static const git_index_entry *conflict_side(al_source *self, size_t i,
                                            const char *const *prune_dirs, int from_disk)
{
	const git_index_entry *e = git_index_get_byindex(self->index, i);
	const git_index_entry *prev = i ? git_index_get_byindex(self->index, i - 1) : NULL;
	const git_index_entry *ancestor = NULL, *ours = NULL, *theirs = NULL;
	if ((prev && strcmp(prev->path, e->path) == 0) || path_is_pruned(e->path, prune_dirs) ||
	    git_index_conflict_get(&ancestor, &ours, &theirs, self->index, e->path) < 0)
		return NULL;
	const char *how = from_disk ? "the work tree's file is judged as it stands"
	                  : ours    ? "our side (index stage 2) is judged, theirs is not"
	                            : "our side deletes it, so it is not judged";
	al_vec_push(&self->notices, al_sprintf("%s: merge conflict: %s", e->path, how));
	return from_disk ? e : ours;
}

static int list_index(al_source *self, const char *const *prune_dirs, int from_disk)
{
	size_t n = git_index_entrycount(self->index);
	for (size_t i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(self->index, i);
		if (git_index_entry_stage(e) != 0 &&
		    !(e = conflict_side(self, i, prune_dirs, from_disk)))
			continue;
		unsigned mode = e->mode;
		if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
			continue;
		if (path_is_pruned(e->path, prune_dirs))
			continue;
		if (from_disk) {
			struct stat st;
			if (al_file_stat_beneath(self->workdir, e->path, &st) != 0 ||
			    !S_ISREG(st.st_mode))
				continue; /* deleted in the work tree, or now a symlink */
			add_file(self, e->path, NULL);
		} else {
			add_file(self, e->path, &e->id);
		}
	}
	return 0;
}

static int list_untracked(al_source *self, const char *const *prune_dirs)
{
	git_status_options opts;
	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
	             GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	git_status_list *list = NULL;
	al_vec too_deep = AL_VEC_INIT;
	if (al_status_depth_list(&list, self->repo, &opts, &too_deep) < 0) {
		const git_error *e = git_error_last();
		al_vec_push(&self->notices,
		            al_sprintf("%s: untracked files are not listed: %s", self->workdir,
		                       e ? e->message : "libgit2 error"));
		return 0;
	}
	for (size_t i = 0; i < too_deep.len; i++)
		if (!path_is_pruned(too_deep.items[i], prune_dirs))
			al_vec_push(&self->notices,
			            al_sprintf("%s: directory nesting too deep for libgit2: its "
			                       "untracked files are not read",
			                       (char *)too_deep.items[i]));
	al_vec_dispose_with(&too_deep, free);
	size_t n = git_status_list_entrycount(list);
	for (size_t i = 0; i < n; i++) {
		const git_status_entry *s = git_status_byindex(list, i);
		if (!(s->status & GIT_STATUS_WT_NEW) || !s->index_to_workdir)
			continue;
		const char *p = s->index_to_workdir->new_file.path;
		if (path_is_pruned(p, prune_dirs))
			continue;
		struct stat st;
		if (al_file_stat_beneath(self->workdir, p, &st) == 0 && S_ISREG(st.st_mode))
			add_file(self, p, NULL);
	}
	git_status_list_free(list);
	return 0;
}

static int cmp_file(const void *a, const void *b)
{
	const al_source_file *x = *(al_source_file *const *)a, *y = *(al_source_file *const *)b;
	return strcmp(x->path, y->path);
}

/* Lists the revision's tree, from the listing cache when it holds this tree. */
static int list_tree(al_source *self, const char *const *prune_dirs, const char *cache_dir)
{
	const git_oid *id = git_tree_id(self->tree);
	if (cache_dir && al_listing_cache_read(cache_dir, id, prune_dirs, &self->files) == 0)
		return 0;
	walk_state st = {self, prune_dirs, AL_BUF_INIT};
	int err = 0;
	if (git_tree_walk(self->tree, GIT_TREEWALK_PRE, walk_cb, &st) < 0)
		err = al_repo_git_error("cannot list the tree");
	al_buf_dispose(&st.path);
	al_vec_sort(&self->files, cmp_file);
	if (!err && cache_dir)
		al_listing_cache_write(cache_dir, id, prune_dirs, &self->files);
	return err;
}

int al_source_list(al_source *self, const char *const *prune_dirs, const char *cache_dir)
{
	int err = 0;
	if (self->mode == AL_SOURCE_REV) {
		err = list_tree(self, prune_dirs, cache_dir);
	} else {
		err = list_index(self, prune_dirs, self->mode == AL_SOURCE_WORKTREE);
		if (!err && self->mode == AL_SOURCE_WORKTREE)
			err = list_untracked(self, prune_dirs);
		al_vec_sort(&self->files, cmp_file);
	}
	return err;
}

void al_source_limit(al_source *self, size_t max_bytes)
{
	self->max_bytes = max_bytes;
}

/* A work-tree file, read beneath the work tree (no symlink followed on the way) under the
 * snapshot's bound. */
static int read_disk(const al_source *self, const char *path, al_buf *out)
{
	if (al_file_read_beneath(self->workdir, path, self->max_bytes, out) != 0) {
		int e = errno;
		if (e == ENOENT || e == ENOTDIR) {
			al_error_set("%s: not in the work tree", path);
			return AL_SOURCE_ABSENT;
		}
		al_error_set("%s: cannot be read: %s", path, al_file_strerror(e, self->max_bytes));
		if (e == AL_FILE_ETOOBIG)
			return AL_SOURCE_TOO_LARGE;
		return e == AL_FILE_ENOTREG || e == ELOOP ? AL_EREPO : AL_EIO;
	}
	return 0;
}

/* A blob of at most max bytes (its size read from the object header first). */
static int read_blob(git_repository *repo, const git_oid *oid, const char *path, size_t max,
                     al_buf *out)
{
	git_odb *odb = NULL;
	size_t size = 0;
	git_object_t type;
	int sized = max != SIZE_MAX && git_repository_odb(&odb, repo) == 0 &&
	            git_odb_read_header(&size, &type, odb, oid) == 0;
	git_odb_free(odb);
	if (sized && size > max) {
		al_error_set("%s: cannot be read: %s", path,
		             al_file_strerror(AL_FILE_ETOOBIG, max));
		return AL_SOURCE_TOO_LARGE;
	}
	git_blob *blob = NULL;
	int found = git_blob_lookup(&blob, repo, oid);
	if (found < 0) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof(hex), oid);
		const git_error *e = git_error_last();
		if (found == GIT_ENOTFOUND || !e || !e->message)
			al_error_set("%s: blob %s is missing from the object database", path, hex);
		else
			al_error_set("%s: blob %s cannot be read: %s", path, hex, e->message);
		return AL_EREPO;
	}
	al_buf_clear(out);
	al_buf_put(out, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
	git_blob_free(blob);
	return 0;
}

const al_source_file *al_source_find(const al_source *self, const char *path)
{
	size_t lo = 0, hi = self->files.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const al_source_file *f = self->files.items[mid];
		int c = strcmp(f->path, path);
		if (c == 0)
			return f;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int al_source_read_path(al_source *self, const char *path, al_buf *out)
{
	const al_source_file *known = al_source_find(self, path);
	if (known && known->has_oid && self->mode != AL_SOURCE_WORKTREE)
		return read_blob(self->repo, &known->oid, path, self->max_bytes, out);
	if (self->mode == AL_SOURCE_REV) {
		git_tree_entry *e = NULL;
		if (git_tree_entry_bypath(&e, self->tree, path) < 0) {
			al_error_set("%s: not in the snapshot", path);
			return AL_SOURCE_ABSENT;
		}
		int err = AL_EREPO;
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB &&
		    git_tree_entry_filemode(e) != GIT_FILEMODE_LINK)
			err =
			    read_blob(self->repo, git_tree_entry_id(e), path, self->max_bytes, out);
		else
			al_error_set("%s: cannot be read: %s", path,
			             git_tree_entry_filemode(e) == GIT_FILEMODE_LINK
			                 ? al_file_strerror(ELOOP, 0)
			                 : al_file_strerror(AL_FILE_ENOTREG, 0));
		git_tree_entry_free(e);
		return err;
	}
	if (self->mode == AL_SOURCE_WORKTREE)
		return read_disk(self, path, out);
	const git_index_entry *e = git_index_get_bypath(self->index, path, 0);
	if (!e) {
		al_error_set("%s: not in the index", path);
		return AL_SOURCE_ABSENT;
	}
	if (e->mode != GIT_FILEMODE_BLOB && e->mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
		al_error_set(
		    "%s: cannot be read: %s", path,
		    al_file_strerror(e->mode == GIT_FILEMODE_LINK ? ELOOP : AL_FILE_ENOTREG, 0));
		return AL_EREPO;
	}
	return read_blob(self->repo, &e->id, path, self->max_bytes, out);
}

void al_source_file_free(void *file)
{
	al_source_file *f = file;
	free(f->path);
	free(f);
}

void al_source_free(al_source *self)
{
	if (!self)
		return;
	al_vec_dispose_with(&self->files, al_source_file_free);
	al_vec_dispose_with(&self->notices, free);
	git_tree_free(self->tree);
	git_index_free(self->index);
	git_repository_free(self->repo);
	free(self->open_path);
	free(self->workdir);
	free(self);
}

int al_source_reader_open(al_source_reader *out, const al_source *source)
{
	out->source = source;
	out->repo = NULL;
	out->odb = NULL;
	if (al_repo_open(&out->repo, source->open_path, GIT_REPOSITORY_OPEN_NO_SEARCH) < 0 ||
	    git_repository_odb(&out->odb, out->repo) < 0) {
		int err = al_repo_git_error(source->open_path);
		al_source_reader_close(out);
		return err;
	}
	return 0;
}

int al_source_reader_size(al_source_reader *self, const al_source_file *file, size_t *size)
{
	git_object_t type;
	if (self->source->mode == AL_SOURCE_WORKTREE) {
		/* stat, so that a huge file over max_file_bytes is never read into memory */
		struct stat st;
		if (al_file_stat_beneath(self->source->workdir, file->path, &st) != 0 ||
		    !S_ISREG(st.st_mode))
			return AL_EREPO;
		*size = (size_t)st.st_size;
		return 0;
	}
	if (!file->has_oid || git_odb_read_header(size, &type, self->odb, &file->oid) < 0)
		return AL_EREPO;
	return 0;
}

int al_source_reader_read(al_source_reader *self, al_source_file *file, al_buf *out)
{
	/* the caller has sized the blob (al_source_reader_size) against its own bound */
	if (self->source->mode != AL_SOURCE_WORKTREE)
		return read_blob(self->repo, &file->oid, file->path, SIZE_MAX, out);
	int err = read_disk(self->source, file->path, out);
	if (!err) {
		git_odb_hash(&file->oid, out->ptr ? out->ptr : "", out->len, GIT_OBJECT_BLOB);
		file->has_oid = 1;
	}
	return err;
}

void al_source_reader_close(al_source_reader *self)
{
	git_odb_free(self->odb);
	git_repository_free(self->repo);
	self->odb = NULL;
	self->repo = NULL;
}
