/*
 * first_parents.c: the first-parent chain of a revision, read with libgit2.
 */
#include "first_parents.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "repo_open.h"

static char *first_line(const char *msg)
{
	if (!msg)
		return al_strdup("");
	const char *nl = strchr(msg, '\n');
	return nl ? al_strndup(msg, (size_t)(nl - msg)) : al_strdup(msg);
}

int al_repo_first_parents(al_vec *out, const char *where, const char *spec, unsigned max)
{
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_commit *commit = NULL;
	int err = al_repo_open_checked(&repo, where);
	if (!err && (git_revparse_single(&obj, repo, spec) < 0 ||
	             git_object_peel((git_object **)&commit, obj, GIT_OBJECT_COMMIT) < 0)) {
		al_error_set("'%s': --history: unknown revision '%s'", where, spec);
		err = AL_EREPO;
	}
	while (!err && commit && out->len < max) {
		al_commit_info *c = al_calloc(1, sizeof(*c));
		git_oid_tostr(c->commit, sizeof(c->commit), git_commit_id(commit));
		c->subject = first_line(git_commit_message(commit));
		c->time = (int64_t)git_commit_time(commit);
		al_vec_push(out, c);
		git_commit *parent = NULL;
		if (git_commit_parentcount(commit) == 0 ||
		    git_commit_parent(&parent, commit, 0) < 0)
			parent = NULL;
		git_commit_free(commit);
		commit = parent;
	}
	git_commit_free(commit);
	git_object_free(obj);
	git_repository_free(repo);
	return err;
}

void al_commit_info_free(void *info)
{
	al_commit_info *c = info;
	free(c->subject);
	free(c);
}
