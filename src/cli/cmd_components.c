/*
 * cmd_components.c: `archlint components` — every discovered component with its role,
 * confidence and entry point (text table or the JSON contract).
 */
#include <string.h>

#include "cli.h"
#include "report.h"

int al_cmd_components(al_cli_options *opts)
{
	al_result *result;
	if (al_cli_scan(&result, opts))
		return AL_EXIT_ERROR;
	FILE *out = al_cli_open_output(opts);
	if (!out)
		return al_cli_fail_free(result);
	if (strcmp(opts->format, "json") == 0)
		al_report_json(out, result);
	else
		al_report_components_text(out, result);
	int err = al_cli_close_output(opts, out);
	al_cli_print_notices(opts, result);
	al_result_free(result);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
