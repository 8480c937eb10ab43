/*
 * cmd_install_hook.c: `archlint install-hook` — a plain git pre-commit hook that runs
 * `archlint check --staged`, for repositories that do not use the pre-commit framework.
 *
 * The hook goes where git looks for it: core.hooksPath when set (relative to the work
 * tree), else the hooks directory of the repository's common git directory (so a linked
 * worktree shares it). A hook archlint wrote (it carries MARKER) is rewritten; any other
 * is left alone unless --force, which keeps it as pre-commit.archlint-backup[.N]. The
 * hook runs `archlint` from PATH, falling back to the binary that installed it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "cli.h"
#include "report.h"
#include "repo_open.h"
#include "source.h"
#include "util/file.h"

#define MARKER "# archlint pre-commit hook"
#define HOOK_MAX_BYTES ((size_t)1 << 20) /* a hook larger is not one archlint wrote */

static const char usage[] =
    "usage: archlint install-hook [PATH] [--force]\n\n"
    "Writes a git pre-commit hook into the repository at PATH (default: the current\n"
    "directory, searched upwards) that runs 'archlint check --staged' before every commit:\n"
    "the staged snapshot is checked, not the work tree. It goes to core.hooksPath when that\n"
    "is set, else to the hooks directory of the git directory. An existing hook that\n"
    "archlint did not write is kept unless --force, which moves it to\n"
    "pre-commit.archlint-backup. Skip the check once with 'git commit --no-verify'.\n";

/* 'text' with every ' closed, escaped and reopened: a single shell word. */
static void shell_quote(al_buf *out, const char *text)
{
	al_buf_putc(out, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '\'')
			al_buf_puts(out, "'\\''");
		else
			al_buf_putc(out, *p);
	}
	al_buf_putc(out, '\'');
}

static char *hook_text(void)
{
	al_buf b = AL_BUF_INIT;
	al_buf_puts(&b, "#!/bin/sh\n" MARKER ", written by 'archlint install-hook' (which rewrites "
	                "it).\n"
	                "# Checks the staged snapshot: what the commit will contain, not the work "
	                "tree.\n"
	                "# Skip it once with 'git commit --no-verify'.\n"
	                "if command -v archlint >/dev/null 2>&1; then\n"
	                "\texec archlint check --staged\n"
	                "fi\n");
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0 && !memchr(self, '\n', (size_t)n)) {
		self[n] = '\0';
		al_buf_puts(&b, "exec ");
		shell_quote(&b, self);
		al_buf_puts(&b, " check --staged\n");
	} else {
		al_buf_puts(&b, "echo 'archlint: not on PATH; install it or skip this check with "
		                "git commit --no-verify' >&2\nexit 1\n");
	}
	return al_buf_detach(&b);
}

/* The hooks directory git uses for this repository (malloc'ed, no trailing '/'). */
static int hooks_dir(char **out, git_repository *repo)
{
	*out = NULL;
	git_config *cfg = NULL;
	git_buf path = {0};
	int err = 0;
	if (git_repository_config_snapshot(&cfg, repo) == 0 &&
	    git_config_get_string_buf(&path, cfg, "core.hooksPath") == 0 && path.size) {
		const char *p = path.ptr;
		if (p[0] == '~' && p[1] == '/' && getenv("HOME"))
			*out = al_sprintf("%s/%s", getenv("HOME"), p + 2);
		else if (p[0] == '/')
			*out = al_strdup(p);
		else
			*out = al_sprintf("%s%s", git_repository_workdir(repo), p);
	} else {
		git_buf dir = {0};
		if (git_repository_item_path(&dir, repo, GIT_REPOSITORY_ITEM_HOOKS) == 0) {
			*out = al_strdup(dir.ptr);
		} else {
			al_error_set("cannot find the hooks directory: %s",
			             git_error_last() ? git_error_last()->message
			                              : "unknown error");
			err = AL_EREPO;
		}
		git_buf_dispose(&dir);
	}
	size_t len = *out ? strlen(*out) : 0;
	while (len > 1 && (*out)[len - 1] == '/')
		(*out)[--len] = '\0';
	git_buf_dispose(&path);
	git_config_free(cfg);
	return err;
}

static int mkdirs(const char *dir)
{
	char *copy = al_strdup(dir);
	int err = 0;
	for (char *p = copy + 1; *p && !err; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) != 0 && errno != EEXIST)
			err = -1;
		*p = '/';
	}
	if (!err && mkdir(copy, 0755) != 0 && errno != EEXIST)
		err = -1;
	free(copy);
	return err;
}

/* Writes text as dir/pre-commit, mode 0755: into a file this call creates in dir (O_EXCL and
 * O_NOFOLLOW: never through a file or a committed symlink already at the name, when
 * core.hooksPath points into the tracked tree), then renamed into place. 0, or -1 and errno. */
static int write_hook(const char *dir, const char *text)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -1;
	char name[64];
	int fd = -1;
	for (int i = 0; fd < 0 && i < 100; i++) {
		snprintf(name, sizeof(name), "pre-commit.archlint-tmp.%ld.%d", (long)getpid(), i);
		fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0700);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	int err = fd < 0 ? -1 : 0;
	if (!err) {
		size_t len = strlen(text);
		err = write(fd, text, len) != (ssize_t)len || fchmod(fd, 0755) != 0;
		err =
		    (close(fd) != 0 || err || renameat(dfd, name, dfd, "pre-commit") != 0) ? -1 : 0;
		int saved = errno;
		if (err)
			unlinkat(dfd, name, 0);
		errno = saved;
	}
	int saved = errno;
	close(dfd);
	errno = saved;
	return err;
}

/* Moves a foreign hook aside to the first free pre-commit.archlint-backup[.N]. */
static int back_up(const char *hook, char **backup)
{
	struct stat st;
	for (int i = 0; i < 1000; i++) {
		*backup = i ? al_sprintf("%s.archlint-backup.%d", hook, i)
		            : al_sprintf("%s.archlint-backup", hook);
		if (lstat(*backup, &st) != 0 && errno == ENOENT)
			return rename(hook, *backup);
		free(*backup);
	}
	*backup = NULL;
	errno = EEXIST;
	return -1;
}

static int install(const char *path, int force)
{
	git_repository *repo = NULL;
	char *dir = NULL, *hook = NULL, *text = NULL, *backup = NULL;
	al_buf old = AL_BUF_INIT;
	int err = 0;
	al_git_init();
	if (al_repo_open(&repo, path ? path : ".", 0) < 0) {
		al_error_set("'%s': not a git repository", path ? path : ".");
		err = AL_EREPO;
		goto done;
	}
	if (git_repository_is_bare(repo)) {
		al_error_set("'%s': a bare repository makes no commits: nothing to hook",
		             path ? path : ".");
		err = AL_EREPO;
		goto done;
	}
	if ((err = hooks_dir(&dir, repo)))
		goto done;
	hook = al_sprintf("%s/pre-commit", dir);
	struct stat st;
	if (lstat(hook, &st) == 0) {
		int ours = S_ISREG(st.st_mode) &&
		           al_file_read(hook, HOOK_MAX_BYTES, AL_FILE_NOFOLLOW, &old) == 0 &&
		           strstr(al_buf_cstr(&old), MARKER) != NULL;
		if (!ours && !force) {
			al_error_set(
			    "%s: a pre-commit hook archlint did not write is already there; "
			    "--force replaces it (keeping it as pre-commit.archlint-backup)",
			    hook);
			err = AL_EUSAGE;
			goto done;
		}
		if (!ours && back_up(hook, &backup) != 0) {
			al_error_set("%s: cannot move it aside: %s", hook, strerror(errno));
			err = AL_EIO;
			goto done;
		}
	}
	if (mkdirs(dir) != 0) {
		al_error_set("%s: %s", dir, strerror(errno));
		err = AL_EIO;
		goto done;
	}
	text = hook_text();
	if (write_hook(dir, text) != 0) {
		al_error_set("%s: %s", hook, strerror(errno));
		err = AL_EIO;
		goto done;
	}
	printf("archlint: installed %s", hook);
	if (backup)
		printf(" (the previous hook is %s)", backup);
	fputc('\n', stdout);
done:
	al_buf_dispose(&old);
	free(text);
	free(backup);
	free(hook);
	free(dir);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return err;
}

int al_cmd_install_hook(int argc, char **argv)
{
	const char *path = NULL;
	int force = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return AL_EXIT_OK;
		} else if (strcmp(argv[i], "--force") == 0 || strcmp(argv[i], "-f") == 0) {
			force = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "archlint: unknown option '%s'\n%s", argv[i], usage);
			return AL_EXIT_ERROR;
		} else if (path) {
			fprintf(stderr, "archlint: unexpected argument '%s'\n%s", argv[i], usage);
			return AL_EXIT_ERROR;
		} else {
			path = argv[i];
		}
	}
	return install(path, force) ? al_cli_fail() : AL_EXIT_OK;
}
