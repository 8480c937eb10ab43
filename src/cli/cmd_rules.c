/*
 * cmd_rules.c: `archlint rules` — the active guideline rules and every signal, with
 * their rationale. Loading the rules here also validates them: a query that does not
 * compile or a malformed table is reported with its file and position.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"

int al_cmd_rules(al_cli_options *opts)
{
	al_ruleset *rs;
	if (al_ruleset_open(&rs, opts->scan.rules_dir))
		return al_cli_fail();
	FILE *out = al_cli_open_output(opts);
	if (!out) {
		al_ruleset_free(rs);
		return al_cli_fail();
	}
	if (strcmp(opts->format, "json") == 0)
		al_report_rules_json(out, rs);
	else
		al_report_rules_text(out, rs);
	int err = al_cli_close_output(opts, out);
	al_ruleset_free(rs);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
