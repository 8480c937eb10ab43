/*
 * base_check.c: whether a repository holds the base --new-from-rev compares with, asked
 * before the base is scanned so that a shallow clone gets advice rather than a scan error.
 */
#include "base_check.h"

#include <string.h>

#include <git2.h>

#include "repo_open.h"
#include "source.h"

int al_repo_check_base(const char *path, const char *rev)
{
	al_git_init();
	git_repository *repo = NULL;
	git_object *obj = NULL, *tree = NULL;
	int err = 0;
	if (al_repo_open(&repo, path ? path : ".", 0) < 0) {
		git_libgit2_shutdown();
		return 0; /* the scan itself reports an unusable repository */
	}
	int shallow = git_repository_is_shallow(repo) == 1;
	if (strcmp(rev, "HEAD") == 0 && git_repository_head_unborn(repo) == 1)
		err = AL_NO_BASE;
	else if (git_revparse_single(&obj, repo, rev) < 0 ||
	         git_object_peel(&tree, obj, GIT_OBJECT_TREE) < 0) {
		if (shallow)
			al_error_set(
			    "--new-from-rev '%s': this is a shallow clone without that "
			    "revision; fetch the base first (e.g. git fetch --depth=1 origin "
			    "%s) or clone with more history",
			    rev, rev);
		else
			al_error_set("--new-from-rev '%s': no such revision in this repository "
			             "(fetch it first?)",
			             rev);
		err = AL_EREPO;
	}
	git_object_free(tree);
	git_object_free(obj);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return err;
}
