/*
 * deploy_lines.c: line-oriented deployment files.
 *
 *   systemd  ExecStart=/usr/bin/x --flag      a service the unit starts        (service)
 *   Procfile web: x serve                     a process type's program         (service)
 *   build.sh go build -o out/x ./cmd/x        the binaries a build script builds (build)
 *   Makefile <TAB>go build -o bin/x ./cmd/x   the binaries a recipe builds     (build)
 *            bin/x: $(wildcard cmd/x/...)    a rule's target and Go sources    (build)
 *
 * Makefile recipe lines continue with a backslash; make's own prefixes (@, -, +) and
 * $(GO)-style program variables are read as the program they stand for. No variable is
 * expanded: a rule whose target is a binary's name, or whose prerequisites are a
 * package's Go files, names that binary without it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "deploy.h"
#include "path.h"

/* `targets: prerequisites` of a rule (not a variable assignment). */
static void read_rule(al_vec *refs, const char *path, unsigned line, const char *s)
{
	const char *colon = strchr(s, ':');
	const char *eq = strchr(s, '=');
	if (!colon || (eq && eq < colon) || colon[1] == '=' || s[0] == '#' || s[0] == '.')
		return;
	al_vec words = AL_VEC_INIT;
	const char *p = s;
	while (*p) {
		while (*p && (isspace((unsigned char)*p) || *p == '(' || *p == ')'))
			p++;
		const char *w = p;
		while (*p && !isspace((unsigned char)*p) && *p != '(' && *p != ')')
			p++;
		if (p > w)
			al_vec_push(&words, al_strndup(w, (size_t)(p - w)));
	}
	int after = 0;
	for (size_t i = 0; i < words.len; i++) {
		char *w = words.items[i];
		size_t n = strlen(w);
		int last_target = !after && n && w[n - 1] == ':';
		if (last_target)
			w[--n] = '\0';
		if (!after && n && !strchr(w, '%') && !strchr(w, '$'))
			al_deploy_add_ref(refs, AL_SHIP_BUILD, al_path_basename(w), 1, "makefile",
			                  path, line);
		else if (after && al_str_ends_with(w, ".go") && !strchr(w, '$')) {
			char *dir = al_path_dirname(w);
			if (!strchr(dir, '*'))
				al_deploy_add_ref(refs, AL_SHIP_BUILD, dir, 0, "makefile", path,
				                  line);
			free(dir);
		}
		if (last_target || strchr(w, ':'))
			after = 1;
	}
	al_vec_dispose_with(&words, free);
}

/* What a make variable that holds a build program stands for: GO, CARGO, GOBUILD,
 * GO_BUILD_CMD ... ; NULL for any other variable, which is kept as written. */
static const char *program_variable(const char *name)
{
	char lower[64];
	size_t n = 0;
	for (; name[n] && n + 1 < sizeof(lower); n++)
		lower[n] = (char)tolower((unsigned char)name[n]);
	lower[n] = '\0';
	int build = strstr(lower, "build") != NULL;
	if (strcmp(lower, "go") == 0 || strcmp(lower, "gocmd") == 0)
		return "go";
	if (strcmp(lower, "cargo") == 0)
		return "cargo";
	if (al_str_starts_with(lower, "go") && build)
		return "go build";
	if (al_str_starts_with(lower, "cargo") && build)
		return "cargo build";
	return NULL;
}

static void read_line(al_vec *refs, const char *format, const char *path, unsigned line,
                      const char *s, int recipe)
{
	if (strcmp(format, "systemd") == 0) {
		if (!al_str_starts_with(s, "ExecStart=") && !al_str_starts_with(s, "ExecStartPre="))
			return;
		const char *cmd = strchr(s, '=') + 1;
		while (*cmd == '-' || *cmd == '@' || *cmd == '+' || *cmd == '!' || *cmd == ':')
			cmd++; /* systemd's exit-status and privilege prefixes */
		al_deploy_scan_command(refs, cmd, AL_SHIP_BUILD, AL_SHIP_SERVICE, format, path,
		                       line);
	} else if (strcmp(format, "procfile") == 0) {
		const char *colon = strchr(s, ':');
		if (colon && s[0] != '#')
			al_deploy_scan_command(refs, colon + 1, AL_SHIP_BUILD, AL_SHIP_SERVICE,
			                       format, path, line);
	} else if (recipe) {
		al_buf cmd = AL_BUF_INIT;
		while (*s == '@' || *s == '-' || *s == '+')
			s++;
		/* $(GO) build / ${CARGO} build / $(GOBUILD): the variable names the program. */
		for (const char *p = s; *p; p++) {
			const char *close = p[0] == '$' && (p[1] == '(' || p[1] == '{')
			                        ? strchr(p, p[1] == '(' ? ')' : '}')
			                        : NULL;
			if (close) {
				char *name = al_strndup(p + 2, (size_t)(close - p - 2));
				const char *program = program_variable(name);
				al_buf_put(&cmd, program ? program : p,
				           program ? strlen(program) : (size_t)(close + 1 - p));
				free(name);
				p = close;
				continue;
			}
			al_buf_putc(&cmd, *p);
		}
		al_deploy_scan_command(refs, al_buf_cstr(&cmd), AL_SHIP_BUILD, -1, format, path,
		                       line);
		al_buf_dispose(&cmd);
	} else if (strcmp(format, "makefile") == 0) {
		read_rule(refs, path, line, s);
	} else if (strcmp(format, "shell") == 0 && s[0] != '#') {
		al_deploy_scan_command(refs, s, AL_SHIP_BUILD, -1, format, path, line);
	}
}

void al_deploy_each_line(const char *text, size_t len, int skip_comments, al_deploy_line_fn fn,
                         void *ctx)
{
	al_buf joined = AL_BUF_INIT;
	unsigned line = 1, start_line = 0;
	int tab = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *s = p, *e = eol;
		while (s < e && isspace((unsigned char)*s))
			s++;
		while (e > s && isspace((unsigned char)e[-1]))
			e--;
		if (s < e && !(skip_comments && *s == '#')) {
			if (!joined.len) {
				tab = *p == '\t';
				start_line = line;
			}
			int more = e[-1] == '\\';
			al_buf_put(&joined, s, (size_t)(e - s - more));
			al_buf_putc(&joined, ' ');
			if (!more) {
				fn(ctx, al_buf_cstr(&joined), start_line, tab);
				al_buf_clear(&joined);
			}
		}
		p = eol + 1;
		line++;
	}
	if (joined.len)
		fn(ctx, al_buf_cstr(&joined), start_line, tab);
	al_buf_dispose(&joined);
}

typedef struct {
	al_vec *refs;
	const char *format;
	const char *path;
} unit_ctx;

static void unit_line(void *ctx, const char *text, unsigned line, int tab)
{
	const unit_ctx *u = ctx;
	read_line(u->refs, u->format, u->path, line, text, tab);
}

void al_deploy_read_unit_lines(al_vec *refs, const char *format, const char *path, const char *text,
                               size_t len)
{
	unit_ctx u = {refs, format, path};
	al_deploy_each_line(text, len, 0, unit_line, &u);
}
