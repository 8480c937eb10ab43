/*
 * cmd_check.c: `archlint check` — scan, report findings, and gate on --fail-on.
 */
#include <string.h>

#include "cli.h"
#include "report.h"

static const char usage[] =
	"usage: archlint check [PATH] [--rev REV | --staged | --worktree] [--format text|json]\n"
	"                      [-o FILE] [--fail-on error|warning|note|never] [--config FILE]\n"
	"                      [--rules DIR] [--jobs N] [--quiet]\n\n"
	"Scans the repository at PATH (default: the current directory, searched upwards) and\n"
	"reports every component whose language cuts against the guideline. Exit status: 0\n"
	"nothing at or above --fail-on (default warning), 1 findings at or above it, 2 usage,\n"
	"configuration or repository error.\n";

static const char *const formats[] = { "text", "json", NULL };

static void summary(const al_result *r)
{
	size_t roles[AL_ROLE__COUNT] = { 0 }, levels[AL_LEVEL_ERROR + 1] = { 0 };
	for (size_t i = 0; i < r->components.len; i++)
		roles[((al_component *)r->components.items[i])->role]++;
	for (size_t i = 0; i < r->findings.len; i++)
		levels[((al_finding *)r->findings.items[i])->level]++;
	fprintf(stderr,
		"archlint: %zu components (%zu data-path, %zu control-plane, %zu tool, "
		"%zu unclassified); %zu findings (%zu errors, %zu warnings, %zu notes)%s\n",
		r->components.len, roles[AL_ROLE_DATA_PATH], roles[AL_ROLE_CONTROL_PLANE],
		roles[AL_ROLE_TOOL], roles[AL_ROLE_UNCLASSIFIED], r->findings.len,
		levels[AL_LEVEL_ERROR], levels[AL_LEVEL_WARNING], levels[AL_LEVEL_NOTE],
		r->incomplete ? "; incomplete: see the notices above" : "");
}

int al_cmd_check(int argc, char **argv)
{
	al_cli_options opts;
	int rc = al_cli_parse(&opts, argc, argv, usage, formats, 1);
	if (rc)
		return rc < 0 ? AL_EXIT_OK : rc;
	opts.scan.path = opts.positional[0];
	al_result *result = NULL;
	if (al_scan_run(&result, &opts.scan) != 0)
		return al_cli_fail();
	FILE *out = al_cli_open_output(&opts);
	if (!out) {
		al_result_free(result);
		return al_cli_fail();
	}
	if (strcmp(opts.format, "json") == 0)
		al_report_json(out, result);
	else
		al_report_text(out, result);
	if (al_cli_close_output(&opts, out) != 0) {
		al_result_free(result);
		return al_cli_fail();
	}
	al_cli_print_notices(&opts, result);
	if (!opts.quiet)
		summary(result);
	int exit_code = AL_EXIT_OK;
	for (size_t i = 0; i < result->findings.len && opts.fail_on != AL_LEVEL_OFF; i++)
		if (((al_finding *)result->findings.items[i])->level >= opts.fail_on)
			exit_code = AL_EXIT_FINDINGS;
	al_result_free(result);
	return exit_code;
}
