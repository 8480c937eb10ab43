/*
 * file.c: whole-file reads. The buffer is cleared first, so a failed read leaves no
 * partial content behind for the caller to mistake for data.
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>

int al_file_read(const char *path, al_buf *out)
{
	al_buf_clear(out);
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		al_buf_put(out, chunk, n);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		al_buf_clear(out);
		errno = EIO;
		return -1;
	}
	return 0;
}
