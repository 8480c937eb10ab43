/*
 * deploy.c: the deployment stage's driver — which files of the snapshot are deployment
 * files, read each with its format's reader, and link the references to components.
 *
 * Files under test, example and documentation directories describe no real deployment and
 * are not read. Helm templates are YAML with template actions in it: lines that hold only
 * an action are blanked and inline actions become a placeholder, then the YAML reader takes
 * what still parses (a template that does not is skipped quietly: it is not broken, only
 * unrendered). Any other deployment file that cannot be read or parsed is a notice.
 * A Cargo manifest is read only when it carries packaging metadata.
 */
#define _GNU_SOURCE /* memmem, strcasestr */
#include <stdlib.h>
#include <string.h>

#include "deploy.h"
#include "grammars.h"
#include "path.h"

typedef enum {
	F_NONE,
	F_DOCKERFILE,
	F_SYSTEMD,
	F_PROCFILE,
	F_MAKE,
	F_SHELL,
	F_YAML,
	F_HELM,
	F_CARGO
} file_format;

/* The tree-sitter parsers the readers share, made on first use. */
typedef struct {
	TSParser *yaml;
	TSParser *toml;
} parsers;

static const char *const skipped_dirs[] = {"test",     "tests",   "testdata", "e2e",
                                           "examples", "example", "docs",     "doc",
                                           "fixtures", "samples", NULL};

/* A shell script that builds or publishes what the repository ships, by its path. */
static int is_build_script(const char *path)
{
	static const char *const words[] = {"build",   "release", "package", "dist", "docker",
	                                    "publish", "install", "image",   NULL};
	for (const char *const *w = words; *w; w++)
		if (strcasestr(path, *w))
			return 1;
	return 0;
}

static file_format format_of(const char *path)
{
	for (const char *const *d = skipped_dirs; *d; d++)
		if (al_path_has_dir_segment(path, *d))
			return F_NONE;
	const char *base = al_path_basename(path);
	if (strcmp(base, "Dockerfile") == 0 || al_str_starts_with(base, "Dockerfile.") ||
	    al_str_ends_with(base, ".Dockerfile") || al_str_ends_with(base, ".dockerfile") ||
	    strcmp(base, "Containerfile") == 0)
		return F_DOCKERFILE;
	if (al_str_ends_with(base, ".service"))
		return F_SYSTEMD;
	if (strcmp(base, "Procfile") == 0)
		return F_PROCFILE;
	if (strcmp(base, "Makefile") == 0 || strcmp(base, "GNUmakefile") == 0 ||
	    strcmp(base, "makefile") == 0 || al_str_ends_with(base, ".mk"))
		return F_MAKE;
	if (al_str_ends_with(base, ".sh") && is_build_script(path))
		return F_SHELL;
	if (strcmp(base, "Cargo.toml") == 0)
		return F_CARGO;
	if (al_str_ends_with(base, ".yaml") || al_str_ends_with(base, ".yml"))
		return al_path_has_dir_segment(path, "templates") ? F_HELM : F_YAML;
	return F_NONE;
}

/* YAML worth parsing: it has a key one of the readers looks for. */
static int yaml_may_deploy(const char *text, size_t len)
{
	static const char *const keys[] = {"containers:", "services:", "builds:", "run:", NULL};
	for (const char *const *k = keys; *k; k++)
		if (memmem(text, len, *k, strlen(*k)))
			return 1;
	return 0;
}

/* A Cargo manifest worth parsing: it has packaging metadata. */
static int cargo_may_package(const char *text, size_t len)
{
	return memmem(text, len, "metadata.deb", 12) ||
	       memmem(text, len, "metadata.generate-rpm", 21);
}

static TSParser *parser_of(TSParser **slot)
{
	if (!*slot)
		*slot = ts_parser_new();
	return *slot;
}

/* A Helm template with its actions blanked; line numbers are kept. */
static char *untemplate(const char *text, size_t len, size_t *out_len)
{
	al_buf b = AL_BUF_INIT;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *s = p, *e = eol;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		int only_action =
		    e - s >= 4 && s[0] == '{' && s[1] == '{' && e[-1] == '}' && e[-2] == '}';
		for (const char *q = p; !only_action && q < eol; q++) {
			const char *close = q[0] == '{' && q + 1 < eol && q[1] == '{'
			                        ? memmem(q, (size_t)(eol - q), "}}", 2)
			                        : NULL;
			if (close) {
				al_buf_putc(&b, 'x');
				q = close + 1;
			} else {
				al_buf_putc(&b, *q);
			}
		}
		al_buf_putc(&b, '\n');
		p = eol + 1;
	}
	*out_len = b.len;
	return b.len ? al_buf_detach(&b) : al_strdup("");
}

/* The format names deploy_lines.c reads line-oriented files by. */
static const char *const line_format[] = {
    [F_SYSTEMD] = "systemd", [F_PROCFILE] = "procfile", [F_MAKE] = "makefile", [F_SHELL] = "shell"};

static void read_one(al_vec *refs, parsers *ps, file_format fmt, const char *path, const char *text,
                     size_t len, al_vec *notices)
{
	switch (fmt) {
	case F_DOCKERFILE:
		al_deploy_read_dockerfile(refs, path, text, len);
		return;
	case F_SYSTEMD:
	case F_PROCFILE:
	case F_MAKE:
	case F_SHELL:
		al_deploy_read_unit_lines(refs, line_format[fmt], path, text, len);
		return;
	case F_CARGO:
		if (cargo_may_package(text, len) &&
		    al_deploy_read_cargo(refs, parser_of(&ps->toml), path, text, len) != 0)
			al_vec_push(notices,
			            al_sprintf("%s (packaging metadata skipped)", al_error_last()));
		return;
	case F_YAML:
	case F_HELM:
		break;
	case F_NONE:
		return;
	}
	if (!yaml_may_deploy(text, len))
		return;
	if (!ps->yaml)
		ts_parser_set_language(parser_of(&ps->yaml), tree_sitter_yaml());
	size_t n = len;
	char *plain = fmt == F_HELM ? untemplate(text, len, &n) : NULL;
	char *error = NULL;
	al_deploy_read_yaml(refs, ps->yaml, path, plain ? plain : text, n, &error);
	if (error && fmt != F_HELM)
		al_vec_push(notices, al_sprintf("%s (deployment file skipped)", error));
	free(error);
	free(plain);
}

int al_deploy_read(al_vec *refs, al_source *source, const al_config *config, al_vec *notices,
                   al_vec *skipped)
{
	parsers ps = {NULL, NULL};
	al_buf text = AL_BUF_INIT;
	for (size_t i = 0; i < source->files.len; i++) {
		const char *path = ((al_source_file *)source->files.items[i])->path;
		file_format fmt = format_of(path);
		if (fmt == F_NONE || (config && al_config_excludes(config, path)))
			continue;
		int rc = al_source_read_path(source, path, &text); /* bounded by max_file_bytes */
		if (rc) {
			al_vec_push(rc == AL_SOURCE_TOO_LARGE ? skipped : notices,
			            al_sprintf("%s (deployment file skipped)", al_error_last()));
			continue;
		}
		read_one(refs, &ps, fmt, path, al_buf_cstr(&text), text.len, notices);
	}
	al_buf_dispose(&text);
	if (ps.yaml)
		ts_parser_delete(ps.yaml);
	if (ps.toml)
		ts_parser_delete(ps.toml);
	return 0;
}

/* A package reference as a component id: "./cmd/x/...", "cmd/x/main.go" -> "cmd/x". */
static char *package_of(const char *target)
{
	const char *t = target;
	while (al_str_starts_with(t, "./"))
		t += 2;
	char *s = al_strdup(*t ? t : ".");
	size_t n = strlen(s);
	if (n >= 4 && strcmp(s + n - 4, "/...") == 0)
		s[n -= 4] = '\0';
	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	if (al_str_ends_with(s, ".go")) {
		char *dir = al_path_dirname(s);
		free(s);
		s = dir;
	}
	return s;
}

static int path_names(const char *pkg, const al_component *c)
{
	if (strcmp(pkg, c->id) == 0 || strcmp(pkg, c->entry_path) == 0)
		return 1;
	if (c->language == AL_LANG_RUST && strcmp(pkg, c->package_dir) == 0)
		return 1;
	/* A Go import path ends with the component's directory. */
	size_t n = strlen(pkg), k = strlen(c->id);
	return c->language == AL_LANG_GO && strcmp(c->id, ".") != 0 && n > k &&
	       pkg[n - k - 1] == '/' && strcmp(pkg + n - k, c->id) == 0 && strchr(pkg, '.') &&
	       strchr(pkg, '.') < pkg + n - k;
}

/* A binary's name without what a build adds to it: "x-linux-$ARCH", "x-debug-linux-amd64"
 * and "x.exe" are all "x". */
static char *binary_name(const char *target)
{
	static const char *const suffixes[] = {"linux",   "darwin",  "windows", "freebsd", "amd64",
	                                       "arm64",   "x86_64",  "aarch64", "386",     "arm",
	                                       "ppc64le", "s390x",   "debug",   "static",  "musl",
	                                       "gnu",     "release", "exe",     NULL};
	char *n = al_strdup(al_path_basename(target));
	char *dollar = strchr(n, '$');
	if (dollar)
		*dollar = '\0';
	for (int changed = 1; changed;) {
		changed = 0;
		size_t len = strlen(n);
		while (len && (n[len - 1] == '-' || n[len - 1] == '_' || n[len - 1] == '.'))
			n[--len] = '\0', changed = 1;
		for (const char *const *s = suffixes; *s; s++) {
			size_t k = strlen(*s);
			if (len > k + 1 && strcmp(n + len - k, *s) == 0 &&
			    strchr("-_.", n[len - k - 1])) {
				n[len - k - 1] = '\0';
				changed = 1;
				break;
			}
		}
	}
	return n;
}

static int already_shipped(const al_component *c, const al_ship_ref *r)
{
	for (size_t i = 0; i < c->shipped.len; i++) {
		const al_shipment *s = c->shipped.items[i];
		if (s->kind == r->kind && strcmp(s->path, r->path) == 0)
			return 1;
	}
	return 0;
}

void al_deploy_link(const al_vec *refs, al_vec *components)
{
	for (size_t i = 0; i < refs->len; i++) {
		const al_ship_ref *r = refs->items[i];
		char *pkg = r->by_name ? NULL : package_of(r->target);
		char *name = r->by_name ? binary_name(r->target) : NULL;
		for (size_t k = 0; k < components->len; k++) {
			al_component *c = components->items[k];
			int named = r->by_name ? c->name[0] && strlen(name) > 1 &&
			                             strcmp(name, c->name) == 0
			                       : path_names(pkg, c);
			if (!named || already_shipped(c, r))
				continue;
			al_shipment *s = al_calloc(1, sizeof(*s));
			s->kind = r->kind;
			s->format = r->format;
			s->path = al_strdup(r->path);
			s->line = r->line;
			al_vec_push(&c->shipped, s);
		}
		free(pkg);
		free(name);
	}
}
