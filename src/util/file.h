/*
 * file.h: the one way archlint reads a file from disk (configuration, baselines, rules
 * folders, caches, hooks and work-tree files). Every read is bounded: the opened descriptor
 * must be a regular file (never a FIFO, a device or a directory: a symlink to /dev/zero or
 * a FIFO swapped in between a check and the open cannot stall or flood a run) of at most
 * max bytes. Where the repository controls the path, symlinks are not followed: AL_FILE_NOFOLLOW
 * for the last component, al_file_read_beneath for every component under a root.
 *
 * Returns 0, or -1 with errno describing the failure (AL_FILE_ENOTREG and AL_FILE_ETOOBIG
 * besides the system's values; al_file_strerror words them all). The caller words the rest of
 * the message, since only it knows what the file was for.
 */
#ifndef AL_UTIL_FILE_H
#define AL_UTIL_FILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#include "buf.h"

#define AL_FILE_NOFOLLOW 1u

/* errno values of the bounded reads, outside the system's range */
#define AL_FILE_ENOTREG 10001 /* not a regular file */
#define AL_FILE_ETOOBIG 10002 /* larger than the bound */

int al_file_read(const char *path, size_t max, unsigned flags, al_buf *out);

/* Reads root/rel (root ends in '/'), following no symlink on the way: a symlinked directory
 * inside the work tree cannot lead a read outside it. */
int al_file_read_beneath(const char *root, const char *rel, size_t max, al_buf *out);

/* The status of root/rel without following a symlink on the way (lstat of the last). */
int al_file_stat_beneath(const char *root, const char *rel, struct stat *st);

/* err as words; max is the bound the read was given. */
const char *al_file_strerror(int err, size_t max);

/* Flushes stream and closes it (stdout stays open). Fails when the flush or the close does,
 * or when an earlier write did (the stream's error flag): errno is then the failure's cause
 * as far as it is known (EIO when it is not). */
int al_file_finish(FILE *stream);
/* Writes text as the whole of the file at path (created or truncated). */
int al_file_write(const char *path, const char *text);

#endif
