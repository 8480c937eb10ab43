/*
 * cmd_baseline.c: `archlint baseline` — record today's open findings as accepted debt in
 * .archlint-baseline.json (at the work tree root, or -o FILE), which `check` applies.
 * Findings already accepted by a waiver or an inline directive are not recorded: they
 * carry their own reason.
 */
#include <stdlib.h>
#include <string.h>

#include "gate.h"
#include "cli.h"
#include "repo.h"
#include "report.h"
#include "plural.h"

int al_cmd_baseline(al_cli_options *opts)
{
	char *default_path = NULL;
	if (!opts->output) {
		al_repo_place place;
		if (al_repo_locate(&place, opts->scan.path) != 0)
			return al_cli_fail();
		if (!place.workdir) {
			al_repo_place_dispose(&place);
			al_error_set("'%s': a bare repository has no work tree to write to: use -o "
			             "FILE",
			             opts->scan.path ? opts->scan.path : ".");
			return al_cli_fail();
		}
		default_path = al_sprintf("%s.archlint-baseline.json", place.workdir);
		al_repo_place_dispose(&place);
		opts->output = default_path;
	}
	al_result *result;
	if (al_cli_scan(&result, opts)) {
		free(default_path);
		return AL_EXIT_ERROR;
	}
	FILE *out = al_cli_open_output(opts);
	int err = !out;
	if (out) {
		al_baseline_write(out, result);
		err = al_cli_close_output(opts, out) != 0;
	}
	if (!err) {
		al_cli_print_notices(opts, result);
		size_t n = 0;
		for (size_t i = 0; i < result->findings.len; i++)
			n += !((al_finding *)result->findings.items[i])->suppressed;
		if (!opts->quiet && out != stdout) {
			fprintf(stderr, "archlint: %zu finding%s recorded in ", n, AL_PLURAL(n));
			al_text_escape(stderr, opts->output);
			fputc('\n', stderr);
		}
	}
	al_result_free(result);
	free(default_path);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
