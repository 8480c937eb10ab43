/*
 * binfile.h: the pieces archlint's on-disk caches are made of — little-endian u32s and
 * length-prefixed strings, a reader that never reads past its end, and a file that ends in
 * a 64-bit checksum of everything before it (al_hash64) and is replaced atomically (written
 * aside, then renamed), so concurrent runs never see half a file.
 */
#ifndef AL_UTIL_BINFILE_H
#define AL_UTIL_BINFILE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The largest cache file read back: past it the cache is rebuilt, never read. */
#define AL_CACHE_MAX_BYTES ((size_t)256 << 20)

void al_bin_put_u32(al_buf *b, uint32_t v);
/* A string, or NULL, as u32 length (UINT32_MAX for NULL) and bytes. */
void al_bin_put_str(al_buf *b, const char *s);

typedef struct {
	const unsigned char *p;
	size_t left;
	int bad; /* set by the first read past the end; later reads return 0 / NULL */
} al_bin_reader;

uint32_t al_bin_get_u32(al_bin_reader *r);
char *al_bin_get_str(al_bin_reader *r); /* malloc'ed, or NULL */
/* Points *out at the next n bytes and steps over them; 0, or -1 (and bad) past the end. */
int al_bin_get_bytes(al_bin_reader *r, size_t n, const unsigned char **out);

/* Whether data ends in the checksum of what precedes it; if so, drops the checksum. */
int al_bin_checksum_strip(al_buf *data);
/* Appends the checksum to data and replaces `path` with it, making its directory if
 * needed. 0, or -1 with the error set ("PATH: cannot write the cache: ..."). */
int al_bin_file_write(const char *path, al_buf *data);

#endif
