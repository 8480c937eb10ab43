/*
 * deploy_command.c: what one shell command line says about the repository's binaries.
 *
 * Shared by every deployment format that carries shell: Dockerfile RUN, Makefile recipes,
 * release workflow steps, ENTRYPOINT and ExecStart. A command line is split at `&&`, `||`,
 * `;` and `|` into simple commands; of each, `go build`/`go install` name the packages they
 * build (and `-o FILE` the binary), `cargo build`/`cargo install` their `--bin`,
 * `--package` or `--path`. Any other simple command starts a program, whose name counts
 * when the caller asks for started programs. Quotes are stripped; no expansion is done.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "deploy.h"
#include "path.h"

void al_ship_ref_free(void *ref)
{
	al_ship_ref *r = ref;
	free(r->target);
	free(r->path);
	free(r);
}

void al_deploy_add_ref(al_vec *refs, al_ship_kind kind, const char *target, int by_name,
                       const char *format, const char *path, unsigned line)
{
	if (!target || !*target)
		return;
	al_ship_ref *r = al_calloc(1, sizeof(*r));
	r->kind = kind;
	r->target = al_strdup(target);
	r->by_name = by_name;
	r->format = format;
	r->path = al_strdup(path);
	r->line = line;
	al_vec_push(refs, r);
}

/* Splits a command line into words (quotes stripped); separators are words of their own. */
static void split_words(const char *s, al_vec *out)
{
	al_buf w = AL_BUF_INIT;
	int have = 0;
	char quote = 0;
	for (const char *p = s;; p++) {
		char c = *p;
		if (quote) {
			if (c == '\0')
				break;
			if (c == quote)
				quote = 0;
			else
				al_buf_putc(&w, c);
			continue;
		}
		int sep = c == ';' || c == '|' || c == '&';
		if (c == '\0' || isspace((unsigned char)c) || sep) {
			if (have) {
				al_vec_push(out, al_buf_detach(&w));
				have = 0;
			}
			if (sep) {
				char two[3] = {c, 0, 0};
				if (p[1] == c)
					two[1] = *++p;
				al_vec_push(out, al_strdup(two));
			}
			if (c == '\0')
				break;
			continue;
		}
		if (c == '\'' || c == '"') {
			quote = c;
			have = 1;
			continue;
		}
		al_buf_putc(&w, c);
		have = 1;
	}
	if (have)
		al_vec_push(out, al_buf_detach(&w));
	al_buf_dispose(&w);
}

static int is_separator(const char *w)
{
	return strcmp(w, ";") == 0 || strcmp(w, "|") == 0 || strcmp(w, "||") == 0 ||
	       strcmp(w, "&&") == 0 || strcmp(w, "&") == 0;
}

/* Programs that run another program: the real one follows them. */
static int is_wrapper(const char *w)
{
	static const char *const wrappers[] = {"exec", "sudo", "env",       "nice", "nohup",
	                                       "time", "tini", "dumb-init", "--",   NULL};
	for (const char *const *p = wrappers; *p; p++)
		if (strcmp(w, *p) == 0)
			return 1;
	return strchr(w, '=') != NULL && w[0] != '-'; /* VAR=value before a command */
}

/* A word that stands for a package to build: not a flag, not a variable. */
static int is_package_word(const char *w)
{
	return w[0] && w[0] != '-' && w[0] != '$' && !strchr(w, '=');
}

/* Flags of go build/install that take a value (the value is not a package). */
static int go_flag_takes_value(const char *w)
{
	static const char *const flags[] = {
	    "-ldflags",   "-gcflags",  "-tags",       "-mod",           "-p",
	    "-buildmode", "-asmflags", "-gccgoflags", "-installsuffix", "-pkgdir",
	    "-toolexec",  "-overlay",  "-modfile",    "-pgo",           "-C",
	    NULL};
	for (const char *const *p = flags; *p; p++)
		if (strcmp(w, *p) == 0)
			return 1;
	return 0;
}

static void scan_go(al_vec *refs, char **w, size_t n, al_ship_kind kind, const char *format,
                    const char *path, unsigned line)
{
	int packages = 0;
	for (size_t i = 0; i < n; i++) {
		const char *a = w[i];
		if (strcmp(a, "-o") == 0 && i + 1 < n) {
			const char *out = w[++i];
			if (!al_str_ends_with(out, "/") && out[0] != '$')
				al_deploy_add_ref(refs, kind, al_path_basename(out), 1, format,
				                  path, line);
		} else if (go_flag_takes_value(a) && i + 1 < n) {
			i++;
		} else if (is_package_word(a)) {
			al_deploy_add_ref(refs, kind, a, 0, format, path, line);
			packages++;
		}
	}
	if (!packages) /* go build with no package builds the current directory's */
		al_deploy_add_ref(refs, kind, ".", 0, format, path, line);
}

static void scan_cargo(al_vec *refs, char **w, size_t n, al_ship_kind kind, const char *format,
                       const char *path, unsigned line)
{
	for (size_t i = 0; i + 1 < n; i++) {
		const char *a = w[i];
		if (strcmp(a, "--bin") == 0 || strcmp(a, "-p") == 0 || strcmp(a, "--package") == 0)
			al_deploy_add_ref(refs, kind, w[++i], 1, format, path, line);
		else if (strcmp(a, "--path") == 0)
			al_deploy_add_ref(refs, kind, w[++i], 0, format, path, line);
		else if (al_str_starts_with(a, "--bin="))
			al_deploy_add_ref(refs, kind, a + 6, 1, format, path, line);
	}
}

/* One simple command: w[0..n). */
static void scan_simple(al_vec *refs, char **w, size_t n, al_ship_kind build_kind, int start_kind,
                        const char *format, const char *path, unsigned line)
{
	size_t i = 0;
	while (i < n && is_wrapper(w[i]))
		i++;
	if (i >= n)
		return;
	const char *prog = al_path_basename(w[i]);
	if (strcmp(prog, "go") == 0 && i + 1 < n &&
	    (strcmp(w[i + 1], "build") == 0 || strcmp(w[i + 1], "install") == 0)) {
		scan_go(refs, w + i + 2, n - i - 2, build_kind, format, path, line);
		return;
	}
	if (strcmp(prog, "cargo") == 0) {
		size_t k = i + 1;
		while (k < n && w[k][0] == '+') /* cargo +nightly build */
			k++;
		if (k < n && (strcmp(w[k], "build") == 0 || strcmp(w[k], "install") == 0 ||
		              strcmp(w[k], "auditable") == 0 || strcmp(w[k], "zigbuild") == 0))
			scan_cargo(refs, w + k + 1, n - k - 1, build_kind, format, path, line);
		return;
	}
	if ((strcmp(prog, "sh") == 0 || strcmp(prog, "bash") == 0) && i + 2 < n &&
	    strcmp(w[i + 1], "-c") == 0) {
		al_deploy_scan_command(refs, w[i + 2], build_kind, start_kind, format, path, line);
		return;
	}
	if (start_kind >= 0 && w[i][0] != '$' && w[i][0] != '-')
		al_deploy_add_ref(refs, (al_ship_kind)start_kind, prog, 1, format, path, line);
}

void al_deploy_scan_command(al_vec *refs, const char *command, al_ship_kind build_kind,
                            int start_kind, const char *format, const char *path, unsigned line)
{
	al_vec words = AL_VEC_INIT;
	split_words(command, &words);
	size_t start = 0;
	for (size_t i = 0; i <= words.len; i++) {
		if (i < words.len && !is_separator(words.items[i]))
			continue;
		if (i > start)
			scan_simple(refs, (char **)words.items + start, i - start, build_kind,
			            start_kind, format, path, line);
		start = i + 1;
	}
	al_vec_dispose_with(&words, free);
}
