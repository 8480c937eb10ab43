/*
 * blob_id.c: libgit2's object hashing, for bytes that are not in any repository.
 */
#include "blob_id.h"

#include <git2.h>

void al_blob_id(char out[AL_BLOB_ID_SIZE], const void *data, size_t len)
{
	git_oid oid;
	git_odb_hash(&oid, data, len, GIT_OBJECT_BLOB);
	git_oid_tostr(out, AL_BLOB_ID_SIZE, &oid);
}
