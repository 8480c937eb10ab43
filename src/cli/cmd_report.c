/*
 * cmd_report.c: `archlint report` — one scan turned into the document an architecture
 * review is run from (html, md or json), optionally compared with an earlier revision
 * (--since) and with the drift over the last N first-parent commits (--history).
 * The report is a document, not a gate: findings do not change the exit status.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report_doc.h"

static const char usage[] =
    "usage: archlint report [PATH] [--rev REV | --staged | --worktree] [--since REV]\n"
    "                       [--history N] [--format html|md|json] [-o FILE]\n"
    "                       [--config FILE] [--rules DIR] [--jobs N] [--quiet]\n"
    "                       [--cache-dir DIR]\n\n"
    "Writes the architecture report of the repository at PATH: a map of every service\n"
    "placed by role and coloured by language with its findings and the links between\n"
    "components, the role x language matrix with the guideline, and per service its\n"
    "language, role, confidence, size, evidence and findings.\n\n"
    "  --since REV    also show what changed since REV: new and removed services, role\n"
    "                 and language changes, findings added and resolved\n"
    "  --history N    also show the language mix of each role over the last N commits of\n"
    "                 the first-parent history (from --rev, default HEAD)\n"
    "  --format FMT   html (default: one self-contained page), md (a pull-request\n"
    "                 comment, map in Mermaid) or json (the data behind both)\n\n"
    "Exit status: 0 the report was written, 2 usage, configuration or repository error.\n";

static const char *const formats[] = {"html", "md", "json", NULL};

static void progress(unsigned done, unsigned total, const char *commit, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "\rarchlint: history %u/%u %.12s", done + 1, total, commit);
	fflush(stderr);
}

/* Takes --since and --history out of argv (the shared parser does not know them).
 * Returns 0, or AL_EXIT_ERROR after printing the usage error. */
static int take_report_options(int *argc, char **argv, const char **since, unsigned *history)
{
	int n = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		const char *name = NULL, *v = NULL;
		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[n++] = argv[i++];
			break;
		}
		if (strncmp(a, "--since", 7) == 0 && (a[7] == '\0' || a[7] == '='))
			name = "--since";
		else if (strncmp(a, "--history", 9) == 0 && (a[9] == '\0' || a[9] == '='))
			name = "--history";
		if (!name) {
			argv[n++] = argv[i];
			continue;
		}
		size_t len = strlen(name);
		if (a[len] == '=')
			v = a + len + 1;
		else if (i + 1 < *argc)
			v = argv[++i];
		if (!v || !*v) {
			fprintf(stderr, "archlint: option '%s' needs a value\n%s", name, usage);
			return AL_EXIT_ERROR;
		}
		if (name[2] == 's') {
			*since = v;
		} else {
			char *end;
			long h = strtol(v, &end, 10);
			if (*end || h < 1 || h > 10000) {
				fprintf(stderr,
				        "archlint: --history takes a number from 1 to 10000, not "
				        "'%s'\n%s",
				        v, usage);
				return AL_EXIT_ERROR;
			}
			*history = (unsigned)h;
		}
	}
	*argc = n;
	argv[n] = NULL;
	return 0;
}

int al_cmd_report(int argc, char **argv)
{
	const char *since = NULL;
	unsigned history = 0;
	if (take_report_options(&argc, argv, &since, &history) != 0)
		return AL_EXIT_ERROR;
	al_cli_options opts;
	int rc = al_cli_parse_path(&opts, argc, argv, usage, formats);
	if (rc)
		return rc < 0 ? AL_EXIT_OK : rc;

	al_result *result;
	al_report_doc *doc = NULL;
	if (al_cli_scan(&result, &opts))
		return AL_EXIT_ERROR;
	int tty = !opts.quiet && isatty(STDERR_FILENO);
	al_report_options ro = {&opts.scan, since, history, tty ? progress : NULL, NULL};
	int err = al_report_doc_build(&doc, result, &ro);
	if (tty && history)
		fputs("\r\033[K", stderr);
	if (err)
		return al_cli_fail_free(result);
	FILE *out = al_cli_open_output(&opts);
	if (!out) {
		al_report_doc_free(doc);
		al_result_free(result);
		return al_cli_fail();
	}
	if (strcmp(opts.format, "json") == 0)
		al_report_doc_write_json(out, doc);
	else if (strcmp(opts.format, "md") == 0)
		al_report_md(out, doc);
	else
		al_report_html(out, doc);
	err = al_cli_close_output(&opts, out);
	al_cli_print_notices(&opts, result);
	al_report_doc_free(doc);
	al_result_free(result);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
