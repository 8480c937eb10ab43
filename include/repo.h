/*
 * repo.h: where git keeps a repository's files, for the commands that write into it
 * (baseline, init, install-hook) without opening it themselves: every use of libgit2 is the
 * core's (src/lib/git/ and the source stage).
 */
#ifndef AL_REPO_H
#define AL_REPO_H

typedef struct {
	char *workdir; /* the work tree root with a trailing '/'; NULL: a bare repository */
	char *hooks;   /* where git runs hooks from (core.hooksPath honoured), no trailing '/' */
} al_repo_place;

/* Fills place for the repository at path (NULL: ".", searched upwards), opened as every
 * scan opens it (safe.directory honoured). AL_EREPO, with the error set, when there is no
 * repository there. Free with al_repo_place_dispose. */
int al_repo_locate(al_repo_place *place, const char *path);
void al_repo_place_dispose(al_repo_place *place);

#endif
