/*
 * deploy_yaml.c: deployment files written in YAML, read with the tree-sitter YAML grammar
 * (yaml.c) and told apart by their shape, not their name:
 *
 *   Kubernetes  kind: Deployment|StatefulSet|DaemonSet|... (service) or Job|CronJob (job);
 *               every container's `command` program and `ko://` image package
 *   compose     services.NAME.command / entrypoint                                (service)
 *   goreleaser  builds[].main and builds[].binary (package); with `dockers`/`kos` also
 *               (container)
 *   workflow    jobs.*.steps[].run of a release or publish workflow                (package)
 *
 * Helm templates reach this reader with their template actions already blanked (deploy.c).
 */
#define _GNU_SOURCE /* strcasestr */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "deploy.h"
#include "grammars.h"
#include "json.h"
#include "path.h"
#include "yaml.h"

typedef struct {
	al_vec *refs;
	const char *path;
	al_strmap *lines;
} yaml_ctx;

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
}

/* The line of the key at a dotted path, or of its nearest ancestor that has one. */
static unsigned line_of(const yaml_ctx *ctx, const char *key_path)
{
	char *p = al_strdup(key_path);
	unsigned line = 0;
	while (!line) {
		line = (unsigned)(uintptr_t)al_strmap_get(ctx->lines, p);
		char *dot = strrchr(p, '.');
		if (!dot)
			break;
		*dot = '\0';
	}
	free(p);
	return line ? line : 1;
}

/* A command given as a YAML sequence or a string, as one shell line. */
static char *command_text(const cJSON *cmd)
{
	if (cJSON_IsString(cmd))
		return al_strdup(cmd->valuestring);
	if (!cJSON_IsArray(cmd))
		return NULL;
	al_buf b = AL_BUF_INIT;
	const cJSON *it;
	cJSON_ArrayForEach(it, cmd)
	{
		if (!cJSON_IsString(it))
			continue;
		if (b.len)
			al_buf_putc(&b, ' ');
		int quote = strchr(it->valuestring, ' ') && !strchr(it->valuestring, '\'');
		al_buf_printf(&b, quote ? "'%s'" : "%s", it->valuestring);
	}
	return al_buf_detach(&b);
}

static void read_started(yaml_ctx *ctx, const cJSON *cmd, al_ship_kind kind, const char *format,
                         const char *key_path)
{
	char *text = command_text(cmd);
	if (text)
		al_deploy_scan_command(ctx->refs, text, AL_SHIP_BUILD, (int)kind, format, ctx->path,
		                       line_of(ctx, key_path));
	free(text);
}

static void read_container(yaml_ctx *ctx, const cJSON *c, al_ship_kind kind, const char *at)
{
	char *key = al_sprintf("%s.command", at);
	read_started(ctx, get(c, "command"), kind, "kubernetes", key);
	free(key);
	const char *image = al_json_string(c, "image");
	if (image && al_str_starts_with(image, "ko://")) {
		key = al_sprintf("%s.image", at);
		al_deploy_add_ref(ctx->refs, kind, image + 5, 0, "kubernetes", ctx->path,
		                  line_of(ctx, key));
		free(key);
	}
}

/* Every containers / initContainers list below node (pod templates nest at any depth). */
static void find_containers(yaml_ctx *ctx, const cJSON *node, al_ship_kind kind, const char *at,
                            int depth)
{
	if (depth > 12 || !(cJSON_IsObject(node) || cJSON_IsArray(node)))
		return;
	int index = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, node)
	{
		char *sub = cJSON_IsArray(node) ? al_sprintf("%s.%d", at, index)
		                                : al_sprintf("%s.%s", at, it->string);
		index++;
		if (cJSON_IsObject(node) && cJSON_IsArray(it) &&
		    (strcmp(it->string, "containers") == 0 ||
		     strcmp(it->string, "initContainers") == 0)) {
			int k = 0;
			const cJSON *c;
			cJSON_ArrayForEach(c, it)
			{
				char *ck = al_sprintf("%s.%d", sub, k++);
				read_container(ctx, c, kind, ck);
				free(ck);
			}
		} else {
			find_containers(ctx, it, kind, sub, depth + 1);
		}
		free(sub);
	}
}

static int workload_kind(const char *kind, al_ship_kind *out)
{
	static const char *const services[] = {
	    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
	    "Pod",        "Rollout",     NULL};
	for (const char *const *p = services; *p; p++)
		if (strcmp(kind, *p) == 0) {
			*out = AL_SHIP_SERVICE;
			return 1;
		}
	if (strcmp(kind, "Job") == 0 || strcmp(kind, "CronJob") == 0) {
		*out = AL_SHIP_JOB;
		return 1;
	}
	return 0;
}

static void read_compose(yaml_ctx *ctx, const cJSON *services, const char *at)
{
	const cJSON *svc;
	cJSON_ArrayForEach(svc, services)
	{
		if (!cJSON_IsObject(svc))
			continue;
		static const char *const keys[] = {"entrypoint", "command"};
		for (size_t k = 0; k < 2; k++) {
			char *key = al_sprintf("%s.services.%s.%s", at, svc->string, keys[k]);
			read_started(ctx, get(svc, keys[k]), AL_SHIP_SERVICE, "compose", key);
			free(key);
		}
	}
}

static void read_goreleaser(yaml_ctx *ctx, const cJSON *doc, const char *at)
{
	int images = get(doc, "dockers") || get(doc, "kos") || get(doc, "dockers_v2");
	int index = 0;
	const cJSON *b;
	cJSON_ArrayForEach(b, get(doc, "builds"))
	{
		/* The build's line: its main, else its first key. */
		const char *first = get(b, "main")                  ? "main"
		                    : cJSON_IsObject(b) && b->child ? b->child->string
		                                                    : "";
		char *key = al_sprintf("%s.builds.%d.%s", at, index++, first);
		unsigned line = line_of(ctx, key);
		const char *main = al_json_string(b, "main");
		const char *dir = al_json_string(b, "dir");
		const char *binary = al_json_string(b, "binary");
		char *pkg = dir && main ? al_path_join(dir, main)
		                        : al_strdup(main  ? main
		                                    : dir ? dir
		                                          : ".");
		for (int k = 0; k <= images; k++) {
			al_ship_kind kind = k ? AL_SHIP_CONTAINER : AL_SHIP_PACKAGE;
			al_deploy_add_ref(ctx->refs, kind, pkg, 0, "goreleaser", ctx->path, line);
			if (binary && !strchr(binary, '{'))
				al_deploy_add_ref(ctx->refs, kind, al_path_basename(binary), 1,
				                  "goreleaser", ctx->path, line);
		}
		free(pkg);
		free(key);
	}
}

/* A workflow that publishes something: its name says so, or it runs on a release. */
static int is_release_workflow(const char *path, const cJSON *doc)
{
	const char *base = al_path_basename(path);
	if (strcasestr(base, "release") || strcasestr(base, "publish") ||
	    strcasestr(base, "deploy"))
		return 1;
	const cJSON *on = get(doc, "on");
	return get(on, "release") != NULL;
}

static void read_workflow(yaml_ctx *ctx, const cJSON *jobs, const char *at)
{
	const cJSON *job;
	cJSON_ArrayForEach(job, jobs)
	{
		int index = 0;
		const cJSON *step;
		cJSON_ArrayForEach(step, get(job, "steps"))
		{
			const char *run = al_json_string(step, "run");
			char *key = al_sprintf("%s.jobs.%s.steps.%d.run", at, job->string, index++);
			if (run)
				al_deploy_scan_command(ctx->refs, run, AL_SHIP_PACKAGE, -1,
				                       "workflow", ctx->path, line_of(ctx, key));
			free(key);
		}
	}
}

static void read_document(yaml_ctx *ctx, const cJSON *doc, int index)
{
	if (!cJSON_IsObject(doc))
		return;
	char *at = al_sprintf("%d", index);
	const char *kind = al_json_string(doc, "kind");
	al_ship_kind ship;
	if (kind && get(doc, "apiVersion") && workload_kind(kind, &ship)) {
		char *spec = al_sprintf("%s.spec", at);
		find_containers(ctx, get(doc, "spec"), ship, spec, 0);
		free(spec);
	} else if (cJSON_IsObject(get(doc, "services")))
		read_compose(ctx, get(doc, "services"), at);
	else if (cJSON_IsArray(get(doc, "builds")))
		read_goreleaser(ctx, doc, at);
	else if (cJSON_IsObject(get(doc, "jobs")) && is_release_workflow(ctx->path, doc))
		read_workflow(ctx, get(doc, "jobs"), at);
	free(at);
}

int al_deploy_read_yaml(al_vec *refs, TSParser *parser, const char *path, const char *text,
                        size_t len, char **error)
{
	*error = NULL;
	char *hazard = al_parse_hazard(text, len);
	if (hazard) {
		*error = al_sprintf("%s: not read: %s", path, hazard);
		free(hazard);
		return AL_ECONFIG;
	}
	cJSON *docs = NULL;
	al_strmap lines = AL_STRMAP_INIT;
	int err = al_yaml_parse(&docs, &lines, parser, path, text, len, 0);
	if (err) {
		*error = al_strdup(al_error_last());
	} else {
		yaml_ctx ctx = {refs, path, &lines};
		int index = 0;
		const cJSON *doc;
		cJSON_ArrayForEach(doc, docs) read_document(&ctx, doc, index++);
	}
	cJSON_Delete(docs);
	al_strmap_dispose(&lines);
	return err;
}
