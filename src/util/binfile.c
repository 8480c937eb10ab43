/*
 * binfile.c: see binfile.h.
 */
#include "binfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "last_error.h"
#include "hash.h"
#include "path.h"

#define CHECKSUM_LEN 8

void al_bin_put_u32(al_buf *b, uint32_t v)
{
	unsigned char x[4] = {v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF};
	al_buf_put(b, (const char *)x, 4);
}

void al_bin_put_str(al_buf *b, const char *s)
{
	if (!s) {
		al_bin_put_u32(b, UINT32_MAX);
		return;
	}
	uint32_t n = (uint32_t)strlen(s);
	al_bin_put_u32(b, n);
	al_buf_put(b, s, n);
}

uint32_t al_bin_get_u32(al_bin_reader *r)
{
	if (r->bad || r->left < 4) {
		r->bad = 1;
		return 0;
	}
	uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
	             (uint32_t)r->p[3] << 24;
	r->p += 4;
	r->left -= 4;
	return v;
}

char *al_bin_get_str(al_bin_reader *r)
{
	uint32_t n = al_bin_get_u32(r);
	const unsigned char *bytes;
	if (r->bad || n == UINT32_MAX || al_bin_get_bytes(r, n, &bytes) != 0)
		return NULL;
	return al_strndup((const char *)bytes, n);
}

int al_bin_get_bytes(al_bin_reader *r, size_t n, const unsigned char **out)
{
	if (r->bad || n > r->left) {
		r->bad = 1;
		return -1;
	}
	*out = r->p;
	r->p += n;
	r->left -= n;
	return 0;
}

int al_bin_checksum_strip(al_buf *data)
{
	if (data->len < CHECKSUM_LEN)
		return 0;
	size_t n = data->len - CHECKSUM_LEN;
	uint64_t want = 0;
	for (int i = 0; i < CHECKSUM_LEN; i++)
		want |= (uint64_t)(unsigned char)data->ptr[n + i] << (8 * i);
	if (al_hash64(data->ptr, n) != want)
		return 0;
	data->len = n;
	data->ptr[n] = '\0';
	return 1;
}

/* Creates the file's directory and its missing parents (a --cache-dir a CI cache step has
 * not restored yet). */
static int ensure_dir(const char *file)
{
	char *dir = al_path_dirname(file);
	int ok = 1;
	for (char *p = dir + 1; ok; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char end = *p;
		*p = '\0';
		ok = mkdir(dir, 0777) == 0 || errno == EEXIST;
		*p = end;
		if (!end)
			break;
	}
	free(dir);
	return ok ? 0 : -1;
}

int al_bin_file_write(const char *path, al_buf *data)
{
	uint64_t sum = al_hash64(data->ptr ? data->ptr : "", data->len);
	for (int i = 0; i < CHECKSUM_LEN; i++)
		al_buf_putc(data, (char)((sum >> (8 * i)) & 0xFF));
	int err = 0;
	char *tmp = al_sprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *f = NULL;
	int fd = -1;
	/* created afresh, never through a file or symlink left at the name */
	if (ensure_dir(path) == 0 && (unlink(tmp) == 0 || errno == ENOENT))
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0 || !(f = fdopen(fd, "wb"))) {
		if (fd >= 0)
			close(fd);
		al_error_set("%s: cannot write the cache: %s", path, strerror(errno));
		err = -1;
	} else {
		size_t wrote = fwrite(data->ptr, 1, data->len, f);
		if (fclose(f) != 0 || wrote != data->len || rename(tmp, path) != 0) {
			al_error_set("%s: cannot write the cache: %s", path, strerror(errno));
			unlink(tmp);
			err = -1;
		}
	}
	free(tmp);
	return err;
}
