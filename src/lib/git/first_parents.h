/*
 * first_parents.h: a repository's first-parent history, the commits `report --history`
 * runs the pipeline at.
 */
#ifndef AL_FIRST_PARENTS_H
#define AL_FIRST_PARENTS_H

#include <stdint.h>

#include "archlint.h"

typedef struct {
	char commit[41];
	char *subject; /* first line of the message */
	int64_t time;  /* committer time, seconds since the epoch */
} al_commit_info;

/* Fills out with at most max commits of the first-parent chain from spec in the repository
 * at where, newest first (a shallow clone ends early). AL_EREPO, with the error set, when
 * the repository cannot be opened or spec names no commit. */
int al_repo_first_parents(al_vec *out, const char *where, const char *spec, unsigned max);
void al_commit_info_free(void *info);

#endif
