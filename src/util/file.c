/*
 * file.c: bounded whole-file reads (see file.h), and the end of whole-file writes. A read
 * clears the buffer first, so a failed read leaves no partial content behind for the caller
 * to mistake for data; files are opened non-blocking, so that opening a FIFO returns at once
 * and the fstat check refuses it. A write is only done once its stream is flushed and closed
 * without an error, so a full disk or a closed pipe is never taken for a written report.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads the open descriptor fd, which must be a regular file of at most max bytes. */
static int read_fd(int fd, size_t max, al_buf *out)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = AL_FILE_ENOTREG;
		return -1;
	}
	if ((unsigned long long)st.st_size > max) {
		errno = AL_FILE_ETOOBIG;
		return -1;
	}
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (out->len + (size_t)n > max) { /* the file grew after the fstat */
			errno = AL_FILE_ETOOBIG;
			return -1;
		}
		al_buf_put(out, chunk, (size_t)n);
	}
}

static int read_and_close(int fd, size_t max, al_buf *out)
{
	al_buf_clear(out);
	if (fd < 0)
		return -1;
	int err = read_fd(fd, max, out);
	int saved = errno;
	close(fd);
	if (err) {
		al_buf_clear(out);
		errno = saved;
	}
	return err;
}

int al_file_read(const char *path, size_t max, unsigned flags, al_buf *out)
{
	int oflags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
	if (flags & AL_FILE_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	return read_and_close(open(path, oflags), max, out);
}

/* Opens the directory of rel beneath root, one component at a time with O_NOFOLLOW; sets
 * *last to rel's last component. Returns the directory's descriptor, or -1. */
static int open_parent_beneath(const char *root, const char *rel, const char **last)
{
	int dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const char *p = rel;
	for (const char *slash; dir >= 0 && (slash = strchr(p, '/')); p = slash + 1) {
		if (slash == p)
			continue;
		char *name = strndup(p, (size_t)(slash - p));
		int next =
		    name ? openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
		int saved = errno;
		free(name);
		close(dir);
		errno = saved;
		dir = next;
	}
	*last = p;
	return dir;
}

int al_file_read_beneath(const char *root, const char *rel, size_t max, al_buf *out)
{
	const char *name;
	int dir = open_parent_beneath(root, rel, &name);
	if (dir < 0) {
		al_buf_clear(out);
		return -1;
	}
	int fd = openat(dir, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
	int saved = errno;
	close(dir);
	errno = saved;
	return read_and_close(fd, max, out);
}

int al_file_stat_beneath(const char *root, const char *rel, struct stat *st)
{
	const char *name;
	int dir = open_parent_beneath(root, rel, &name);
	if (dir < 0)
		return -1;
	int err = fstatat(dir, name, st, AT_SYMLINK_NOFOLLOW);
	int saved = errno;
	close(dir);
	errno = saved;
	return err;
}

const char *al_file_strerror(int err, size_t max)
{
	static _Thread_local char too_big[64];
	switch (err) {
	case AL_FILE_ENOTREG:
		return "not a regular file";
	case AL_FILE_ETOOBIG:
		snprintf(too_big, sizeof(too_big), "larger than %zu bytes", max);
		return too_big;
	case ELOOP:
		return "a symbolic link (not followed)";
	default:
		return strerror(err);
	}
}

int al_file_finish(FILE *stream)
{
	int failed = ferror(stream), cause = errno;
	if (fflush(stream) != 0) {
		failed = 1;
		cause = errno;
	}
	if (stream != stdout && fclose(stream) != 0 && !failed) {
		failed = 1;
		cause = errno;
	}
	if (!failed)
		return 0;
	errno = cause ? cause : EIO;
	return -1;
}

int al_file_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	errno = 0;
	fputs(text, f);
	return al_file_finish(f);
}
