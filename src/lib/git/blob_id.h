/*
 * blob_id.h: the id git gives a blob of some bytes (SHA-1 of "blob N\0" and the bytes), as
 * 40 hex digits: what fingerprints and the ruleset hash are, so they match what `git
 * hash-object` says of the same bytes.
 */
#ifndef AL_BLOB_ID_H
#define AL_BLOB_ID_H

#include <stddef.h>

#define AL_BLOB_ID_SIZE 41 /* 40 hex digits and a NUL */

void al_blob_id(char out[AL_BLOB_ID_SIZE], const void *data, size_t len);

#endif
