/*
 * repo_open.h: opening a repository with git's ownership rules, not only libgit2 1.5's.
 *
 * git refuses a repository owned by another user unless safe.directory, in the system or
 * global configuration, lists it or is "*". libgit2 1.5 makes the same check but honours only
 * an exact path, so a CI container that sets `safe.directory = *` (the usual fix for a
 * checkout owned by the runner's user) works with git and fails with archlint. Every open of
 * the repository under scan goes through al_repo_open.
 */
#ifndef AL_REPO_OPEN_H
#define AL_REPO_OPEN_H

#include <git2.h>

/* git_repository_open_ext(out, path, flags, NULL); when libgit2 refuses the repository for
 * its owner and git's safe.directory rules trust it (al_repo_is_safe_directory), it is opened
 * anyway, and owner validation stays off for the rest of the process: every later open reads
 * the same repository, some of them in worker threads, where toggling the process-wide
 * option would race. Returns libgit2's code (0, or negative with its last error set); an
 * ownership refusal keeps libgit2's message. The caller frees *out with git_repository_free. */
int al_repo_open(git_repository **out, const char *path, unsigned int flags);

/* al_repo_open(out, where, 0) that words every refusal one way, as the error of this
 * thread: "'WHERE': not a git repository", the owner refusal with what git asks for, or
 * libgit2's message for a broken configuration. 0, or AL_EREPO. */
int al_repo_open_checked(git_repository **out, const char *where);
/* Sets "WHAT: libgit2's last message" and returns AL_EREPO. */
int al_repo_git_error(const char *what);

/* True when libgit2 refused an open (its code and last error) because of the owner. */
int al_repo_refused_for_owner(int code, const git_error *e);

/* True when git would trust the directory dir (a repository's work tree, or its git
 * directory when bare) owned by someone else: the values of safe.directory in the
 * system file (unless GIT_CONFIG_NOSYSTEM; $GIT_CONFIG_SYSTEM names it) and the global
 * ones ($GIT_CONFIG_GLOBAL, else the XDG file and ~/.gitconfig), read in git's order,
 * where "*" trusts every directory, an empty value forgets the values before it, and any
 * other value trusts the directory it names (a leading "~/" is $HOME; both sides are
 * compared as real paths, without a trailing '/'). The repository's own config is never
 * asked: a repository cannot vouch for itself. */
int al_repo_is_safe_directory(const char *dir);

#endif
