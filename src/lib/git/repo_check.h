/*
 * repo_check.h: checks of a repository's object store that libgit2 1.5 does not make, or
 * makes in a way that hides the cause, before it reads through it.
 *
 * libgit2 1.5 computes a pack index's expected size in 32 bits, so an index claiming about
 * 2^32 / 28 objects passes its check and the first object lookup reads far past the mapped
 * file (a segfault inside git_odb_read). A pack it cannot open (truncated, or not the pack
 * its index describes) is skipped, and every object in it reported as not found, so a
 * damaged pack looks like an unknown revision. And an object offset past the end of its
 * pack is mapped and read unchecked (a SIGBUS). al_repo_check_packs reads what libgit2
 * relies on — each index's header, fan-out table, size and object offsets (4 bytes an
 * object), each pack's header and trailing checksum — never the objects themselves.
 */
#ifndef AL_REPO_CHECK_H
#define AL_REPO_CHECK_H

#include <git2.h>

/* Checks the packs of objects_dir (a repository's "objects" directory, ending in '/' or
 * not) and of its alternates, as libgit2 finds them: each objects/pack/NAME.idx with a
 * NAME.pack beside it. 0, or AL_EREPO with the error naming the first bad file
 * ("PATH.idx: corrupt pack index (why)", "PATH.pack: corrupt pack (why)"). */
int al_repo_check_packs(const char *objects_dir);

/* git_revparse_single for rev (NULL: HEAD, as asked by default), with the error set when
 * it fails: a spec that names nothing is an "unknown revision" (or, for the default HEAD,
 * one without commits); a reference whose object is missing, and a read error (zlib, I/O,
 * memory), say so. 0, or AL_EREPO. The caller frees *out with git_object_free. */
int al_repo_revparse(git_object **out, git_repository *repo, const char *where, const char *rev);

#endif
