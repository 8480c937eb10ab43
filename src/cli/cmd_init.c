/*
 * cmd_init.c: `archlint init` — writes a starter .archlint.json at the root of the
 * repository's work tree: every component archlint classified, declared with the role it
 * has today and the confidence it had (declarations to review: a wrong one is corrected in
 * one line, and one that the code later contradicts is flagged, AL005), every guideline
 * rule at its default level (to tune), empty excludes and signals, and on stderr the
 * declarations to review first (the least confident) and the components it could not
 * classify, which need one.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "../rules.h"
#include "cli.h"
#include "report.h"
#include "repo_open.h"
#include "source.h"
#include "util/file.h"
#include "util/plural.h"

static char *starter_config(const al_result *result)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON *components = cJSON_AddObjectToObject(doc, "components");
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		if (c->role == AL_ROLE_UNCLASSIFIED || cJSON_HasObjectItem(components, c->id))
			continue; /* no role to declare; one id for a Go and a Rust component */
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "role", al_role_name(c->role));
		cJSON_AddNumberToObject(o, "confidence",
		                        (double)(long)(c->confidence * 100 + 0.5) / 100);
		cJSON_AddItemToObject(components, c->id, o);
	}
	cJSON *rules = cJSON_AddObjectToObject(doc, "rules");
	for (size_t i = 0; i < result->rules->rules.len; i++) {
		const al_rule *r = result->rules->rules.items[i];
		cJSON *o = cJSON_AddObjectToObject(rules, r->id);
		cJSON_AddStringToObject(o, "level", al_level_name(r->level));
	}
	cJSON_AddArrayToObject(doc, "exclude");
	cJSON_AddArrayToObject(doc, "signals");
	char *printed = cJSON_Print(doc);
	cJSON_Delete(doc);
	char *text = al_sprintf("%s\n", printed);
	free(printed);
	return text;
}

/* On stderr: the declarations written with the least confidence (below 0.75), to review
 * first, and the components with no role, to declare. */
static void print_review(const al_result *result)
{
	size_t written = 0;
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		written += c->role != AL_ROLE_UNCLASSIFIED;
		if (c->role == AL_ROLE_UNCLASSIFIED) {
			fputs("archlint: hint: declare the role of ", stderr);
			al_text_escape(stderr, c->id);
			fputs(" (unclassified) under \"components\"\n", stderr);
		} else if (c->confidence < 0.75) {
			fputs("archlint: hint: review ", stderr);
			al_text_escape(stderr, c->id);
			fprintf(stderr, ": declared %s with confidence %.2f\n",
			        al_role_name(c->role), c->confidence);
		}
	}
	fprintf(stderr, "archlint: %zu declaration%s to review under \"components\"\n", written,
	        AL_PLURAL(written));
}

static int write_config(const char *path, const char *text, int force)
{
	if (!force && access(path, F_OK) == 0) {
		al_error_set("%s: already exists (use --force to replace it)", path);
		return -1;
	}
	if (al_file_write(path, text) != 0) {
		al_error_set("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* A YAML configuration at the work tree root, which a new .archlint.json would contest. */
static int yaml_config_present(const char *workdir)
{
	int present = 0;
	for (const char *const *n = (const char *const[]){".archlint.yaml", ".archlint.yml", NULL};
	     *n; n++) {
		char *p = al_sprintf("%s%s", workdir, *n);
		present |= access(p, F_OK) == 0;
		free(p);
	}
	return present ? -1 : 0;
}

int al_cmd_init(al_cli_options *opts)
{
	const char *where = opts->positional[0] ? opts->positional[0] : ".";

	al_git_init();
	git_repository *repo = NULL;
	char *path = NULL;
	int err = -1;
	if (al_repo_open(&repo, where, 0) < 0)
		al_error_set("'%s': not a git repository", where);
	else if (git_repository_is_bare(repo))
		al_error_set("'%s': a bare repository has no work tree for .archlint.json", where);
	else
		err = 0;
	if (!err)
		path = al_sprintf("%s.archlint.json", git_repository_workdir(repo));
	if (!err && (err = yaml_config_present(git_repository_workdir(repo))))
		al_error_set("'%s': .archlint.yaml is the configuration there (archlint init "
		             "writes .archlint.json, and one file is read, not two)",
		             where);
	git_repository_free(repo);
	git_libgit2_shutdown();

	al_result *result = NULL;
	opts->scan.path = where;
	opts->scan.mode = AL_SOURCE_WORKTREE;
	if (!err && al_scan_run(&result, &opts->scan) != 0)
		err = -1;
	char *text = err ? NULL : starter_config(result);
	if (!err)
		err = write_config(path, text, opts->force);
	if (!err) {
		fprintf(stderr, "archlint: wrote ");
		al_text_escape(stderr, path);
		fputc('\n', stderr);
		print_review(result);
	}
	free(text);
	free(path);
	al_result_free(result);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
