/*
 * cmd_explain.c: `archlint explain COMPONENT` — scans, finds the component and writes
 * everything behind its verdict (report_explain.c).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"

int al_cmd_explain(al_cli_options *opts)
{
	const char *id = opts->positional[opts->npositional - 1];
	opts->scan.path = opts->npositional == 2 ? opts->positional[0] : NULL;
	al_result *result;
	if (al_cli_scan(&result, opts))
		return AL_EXIT_ERROR;
	const al_component *c = al_result_find_component(result, id);
	if (!c) {
		al_error_set("no component '%s' (see 'archlint components')", id);
		return al_cli_fail_free(result);
	}
	FILE *out = al_cli_open_output(opts);
	if (!out)
		return al_cli_fail_free(result);
	if (strcmp(opts->format, "json") == 0)
		al_report_explain_json(out, result, c);
	else
		al_report_explain_text(out, result, c);
	int err = al_cli_close_output(opts, out);
	al_result_free(result);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
