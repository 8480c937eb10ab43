/*
 * scratch_repo.h: a real git repository in a temporary directory for the tests of the
 * stages that read a snapshot — files written, then committed with the git program, as a
 * user's repository would be. Not a test itself (the CMake glob only picks up test_*.c).
 */
#ifndef AL_TEST_SCRATCH_REPO_H
#define AL_TEST_SCRATCH_REPO_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "unit.h"

typedef struct {
	char dir[64];
} scratch_repo;

static inline void scratch_run(const scratch_repo *r, const char *cmd)
{
	char *line = al_sprintf("cd '%s' && %s >/dev/null 2>&1", r->dir, cmd);
	if (system(line) != 0)
		fail_msg("failed: %s", line);
	free(line);
}

static inline void scratch_init(scratch_repo *r)
{
	snprintf(r->dir, sizeof(r->dir), "/tmp/archlint-unit-XXXXXX");
	assert_non_null(mkdtemp(r->dir));
	scratch_run(r, "git init -q . && git config user.email t@example.com && "
	               "git config user.name test");
}

/* Writes text at path (repository-relative), making its directories. */
static inline void scratch_write(const scratch_repo *r, const char *path, const char *text)
{
	char *full = al_sprintf("%s/%s", r->dir, path);
	for (char *p = full + strlen(r->dir) + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(full, 0755);
			*p = '/';
		}
	}
	FILE *f = fopen(full, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(full);
}

static inline void scratch_commit(const scratch_repo *r)
{
	scratch_run(r, "git add -A && git commit -q -m snapshot");
}

static inline void scratch_remove(const scratch_repo *r)
{
	char *cmd = al_sprintf("rm -rf '%s'", r->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

#endif
