/*
 * cmd_init.c: `archlint init` — writes a starter .archlint.json at the root of the
 * repository's work tree: every component archlint classified, declared with the role it
 * has today and the confidence it had (declarations to review: a wrong one is corrected in
 * one line, and one that the code later contradicts is flagged, AL005), every guideline
 * rule at its default level (to tune), empty excludes and signals, and on stderr the
 * declarations to review first (the least confident) and the components it could not
 * classify, which need one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "repo.h"
#include "file.h"
#include "plural.h"

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

	al_repo_place place;
	char *path = NULL;
	int err = al_repo_locate(&place, where);
	if (!err && !place.workdir) {
		al_error_set("'%s': a bare repository has no work tree for .archlint.json", where);
		err = -1;
	}
	if (!err)
		path = al_sprintf("%s.archlint.json", place.workdir);
	if (!err && (err = yaml_config_present(place.workdir)))
		al_error_set("'%s': .archlint.yaml is the configuration there (archlint init "
		             "writes .archlint.json, and one file is read, not two)",
		             where);
	al_repo_place_dispose(&place);

	al_result *result = NULL;
	opts->scan.path = where;
	opts->scan.mode = AL_SOURCE_WORKTREE;
	if (!err && al_scan_run(&result, &opts->scan) != 0)
		err = -1;
	char *text = err ? NULL : al_report_starter_config(result);
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
