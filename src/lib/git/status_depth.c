/*
 * status_depth.c: the retry of status_depth.h.
 *
 * The limit is libgit2's FILESYSTEM_MAX_DEPTH (src/libgit2/iterator.c): the iterator holds
 * one frame per open directory, the work tree's root included, and refuses the 100th, so a
 * directory whose path has 100 components is never opened. The retry adds an in-memory
 * ignore rule of 100 '*' segments, anchored and directories only (a directory exactly that
 * deep; deeper ones lie inside one), and asks for ignored entries too, without descending
 * into them: those of that depth are the directories left out, unless the repository's own
 * rules ignore them. The rule is removed again before returning.
 */
#include "status_depth.h"

#include <string.h>

#include "buf.h"

enum { LIBGIT2_MAX_DEPTH = 100 };

static int is_depth_error(void)
{
	const git_error *e = git_error_last();
	return e && e->message && strstr(e->message, "nesting too deep");
}

static size_t components(const char *path)
{
	size_t n = 0;
	for (const char *p = path; *p; p++)
		n += *p == '/';
	return n; /* "a/b/" has two: status names a directory with its trailing '/' */
}

/* The directories of status that the depth rule alone ignored. */
static int collect_too_deep(git_status_list *status, git_repository *repo, al_vec *too_deep)
{
	int err = git_ignore_clear_internal_rules(repo);
	size_t n = git_status_list_entrycount(status);
	for (size_t i = 0; i < n && !err; i++) {
		const git_status_entry *s = git_status_byindex(status, i);
		if (!(s->status & GIT_STATUS_IGNORED) || !s->index_to_workdir)
			continue;
		const char *path = s->index_to_workdir->new_file.path;
		int ignored = 0;
		if (components(path) != LIBGIT2_MAX_DEPTH)
			continue;
		err = git_ignore_path_is_ignored(&ignored, repo, path);
		if (!err && !ignored)
			al_vec_push(too_deep, al_strdup(path));
	}
	return err;
}

int al_status_depth_list(git_status_list **out, git_repository *repo,
                         const git_status_options *opts, al_vec *too_deep)
{
	*out = NULL;
	int err = git_status_list_new(out, repo, opts);
	if (err >= 0 || !is_depth_error())
		return err;
	al_buf rule = AL_BUF_INIT;
	for (int i = 0; i < LIBGIT2_MAX_DEPTH; i++)
		al_buf_puts(&rule, "/*");
	al_buf_putc(&rule, '/');
	git_status_options retry = *opts;
	retry.flags |= GIT_STATUS_OPT_INCLUDE_IGNORED;
	retry.flags &= ~(unsigned)GIT_STATUS_OPT_RECURSE_IGNORED_DIRS;
	err = git_ignore_add_rule(repo, rule.ptr);
	if (!err)
		err = git_status_list_new(out, repo, &retry);
	if (!err)
		err = collect_too_deep(*out, repo, too_deep);
	else
		git_ignore_clear_internal_rules(repo);
	if (err < 0) {
		git_status_list_free(*out);
		*out = NULL;
	}
	al_buf_dispose(&rule);
	return err;
}
