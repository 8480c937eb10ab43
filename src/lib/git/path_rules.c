/*
 * path_rules.c: git's pattern rules for one pattern at a time (path_rules.h).
 */
#include "path_rules.h"

#include <git2.h>
#include <git2/sys/repository.h>
#include <stdlib.h>

#include "buf.h"
#include "last_error.h"

struct al_path_rule {
	git_repository *repo; /* in memory: no config, no work tree, no exclude file */
};

static const char *git_message(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown error";
}

al_path_rule *al_path_rule_new(void)
{
	git_repository *repo = NULL;
	if (git_repository_new(&repo) != 0) {
		al_error_set("cannot set up pattern matching: %s", git_message());
		return NULL;
	}
	al_path_rule *self = al_calloc(1, sizeof *self);
	self->repo = repo;
	return self;
}

int al_path_rule_set(al_path_rule *self, const char *pattern)
{
	if (git_ignore_clear_internal_rules(self->repo) != 0 ||
	    git_ignore_add_rule(self->repo, pattern) != 0) {
		al_error_set("pattern '%s': %s", pattern, git_message());
		return -1;
	}
	return 0;
}

int al_path_rule_matches(al_path_rule *self, const char *path)
{
	int matched = 0;
	return git_ignore_path_is_ignored(&matched, self->repo, path) == 0 && matched == 1;
}

void al_path_rule_free(al_path_rule *self)
{
	if (!self)
		return;
	git_repository_free(self->repo);
	free(self);
}
