/*
 * cli.h: the command table and the options every scanning command shares.
 *
 * Each subcommand lives in cmd_<name>.c and returns the process exit code: 0 clean,
 * 1 findings at or above the gate, 2 usage, configuration or repository error.
 */
#ifndef AL_CLI_H
#define AL_CLI_H

#include <stdio.h>

#include "archlint.h"

enum { AL_EXIT_OK = 0, AL_EXIT_FINDINGS = 1, AL_EXIT_ERROR = 2 };

typedef struct {
	al_scan_options scan;
	const char *format;
	const char *output;
	al_level fail_on; /* AL_LEVEL_OFF: never */
	int quiet;
	const char *positional[2];
	int npositional;
} al_cli_options;

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} al_cli_command;

/* Parses the shared options; sets defaults first. Prints the error and returns
 * AL_EXIT_ERROR on bad usage, returns -1 when --help was printed, else 0. `formats` is a
 * NULL-terminated list the command accepts; `max_positional` how many operands it takes. */
int al_cli_parse(al_cli_options *opts, int argc, char **argv, const char *usage,
		 const char *const *formats, int max_positional);
/* al_cli_parse for a command that takes one operand, the repository PATH: sets
 * opts->scan.path to it (NULL when absent). */
int al_cli_parse_path(al_cli_options *opts, int argc, char **argv, const char *usage,
		      const char *const *formats);
/* Opens -o FILE or stdout. */
FILE *al_cli_open_output(const al_cli_options *opts);
/* Flushes and closes what al_cli_open_output opened; when any write to it failed, sets the
 * error "OUTPUT: cause" (OUTPUT the -o path or "standard output") and returns -1. */
int al_cli_close_output(const al_cli_options *opts, FILE *out);
/* Prints "archlint: MESSAGE" for the last error and returns AL_EXIT_ERROR. */
int al_cli_fail(void);
/* Scans opts->scan into *out; on failure prints the error and returns AL_EXIT_ERROR. */
int al_cli_scan(al_result **out, al_cli_options *opts);
/* Frees result (may be NULL), then al_cli_fail. */
int al_cli_fail_free(al_result *result);
/* Notices and a summary on stderr (unless quiet). */
void al_cli_print_notices(const al_cli_options *opts, const al_result *result);

int al_cmd_check(int argc, char **argv);
int al_cmd_components(int argc, char **argv);
int al_cmd_explain(int argc, char **argv);
int al_cmd_rules(int argc, char **argv);
int al_cmd_report(int argc, char **argv);
int al_cmd_baseline(int argc, char **argv);
int al_cmd_install_hook(int argc, char **argv);
int al_cmd_init(int argc, char **argv);

#endif
