/*
 * repo_open.c: git's safe.directory rules over libgit2 1.5's ownership check (see
 * repo_open.h). The configuration files are read one by one, lowest level first, because an
 * empty value forgets what the files before it said and libgit2's merged view lists the
 * highest level first.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "repo_open.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "archlint.h"
#include "buf.h"

int al_repo_refused_for_owner(int code, const git_error *e)
{
	/* with no safe.directory configured at all, libgit2 1.5 reports that missing value */
	return code == GIT_EOWNER || (e && e->klass == GIT_ERROR_CONFIG && e->message &&
	                              strstr(e->message, "safe.directory"));
}

static int env_true(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0 && strcasecmp(v, "false") != 0 &&
	       strcasecmp(v, "no") != 0 && strcasecmp(v, "off") != 0;
}

/* realpath of path without a trailing '/', or a copy of path when it does not resolve */
static char *normalised(const char *path)
{
	char real[PATH_MAX];
	char *out = al_strdup(realpath(path, real) ? real : path);
	size_t len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		out[--len] = '\0';
	return out;
}

static int names_dir(const char *value, const char *dir)
{
	const char *home = getenv("HOME");
	char *path = strncmp(value, "~/", 2) == 0 && home ? al_sprintf("%s/%s", home, value + 2)
	                                                  : al_strdup(value);
	char *norm = normalised(path);
	int same = strcmp(norm, dir) == 0;
	free(norm);
	free(path);
	return same;
}

/* Applies one file's safe.directory values, in order, to *safe. A missing or unreadable
 * file says nothing, as for git. */
static void read_file(const char *file, const char *dir, int *safe)
{
	git_config *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *entry;
	if (git_config_open_ondisk(&cfg, file) < 0 ||
	    git_config_multivar_iterator_new(&it, cfg, "safe.directory", NULL) < 0)
		goto done;
	while (git_config_next(&entry, it) == 0) {
		const char *v = entry->value ? entry->value : "";
		if (!*v)
			*safe = 0;
		else if (strcmp(v, "*") == 0 || names_dir(v, dir))
			*safe = 1;
	}
done:
	git_config_iterator_free(it);
	git_config_free(cfg);
	git_error_clear();
}

static void read_found(int (*find)(git_buf *), const char *dir, int *safe)
{
	git_buf found = {0};
	if (find(&found) == 0)
		read_file(found.ptr, dir, safe);
	git_buf_dispose(&found);
	git_error_clear();
}

int al_repo_is_safe_directory(const char *dir)
{
	char *norm = normalised(dir);
	int safe = 0;
	if (!env_true("GIT_CONFIG_NOSYSTEM")) {
		const char *system = getenv("GIT_CONFIG_SYSTEM");
		if (system)
			read_file(system, norm, &safe);
		else
			read_found(git_config_find_system, norm, &safe);
	}
	const char *global = getenv("GIT_CONFIG_GLOBAL");
	if (global) {
		read_file(global, norm, &safe);
	} else {
		read_found(git_config_find_xdg, norm, &safe);
		read_found(git_config_find_global, norm, &safe);
	}
	free(norm);
	return safe;
}

int al_repo_open(git_repository **out, const char *path, unsigned int flags)
{
	int code = git_repository_open_ext(out, path, flags, NULL);
	if (code == 0 || !al_repo_refused_for_owner(code, git_error_last()))
		return code;
	char *refusal = al_strdup(git_error_last()->message);
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	git_repository *repo = NULL;
	if (git_repository_open_ext(&repo, path, flags, NULL) == 0) {
		const char *dir = git_repository_workdir(repo) ? git_repository_workdir(repo)
		                                               : git_repository_path(repo);
		if (al_repo_is_safe_directory(dir)) {
			free(refusal);
			*out = repo;
			return 0;
		}
	}
	git_repository_free(repo);
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	git_error_set_str(GIT_ERROR_CONFIG, refusal);
	free(refusal);
	*out = NULL;
	return code;
}

int al_repo_open_checked(git_repository **out, const char *where)
{
	int code = al_repo_open(out, where, 0);
	if (code >= 0)
		return 0;
	const git_error *e = git_error_last();
	if (al_repo_refused_for_owner(code, e))
		al_error_set("'%s': repository is owned by another user; git refuses it unless "
		             "it is listed in safe.directory",
		             where);
	else if (e && e->klass == GIT_ERROR_CONFIG)
		al_error_set("'%s': %s", where, e->message);
	else
		al_error_set("'%s': not a git repository", where);
	return AL_EREPO;
}

int al_repo_git_error(const char *what)
{
	const git_error *e = git_error_last();
	al_error_set("%s: %s", what, e && e->message ? e->message : "libgit2 error");
	return AL_EREPO;
}
