/*
 * path.c: repository-relative path arithmetic (the glob matcher is glob.c).
 */
#include "path.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "vec.h"

char *al_path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return al_strdup(".");
	return al_strndup(path, (size_t)(slash - path));
}

int al_path_up(char **dir)
{
	if (strcmp(*dir, ".") == 0)
		return 0;
	char *up = al_path_dirname(*dir);
	free(*dir);
	*dir = up;
	return 1;
}

const char *al_path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *al_path_join(const char *dir, const char *rel)
{
	al_buf joined = AL_BUF_INIT;
	if (strcmp(dir, ".") != 0 && rel[0] != '/') {
		al_buf_puts(&joined, dir);
		al_buf_putc(&joined, '/');
	}
	al_buf_puts(&joined, rel);

	/* Split and normalise. */
	al_vec segs = AL_VEC_INIT;
	char *s = joined.ptr;
	int escaped = 0;
	while (s && *s) {
		char *end = strchr(s, '/');
		if (end)
			*end = '\0';
		if (strcmp(s, "..") == 0) {
			if (segs.len == 0)
				escaped = 1;
			else
				segs.len--;
		} else if (*s && strcmp(s, ".") != 0) {
			al_vec_push(&segs, s);
		}
		s = end ? end + 1 : NULL;
	}
	char *out = NULL;
	if (!escaped) {
		al_buf res = AL_BUF_INIT;
		for (size_t i = 0; i < segs.len; i++) {
			if (i)
				al_buf_putc(&res, '/');
			al_buf_puts(&res, segs.items[i]);
		}
		out = res.len ? al_buf_detach(&res) : al_strdup(".");
		al_buf_dispose(&res);
	}
	al_vec_dispose(&segs);
	al_buf_dispose(&joined);
	return out;
}

int al_path_is_within(const char *path, const char *dir)
{
	if (strcmp(dir, ".") == 0)
		return 1;
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

int al_path_has_dir_segment(const char *path, const char *seg)
{
	size_t n = strlen(seg);
	const char *p = path;
	for (;;) {
		const char *slash = strchr(p, '/');
		if (!slash)
			return 0;
		if ((size_t)(slash - p) == n && strncmp(p, seg, n) == 0)
			return 1;
		p = slash + 1;
	}
}

int al_str_ends_with(const char *name, const char *suffix)
{
	size_t a = strlen(name), b = strlen(suffix);
	return a >= b && strcmp(name + a - b, suffix) == 0;
}

int al_str_starts_with(const char *str, const char *prefix)
{
	return strncmp(str, prefix, strlen(prefix)) == 0;
}
