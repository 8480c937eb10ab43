/*
 * base_check.h: the base of --new-from-rev, checked in the repository before it is scanned.
 */
#ifndef AL_BASE_CHECK_H
#define AL_BASE_CHECK_H

#include "archlint.h"

/* No base to compare with: HEAD before the first commit. */
#define AL_NO_BASE 1

/* 0 when rev names a commit whose tree the repository at path holds (or the repository
 * cannot be opened: the scan reports that); AL_NO_BASE for HEAD when there is no commit
 * yet; else AL_EREPO, with a message that tells a shallow clone how to get the base. */
int al_repo_check_base(const char *path, const char *rev);

#endif
