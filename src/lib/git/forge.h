/*
 * forge.h: where a repository's files can be read on the web — the GitHub or GitLab
 * project its remote points at (origin, else the only remote), read with libgit2 — and the
 * address of a file or directory of it at one commit, for the review report's links.
 *
 * The remote is repository-controlled text: an address is only made from a host and a
 * project path of letters, digits and "._-" segments, and every path is percent-encoded,
 * so a link can only ever lead to that forge's page of that file.
 */
#ifndef AL_FORGE_H
#define AL_FORGE_H

typedef struct git_repository git_repository;

typedef enum { AL_FORGE_GITHUB, AL_FORGE_GITLAB } al_forge_kind;

typedef struct {
	al_forge_kind kind;
	char *base; /* "https://github.com/owner/repo", malloc'ed */
} al_forge;

/* The forge of repo's remote: 1 with *out filled, 0 when it has none archlint can link to
 * (no remote, several and none named origin, another host, a local path). */
int al_forge_of(git_repository *repo, al_forge *out);
/* The parse of one remote address (what al_forge_of does with the remote's URL). */
int al_forge_parse(const char *url, al_forge *out);
/* The page of path (a file, or with dir a directory) at commit, from line when not 0. */
char *al_forge_link(const al_forge *forge, const char *commit, const char *path, unsigned line,
                    int dir);
void al_forge_dispose(al_forge *forge);

#endif
