/*
 * listing_cache.h: the file list of a tree, kept between runs.
 *
 * Listing a revision means inflating every directory object of its tree (terraform: 2,300
 * of them, a fifth of a warm scan), yet a tree's list never changes. After listing a tree,
 * archlint keeps the list in listing-<format>.cache in the cache directory (cache.h), keyed
 * by the tree id and the directories it prunes; the next scan of the same tree (another
 * pipeline step on the same commit, a re-run) reads it back instead. Only the last tree is
 * kept. The file is checked like the facts cache, and a bad one is ignored and replaced.
 */
#ifndef AL_LISTING_CACHE_H
#define AL_LISTING_CACHE_H

#include <git2.h>

#include "vec.h"

/* dir: the cache directory, without a trailing '/'.
 * Fills `files` (al_source_file *, sorted by path) when the cache holds this tree's list
 * with these pruned directories: 0; otherwise -1 and `files` untouched. */
int al_listing_cache_read(const char *dir, const git_oid *tree, const char *const *prune_dirs,
                          al_vec *files);
/* Keeps `files` as the list of `tree`; a failure to write is not an error (the next run
 * lists the tree again). */
void al_listing_cache_write(const char *dir, const git_oid *tree, const char *const *prune_dirs,
                            const al_vec *files);

#endif
