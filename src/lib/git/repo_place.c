/*
 * repo_place.c: a repository's work tree and hooks folder (repo.h), read with libgit2 the
 * way git reads them.
 */
#include "repo.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "archlint.h"
#include "repo_open.h"
#include "source.h"

/* core.hooksPath ("~/" is $HOME, relative to the work tree), else the git directory's
 * hooks/; malloc'ed, no trailing '/'. */
static int hooks_dir(char **out, git_repository *repo)
{
	*out = NULL;
	git_config *cfg = NULL;
	git_buf path = {0};
	int err = 0;
	if (git_repository_config_snapshot(&cfg, repo) == 0 &&
	    git_config_get_string_buf(&path, cfg, "core.hooksPath") == 0 && path.size) {
		const char *p = path.ptr;
		const char *workdir = git_repository_workdir(repo);
		if (p[0] == '~' && p[1] == '/' && getenv("HOME"))
			*out = al_sprintf("%s/%s", getenv("HOME"), p + 2);
		else if (p[0] == '/' || !workdir)
			*out = al_strdup(p);
		else
			*out = al_sprintf("%s%s", workdir, p);
	} else {
		git_buf dir = {0};
		if (git_repository_item_path(&dir, repo, GIT_REPOSITORY_ITEM_HOOKS) == 0)
			*out = al_strdup(dir.ptr);
		else
			err = al_repo_git_error("cannot find the hooks directory");
		git_buf_dispose(&dir);
	}
	size_t len = *out ? strlen(*out) : 0;
	while (len > 1 && (*out)[len - 1] == '/')
		(*out)[--len] = '\0';
	git_buf_dispose(&path);
	git_config_free(cfg);
	return err;
}

int al_repo_locate(al_repo_place *place, const char *path)
{
	memset(place, 0, sizeof(*place));
	al_git_init();
	git_repository *repo = NULL;
	int err = al_repo_open_checked(&repo, path ? path : ".");
	if (!err) {
		if (!git_repository_is_bare(repo))
			place->workdir = al_strdup(git_repository_workdir(repo));
		err = hooks_dir(&place->hooks, repo);
	}
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (err)
		al_repo_place_dispose(place);
	return err;
}

void al_repo_place_dispose(al_repo_place *place)
{
	free(place->workdir);
	free(place->hooks);
	memset(place, 0, sizeof(*place));
}
