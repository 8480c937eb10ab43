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
#include "review.h"

static void progress(unsigned done, unsigned total, const char *commit, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "\rarchlint: history %u/%u %.12s", done + 1, total, commit);
	fflush(stderr);
}

int al_cmd_report(al_cli_options *opts)
{
	al_result *result;
	al_report_doc *doc = NULL;
	if (al_cli_scan(&result, opts))
		return AL_EXIT_ERROR;
	int tty = !opts->quiet && isatty(STDERR_FILENO);
	al_report_options ro = {&opts->scan, opts->since,           opts->history,
	                        opts->owner, tty ? progress : NULL, NULL};
	int err = al_report_doc_build(&doc, result, &ro);
	if (tty && opts->history)
		fputs("\r\033[K", stderr);
	if (err)
		return al_cli_fail_free(result);
	FILE *out = al_cli_open_output(opts);
	if (!out) {
		al_report_doc_free(doc);
		al_result_free(result);
		return al_cli_fail();
	}
	if (strcmp(opts->format, "json") == 0)
		al_report_doc_write_json(out, doc);
	else if (strcmp(opts->format, "md") == 0)
		al_report_md(out, doc, opts->max_chars);
	else
		al_report_html(out, doc);
	err = al_cli_close_output(opts, out);
	al_cli_print_notices(opts, result);
	al_report_doc_free(doc);
	al_result_free(result);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
