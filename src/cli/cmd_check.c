/*
 * cmd_check.c: `archlint check` — scan, report findings, and gate on --fail-on.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gate.h"
#include "cli.h"
#include "report.h"
#include "file.h"
#include "plural.h"

/* Colour on a terminal only (never when piped, with NO_COLOR set or TERM=dumb), and on
 * a terminal messages wrapped to 100 columns; piped, one finding is one line. */
static void write_text(FILE *out, const al_result *result)
{
	const char *no_colour = getenv("NO_COLOR"), *term = getenv("TERM");
	int tty = isatty(fileno(out));
	al_text_style style = {
	    .colour = tty && !(no_colour && *no_colour) && !(term && strcmp(term, "dumb") == 0),
	    .width = tty ? 100 : 0,
	};
	al_report_text(out, result, &style);
}

/* One writer per format cli_spec.c lists for check. */
static const struct {
	const char *name;
	void (*write)(FILE *out, const al_result *result);
} writers[] = {
    {"text", write_text},         {"json", al_report_json},     {"sarif", al_report_sarif},
    {"github", al_report_github}, {"gitlab", al_report_gitlab}, {"junit", al_report_junit},
};

/* Appends the job summary to $GITHUB_STEP_SUMMARY, as a GitHub Actions step expects. */
static int write_step_summary(const al_result *result)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	if (!path || !*path)
		return 0;
	FILE *f = fopen(path, "a");
	if (!f) {
		al_error_set("GITHUB_STEP_SUMMARY '%s': %s", path, strerror(errno));
		return -1;
	}
	errno = 0;
	al_report_github_summary(f, result);
	if (al_file_finish(f) != 0) {
		al_error_set("GITHUB_STEP_SUMMARY '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void summary(const al_result *r)
{
	size_t roles[AL_ROLE__COUNT] = {0}, levels[AL_LEVEL_ERROR + 1] = {0}, open = 0;
	size_t hidden[AL_SUPPRESS_UNCHANGED + 1] = {0}, nhidden = 0;
	for (size_t i = 0; i < r->components.len; i++)
		roles[((al_component *)r->components.items[i])->role]++;
	for (size_t i = 0; i < r->findings.len; i++) {
		const al_finding *f = r->findings.items[i];
		if (f->suppressed) {
			hidden[f->suppressed->kind]++;
			nhidden++;
		} else {
			levels[f->level]++;
			open++;
		}
	}
	fprintf(
	    stderr,
	    "archlint: %zu component%s (%zu data-path, %zu control-plane, %zu tool, "
	    "%zu unclassified)\narchlint: %zu finding%s (%zu error%s, %zu warning%s, %zu note%s)",
	    r->components.len, AL_PLURAL(r->components.len), roles[AL_ROLE_DATA_PATH],
	    roles[AL_ROLE_CONTROL_PLANE], roles[AL_ROLE_TOOL], roles[AL_ROLE_UNCLASSIFIED], open,
	    AL_PLURAL(open), levels[AL_LEVEL_ERROR], AL_PLURAL(levels[AL_LEVEL_ERROR]),
	    levels[AL_LEVEL_WARNING], AL_PLURAL(levels[AL_LEVEL_WARNING]), levels[AL_LEVEL_NOTE],
	    AL_PLURAL(levels[AL_LEVEL_NOTE]));
	if (nhidden) {
		fprintf(stderr, "; %zu suppressed (", nhidden);
		const char *sep = "";
		for (int k = 0; k <= AL_SUPPRESS_UNCHANGED; k++) {
			if (!hidden[k])
				continue;
			fprintf(stderr, "%s%zu %s", sep, hidden[k],
			        al_suppress_kind_name((al_suppress_kind)k));
			sep = ", ";
		}
		fputc(')', stderr);
	}
	fprintf(stderr, "%s\n", r->incomplete ? "; incomplete: see the notices above" : "");
}

int al_cmd_check(al_cli_options *opts)
{
	/* --full-gate: every finding gates, whatever the hook's entry says */
	const char *new_from_rev = opts->full_gate ? NULL : opts->new_from_rev;
	const char *baseline = opts->baseline;
	opts->scan.committed_baseline = !baseline && !opts->no_baseline;
	al_result *result;
	if (al_cli_scan(&result, opts))
		return AL_EXIT_ERROR;
	if ((baseline && al_baseline_apply(result, baseline) != 0) ||
	    (new_from_rev && al_new_from_rev_apply(result, &opts->scan, new_from_rev) != 0))
		return al_cli_fail_free(result);
	FILE *out = al_cli_open_output(opts);
	if (!out)
		return al_cli_fail_free(result);
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(opts->format, writers[i].name) == 0)
			writers[i].write(out, result);
	if (al_cli_close_output(opts, out) != 0 ||
	    (strcmp(opts->format, "github") == 0 && write_step_summary(result) != 0))
		return al_cli_fail_free(result);
	al_cli_print_notices(opts, result);
	if (!opts->quiet)
		summary(result);
	int exit_code = AL_EXIT_OK;
	for (size_t i = 0; i < result->findings.len && opts->fail_on != AL_LEVEL_OFF; i++) {
		const al_finding *f = result->findings.items[i];
		if (!f->suppressed && f->level >= opts->fail_on)
			exit_code = AL_EXIT_FINDINGS;
	}
	if (result->incomplete && !opts->allow_incomplete && opts->fail_on != AL_LEVEL_OFF) {
		/* a part not read may hide a finding: the gate passes nothing it did not see */
		if (!opts->quiet)
			fprintf(stderr, "archlint: the run is incomplete: the gate fails "
			                "(--allow-incomplete judges it on its findings alone)\n");
		exit_code = AL_EXIT_FINDINGS;
	}
	al_result_free(result);
	return exit_code;
}
