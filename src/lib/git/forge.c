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

/* The URL of the remote named origin, else of the only remote, malloc'ed; NULL when there is
 * none or several others. The configuration is walked by hand: libgit2 1.5's remote lookups
 * (git_remote_list, git_remote_lookup) match names with a regex whose match data they leak. */
static char *remote_url(git_repository *repo)
{
	git_config *config = NULL;
	git_config_iterator *it = NULL;
	char *origin = NULL, *other = NULL;
	int others = 0;
	if (git_repository_config_snapshot(&config, repo) == 0 &&
	    git_config_iterator_new(&it, config) == 0) {
		git_config_entry *e;
		while (git_config_next(&e, it) == 0) {
			size_t n = strlen(e->name);
			if (strncmp(e->name, "remote.", 7) != 0 || n < 12 ||
			    strcmp(e->name + n - 4, ".url") != 0 || !e->value)
				continue;
			char **slot = strcmp(e->name, "remote.origin.url") == 0 ? &origin : &other;
			others += slot == &other;
			free(*slot);
			*slot = al_strdup(e->value);
		}
	}
	git_config_iterator_free(it);
	git_config_free(config);
	if (origin || others != 1) {
		free(other);
		return origin;
	}
	return other;
}

int al_forge_of(git_repository *repo, al_forge *out)
{
	char *url = remote_url(repo);
	int found = url && al_forge_parse(url, out);
	free(url);
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
