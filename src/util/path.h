/*
 * path.h: repository-relative path helpers. Paths use '/' and have no leading "./";
 * the repository root directory is spelled "." . Returned strings are malloc'ed and
 * owned by the caller unless the function says it borrows.
 */
#ifndef AL_UTIL_PATH_H
#define AL_UTIL_PATH_H

#include <stddef.h>

/* Directory part of a file path: "a/b/c.go" -> "a/b", "c.go" -> ".". */
char *al_path_dirname(const char *path);
/* Replaces *dir (malloc'ed, a directory) by its parent and returns 1, or returns 0 and
 * leaves it when it is the top (".") — for walks up a tree: do ... while (al_path_up(&d)). */
int al_path_up(char **dir);
/* Last component, borrowed from path: "a/b/c.go" -> "c.go". */
const char *al_path_basename(const char *path);
/* Joins dir and rel, treating dir "." as the root, and normalises "." and ".." segments.
 * Returns NULL when the result would climb above the root. */
char *al_path_join(const char *dir, const char *rel);
/* True when path equals dir or lies below it (dir "." contains everything). */
int al_path_is_within(const char *path, const char *dir);
/* True when any '/'-separated directory segment of path (not the file name) equals seg. */
int al_path_has_dir_segment(const char *path, const char *seg);
/* True when name ends with suffix. */
int al_str_ends_with(const char *name, const char *suffix);
int al_str_starts_with(const char *str, const char *prefix);

#endif
