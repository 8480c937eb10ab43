/*
 * deploy_dockerfile.c: a reader of Dockerfile instructions (no Dockerfile grammar is on
 * npm). Lines ending in a backslash continue; comments and parser directives are skipped.
 *
 *   RUN go build -o /out/x ./cmd/x   the binaries it builds           (build)
 *   COPY --from=stage /out/x /bin/   a built binary put in an image   (container, by name)
 *   ENTRYPOINT ["/bin/x", "serve"]   the image's program              (container, by name)
 *   CMD x --flag                     likewise, when the image has no ENTRYPOINT program
 *
 * The exec form (a JSON array) and the shell form are both read. A Dockerfile in a
 * component's own directory (cmd/x/Dockerfile) is that component's image (container); the
 * root directory's Dockerfile is nobody's in particular (it says what it builds or runs).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "deploy.h"
#include "path.h"

static const char FORMAT[] = "dockerfile";

/* The program of an ENTRYPOINT or CMD argument. */
static void read_program(al_vec *refs, const char *arg, const char *path, unsigned line)
{
	while (isspace((unsigned char)*arg))
		arg++;
	if (*arg != '[') {
		al_deploy_scan_command(refs, arg, AL_SHIP_BUILD, AL_SHIP_CONTAINER, FORMAT, path,
		                       line);
		return;
	}
	cJSON *list = cJSON_Parse(arg);
	al_buf cmd = AL_BUF_INIT;
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		if (!cJSON_IsString(it))
			break;
		if (cmd.len)
			al_buf_putc(&cmd, ' ');
		/* Quoted again, so the command scanner keeps each exec-form word whole. */
		int quote = strchr(it->valuestring, ' ') != NULL && !strchr(it->valuestring, '\'');
		if (quote)
			al_buf_putc(&cmd, '\'');
		al_buf_puts(&cmd, it->valuestring);
		if (quote)
			al_buf_putc(&cmd, '\'');
	}
	if (cmd.len)
		al_deploy_scan_command(refs, al_buf_cstr(&cmd), AL_SHIP_BUILD, AL_SHIP_CONTAINER,
		                       FORMAT, path, line);
	al_buf_dispose(&cmd);
	cJSON_Delete(list);
}

/* COPY --from=STAGE SRC... DEST: each source's file name is a binary put in the image. */
static void read_copy(al_vec *refs, const char *args, const char *path, unsigned line)
{
	if (!strstr(args, "--from"))
		return;
	al_vec words = AL_VEC_INIT;
	const char *p = args;
	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		const char *s = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (p > s)
			al_vec_push(&words, al_strndup(s, (size_t)(p - s)));
	}
	/* Flags first, the destination last. */
	for (size_t i = 0; i + 1 < words.len; i++) {
		const char *w = words.items[i];
		if (w[0] == '-' || w[0] == '[' || w[0] == '$')
			continue;
		char *trimmed = al_strdup(w);
		size_t n = strlen(trimmed);
		while (n > 1 && trimmed[n - 1] == '/')
			trimmed[--n] = '\0';
		if (!strpbrk(trimmed, "*?"))
			al_deploy_add_ref(refs, AL_SHIP_CONTAINER, al_path_basename(trimmed), 1,
			                  FORMAT, path, line);
		free(trimmed);
	}
	al_vec_dispose_with(&words, free);
}

static void read_instruction(al_vec *refs, const char *text, const char *path, unsigned line)
{
	while (isspace((unsigned char)*text))
		text++;
	const char *end = text;
	while (*end && !isspace((unsigned char)*end))
		end++;
	size_t n = (size_t)(end - text);
	const char *args = end;
	if (n == 3 && strncasecmp(text, "RUN", 3) == 0)
		al_deploy_scan_command(refs, args, AL_SHIP_BUILD, -1, FORMAT, path, line);
	else if ((n == 10 && strncasecmp(text, "ENTRYPOINT", 10) == 0) ||
	         (n == 3 && strncasecmp(text, "CMD", 3) == 0))
		read_program(refs, args, path, line);
	else if (n == 4 && strncasecmp(text, "COPY", 4) == 0)
		read_copy(refs, args, path, line);
}

typedef struct {
	al_vec *refs;
	const char *path;
} dockerfile_ctx;

static void instruction(void *ctx, const char *text, unsigned line, int tab)
{
	(void)tab;
	const dockerfile_ctx *d = ctx;
	read_instruction(d->refs, text, d->path, line);
}

void al_deploy_read_dockerfile(al_vec *refs, const char *path, const char *text, size_t len)
{
	char *dir = al_path_dirname(path);
	if (strcmp(dir, ".") != 0)
		al_deploy_add_ref(refs, AL_SHIP_CONTAINER, dir, 0, FORMAT, path, 1);
	free(dir);
	dockerfile_ctx d = {refs, path};
	al_deploy_each_line(text, len, 1, instruction, &d);
}
