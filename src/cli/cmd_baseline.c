/*
 * cmd_baseline.c: `archlint baseline` — record today's open findings as accepted debt in
 * .archlint-baseline.json (at the work tree root, or -o FILE), which `check` applies.
 * Findings already accepted by a waiver or an inline directive are not recorded: they
 * carry their own reason.
 */
#include <stdlib.h>
#include <string.h>

#include "../gate.h"
#include "cli.h"
#include "report.h"
#include "util/plural.h"

static const char usage[] =
    "usage: archlint baseline [PATH] [--rev REV | --staged | --worktree] [-o FILE]\n"
    "                         [--config FILE] [--rules DIR] [--jobs N] [--quiet]\n"
    "                         [--cache-dir DIR]\n\n"
    "Writes the open findings of the repository at PATH to .archlint-baseline.json at its\n"
    "work tree root (or to -o FILE; '-' for stdout), keyed by rule and component, never by\n"
    "line. Commit it; then 'archlint check' (and the hook and CI steps built on it) finds\n"
    "it without a flag, fails only on findings it does not list, and names the entries\n"
    "that no longer match so the file shrinks as the debt is paid.\n";

int al_cmd_baseline(int argc, char **argv)
{
	al_cli_options opts;
	int rc = al_cli_parse_path(&opts, argc, argv, usage, NULL);
	if (rc)
		return rc < 0 ? AL_EXIT_OK : rc;
	char *default_path = NULL;
	if (!opts.output) {
		char *workdir = NULL;
		if (al_repo_workdir(&workdir, opts.scan.path) != 0)
			return al_cli_fail();
		default_path = al_sprintf("%s.archlint-baseline.json", workdir);
		free(workdir);
		opts.output = default_path;
	}
	al_result *result;
	if (al_cli_scan(&result, &opts)) {
		free(default_path);
		return AL_EXIT_ERROR;
	}
	FILE *out = al_cli_open_output(&opts);
	int err = !out;
	if (out) {
		al_baseline_write(out, result);
		err = al_cli_close_output(&opts, out) != 0;
	}
	if (!err) {
		al_cli_print_notices(&opts, result);
		size_t n = 0;
		for (size_t i = 0; i < result->findings.len; i++)
			n += !((al_finding *)result->findings.items[i])->suppressed;
		if (!opts.quiet && out != stdout) {
			fprintf(stderr, "archlint: %zu finding%s recorded in ", n,
			        AL_PLURAL(n));
			al_text_escape(stderr, opts.output);
			fputc('\n', stderr);
		}
	}
	al_result_free(result);
	free(default_path);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
