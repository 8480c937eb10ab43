/*
 * cmd_check.c: `archlint check` — scan, report findings, and gate on --fail-on.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../gate.h"
#include "cli.h"
#include "report.h"
#include "util/file.h"
#include "util/plural.h"

static const char usage[] =
	"usage: archlint check [PATH] [--rev REV | --staged | --worktree]\n"
	"                      [--format text|json|sarif|github|gitlab|junit] [-o FILE]\n"
	"                      [--fail-on error|warning|note|never] [--config FILE]\n"
	"                      [--new-from-rev REV | --full-gate]\n"
	"                      [--baseline FILE | --no-baseline] [--rules DIR] [--jobs N]\n"
	"                      [--quiet] [--allow-incomplete] [--cache-dir DIR | --no-cache]\n\n"
	"Scans the repository at PATH (default: the current directory, searched upwards) and\n"
	"reports every component whose language cuts against the guideline. Exit status: 0\n"
	"nothing at or above --fail-on (default warning), 1 findings at or above it, or an\n"
	"incomplete run (a part of the repository could not be read, see the notices; with\n"
	"--allow-incomplete such a run is judged on its findings alone), 2 usage,\n"
	"configuration or repository error.\n\n"
	"Formats: text (path:line: level: message [RULE]), json (the stable contract), sarif\n"
	"(SARIF 2.1.0 for code scanning), github (workflow-command annotations; with\n"
	"GITHUB_STEP_SUMMARY set, a Markdown job summary is appended to that file), gitlab\n"
	"(Code Quality report), junit (one test case per component).\n\n"
	"Accepted findings are kept out of the gate and counted on stderr: waivers in\n"
	".archlint.json, '//archlint:ignore RULE -- reason' in a component's entry file,\n"
	"the baseline written by 'archlint baseline' (.archlint-baseline.json at the root of\n"
	"the snapshot is applied without a flag; --baseline FILE reads another, --no-baseline\n"
	"none), and --new-from-rev REV, which only gates on components that are new or changed\n"
	"in role, language or closure since REV (the pre-commit hook passes HEAD, the GitHub\n"
	"Action and the GitLab example a pull request's merge base; --full-gate gates on\n"
	"every finding again).\n\n"
	"What each file yields is cached between runs in archlint/ under the git directory;\n"
	"--cache-dir DIR (or ARCHLINT_CACHE_DIR) keeps it in DIR instead, for a CI cache step\n"
	"to save and restore; --no-cache neither reads nor writes it.\n";

static const char *const formats[] = { "text", "json", "sarif", "github", "gitlab", "junit",
				       NULL };

static const struct {
	const char *name;
	void (*write)(FILE *out, const al_result *result);
} writers[] = {
	{ "text", al_report_text },     { "json", al_report_json },
	{ "sarif", al_report_sarif },   { "github", al_report_github },
	{ "gitlab", al_report_gitlab }, { "junit", al_report_junit },
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
	size_t roles[AL_ROLE__COUNT] = { 0 }, levels[AL_LEVEL_ERROR + 1] = { 0 }, open = 0;
	size_t hidden[AL_SUPPRESS_UNCHANGED + 1] = { 0 }, nhidden = 0;
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
	fprintf(stderr,
		"archlint: %zu component%s (%zu data-path, %zu control-plane, %zu tool, "
		"%zu unclassified); %zu finding%s (%zu error%s, %zu warning%s, %zu note%s)",
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

/* Takes "--name VALUE" or "--name=VALUE" out of argv (check's own options, which the
 * shared parser does not know). Returns -1 when the option has no value. */
static int take_option(int *argc, char **argv, const char *name, const char **value)
{
	size_t n = strlen(name);
	for (int i = 1; i < *argc; i++) {
		int used;
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') {
			*value = argv[i] + n + 1;
			used = 1;
		} else if (strcmp(argv[i], name) == 0) {
			if (i + 1 >= *argc)
				return -1;
			*value = argv[i + 1];
			used = 2;
		} else {
			continue;
		}
		memmove(argv + i, argv + i + used, (size_t)(*argc - i - used + 1) * sizeof(*argv));
		*argc -= used;
		i--;
	}
	return 0;
}

/* Takes the flag "--name" out of argv; returns whether it was there. */
static int take_flag(int *argc, char **argv, const char *name)
{
	int seen = 0;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], name) != 0)
			continue;
		memmove(argv + i, argv + i + 1, (size_t)(*argc - i) * sizeof(*argv));
		(*argc)--;
		i--;
		seen = 1;
	}
	return seen;
}

int al_cmd_check(int argc, char **argv)
{
	const char *new_from_rev = NULL, *baseline = NULL;
	if (take_option(&argc, argv, "--new-from-rev", &new_from_rev) < 0 ||
	    take_option(&argc, argv, "--baseline", &baseline) < 0) {
		fprintf(stderr, "archlint: --new-from-rev and --baseline need a value\n%s", usage);
		return AL_EXIT_ERROR;
	}
	int allow_incomplete = take_flag(&argc, argv, "--allow-incomplete");
	int no_baseline = take_flag(&argc, argv, "--no-baseline");
	if (take_flag(&argc, argv, "--full-gate"))
		new_from_rev = NULL; /* every finding gates, whatever the hook's entry says */
	al_cli_options opts;
	int rc = al_cli_parse_path(&opts, argc, argv, usage, formats);
	if (rc)
		return rc < 0 ? AL_EXIT_OK : rc;
	opts.scan.committed_baseline = !baseline && !no_baseline;
	al_result *result;
	if (al_cli_scan(&result, &opts))
		return AL_EXIT_ERROR;
	if ((baseline && al_baseline_apply(result, baseline) != 0) ||
	    (new_from_rev && al_new_from_rev_apply(result, &opts.scan, new_from_rev) != 0))
		return al_cli_fail_free(result);
	FILE *out = al_cli_open_output(&opts);
	if (!out)
		return al_cli_fail_free(result);
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(opts.format, writers[i].name) == 0)
			writers[i].write(out, result);
	if (al_cli_close_output(&opts, out) != 0 ||
	    (strcmp(opts.format, "github") == 0 && write_step_summary(result) != 0))
		return al_cli_fail_free(result);
	al_cli_print_notices(&opts, result);
	if (!opts.quiet)
		summary(result);
	int exit_code = AL_EXIT_OK;
	for (size_t i = 0; i < result->findings.len && opts.fail_on != AL_LEVEL_OFF; i++) {
		const al_finding *f = result->findings.items[i];
		if (!f->suppressed && f->level >= opts.fail_on)
			exit_code = AL_EXIT_FINDINGS;
	}
	if (result->incomplete && !allow_incomplete && opts.fail_on != AL_LEVEL_OFF) {
		/* a part not read may hide a finding: the gate does not pass on what it did not see */
		if (!opts.quiet)
			fprintf(stderr, "archlint: the run is incomplete: the gate fails "
			                "(--allow-incomplete judges it on its findings alone)\n");
		exit_code = AL_EXIT_FINDINGS;
	}
	al_result_free(result);
	return exit_code;
}
