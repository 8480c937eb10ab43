/*
 * forge.c: GitHub and GitLab addresses of a repository's files (forge.h).
 */
#include "forge.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static int safe_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-';
}

/* A host (one segment), or a project path of segments, each of safe characters and none
 * of them "." or "..". */
static int safe_part(const char *s, size_t len, int segments)
{
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '/') {
			if (!safe_char(s[i]))
				return 0;
			continue;
		}
		size_t n = i - start;
		if (!n || (i < len && !segments) || (n <= 2 && strncmp(s + start, "..", n) == 0))
			return 0;
		start = i + 1;
	}
	return 1;
}

static const char *skip_prefix(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

int al_forge_parse(const char *url, al_forge *out)
{
	const char *rest;
	/* https://host/project, ssh://[user@]host[:port]/project, user@host:project */
	if ((rest = skip_prefix(url, "https://")) || (rest = skip_prefix(url, "http://")) ||
	    (rest = skip_prefix(url, "ssh://")) || (rest = skip_prefix(url, "git://"))) {
		const char *at = strchr(rest, '@'), *slash = strchr(rest, '/');
		if (at && slash && at < slash)
			rest = at + 1;
	} else if ((rest = strchr(url, '@')) && strchr(rest, ':')) {
		rest++;
	} else {
		return 0;
	}
	size_t host_len = strcspn(rest, ":/");
	const char *project = rest + host_len;
	if (*project == ':') { /* a port, or scp-like host:project */
		project++;
		size_t digits = strspn(project, "0123456789");
		if (digits && project[digits] == '/')
			project += digits;
	}
	while (*project == '/')
		project++;
	size_t len = strlen(project);
	while (len && project[len - 1] == '/')
		len--;
	if (len > 4 && strncmp(project + len - 4, ".git", 4) == 0)
		len -= 4;
	char *host = al_strndup(rest, host_len);
	for (char *p = host; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	int github = strcmp(host, "github.com") == 0;
	int gitlab = strcmp(host, "gitlab.com") == 0 || strncmp(host, "gitlab.", 7) == 0;
	int ok = (github || gitlab) && safe_part(host, host_len, 0) && safe_part(project, len, 1) &&
	         memchr(project, '/', len);
	if (ok) {
		out->kind = github ? AL_FORGE_GITHUB : AL_FORGE_GITLAB;
		out->base = al_sprintf("https://%s/%.*s", host, (int)len, project);
	}
	free(host);
	return ok;
}

int al_forge_of(git_repository *repo, al_forge *out)
{
	git_strarray names = {0};
	if (git_remote_list(&names, repo) != 0)
		return 0;
	const char *name = NULL;
	for (size_t i = 0; i < names.count; i++)
		if (strcmp(names.strings[i], "origin") == 0)
			name = names.strings[i];
	if (!name && names.count == 1)
		name = names.strings[0];
	int found = 0;
	git_remote *remote = NULL;
	if (name && git_remote_lookup(&remote, repo, name) == 0 && git_remote_url(remote))
		found = al_forge_parse(git_remote_url(remote), out);
	git_remote_free(remote);
	git_strarray_dispose(&names);
	return found;
}

/* path percent-encoded but for its slashes and the unreserved characters. */
static void encode_path(al_buf *b, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (safe_char((char)*p) || *p == '/' || *p == '~')
			al_buf_printf(b, "%c", *p);
		else
			al_buf_printf(b, "%%%02X", *p);
}

char *al_forge_link(const al_forge *forge, const char *commit, const char *path, unsigned line,
                    int dir)
{
	al_buf b = AL_BUF_INIT;
	al_buf_printf(&b, "%s%s/%s/", forge->base, forge->kind == AL_FORGE_GITLAB ? "/-" : "",
	              dir ? "tree" : "blob");
	encode_path(&b, commit);
	al_buf_puts(&b, "/");
	encode_path(&b, path);
	if (line)
		al_buf_printf(&b, "#L%u", line);
	return al_buf_detach(&b);
}

void al_forge_dispose(al_forge *forge)
{
	free(forge->base);
	forge->base = NULL;
}
