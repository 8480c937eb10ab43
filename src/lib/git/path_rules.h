/*
 * path_rules.h: does a path match one pattern of a gitignore-style file (CODEOWNERS),
 * by git's own pattern rules — libgit2's ignore matching on an in-memory repository that
 * has no configuration, work tree or exclude file, so only the pattern set here counts:
 * a pattern without a slash matches at any depth, a leading slash anchors it at the
 * root, a trailing slash matches a directory and everything beneath it, `**` spans
 * directories, and a path inside a matched directory matches.
 */
#ifndef AL_PATH_RULES_H
#define AL_PATH_RULES_H

typedef struct al_path_rule al_path_rule;

/* A matcher with no pattern yet; NULL (with the error set) when libgit2 cannot make one. */
al_path_rule *al_path_rule_new(void);
/* Makes pattern the one pattern matched; 0, or -1 with the error set. */
int al_path_rule_set(al_path_rule *self, const char *pattern);
/* 1 when path (relative to the root, '/'-separated) matches, 0 when not. */
int al_path_rule_matches(al_path_rule *self, const char *path);
void al_path_rule_free(al_path_rule *self);

#endif
