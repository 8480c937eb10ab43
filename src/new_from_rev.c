/*
 * new_from_rev.c: --new-from-rev REV — gate only on what changed. The tree at REV is
 * scanned with the same options (libgit2 reads it; nothing is checked out), and every open
 * finding whose component existed at REV with the same id, language and role is marked
 * AL_SUPPRESS_UNCHANGED. A component that is new, or whose role or language changed, keeps
 * its findings. The base must be in the object database: in a shallow clone fetch it
 * first (git fetch --depth=1 origin main); when it is missing the error says so.
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "gate.h"
#include "repo_open.h"
#include "source.h"

/* 0 when rev names a commit whose tree this repository holds; else AL_EREPO, with a
 * message that tells a shallow clone how to get the base. */
static int check_base(const char *path, const char *rev)
{
	git_repository *repo = NULL;
	git_object *obj = NULL, *tree = NULL;
	int err = 0;
	if (al_repo_open(&repo, path ? path : ".", 0) < 0)
		return 0; /* the scan itself reports an unusable repository */
	int shallow = git_repository_is_shallow(repo) == 1;
	if (git_revparse_single(&obj, repo, rev) < 0 ||
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
	return err;
}

static int unchanged(const al_result *base, const al_component *c)
{
	for (size_t i = 0; i < base->components.len; i++) {
		const al_component *b = base->components.items[i];
		if (strcmp(b->id, c->id) == 0 && b->language == c->language && b->role == c->role)
			return 1;
	}
	return 0;
}

int al_new_from_rev_apply(al_result *result, const al_scan_options *opts, const char *rev)
{
	al_git_init();
	int err = check_base(opts->path, rev);
	git_libgit2_shutdown();
	if (err)
		return err;
	al_scan_options base_opts = *opts;
	base_opts.mode = AL_SOURCE_REV;
	base_opts.rev = rev;
	al_result *base = NULL;
	if (al_scan_run(&base, &base_opts) != 0) {
		char *why = al_strdup(al_error_last());
		al_error_set("--new-from-rev '%s': the base cannot be scanned: %s", rev, why);
		free(why);
		return AL_EREPO;
	}
	char *reason = al_sprintf("unchanged since %s", rev);
	for (size_t i = 0; i < result->findings.len; i++) {
		al_finding *f = result->findings.items[i];
		if (!f->suppressed && unchanged(base, f->component))
			al_finding_suppress(f, AL_SUPPRESS_UNCHANGED, reason, rev);
	}
	free(reason);
	al_result_free(base);
	return 0;
}
