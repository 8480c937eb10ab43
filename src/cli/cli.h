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
#include "cli_spec.h"

enum { AL_EXIT_OK = 0, AL_EXIT_FINDINGS = 1, AL_EXIT_ERROR = 2 };

/* What the command line said; each command reads the fields of the options it takes. */
typedef struct {
	al_scan_options scan;
	const char *format;
	const char *output;
	al_level fail_on; /* AL_LEVEL_OFF: never */
	int quiet;
	const char *new_from_rev, *baseline; /* check */
	int no_baseline, allow_incomplete;   /* check */
	int full_gate;                       /* check, install-hook */
	const char *since;                   /* report */
	const char *owner;                   /* report: only this owner's services */
	unsigned history;                    /* report; 0: none */
	size_t max_chars;                    /* report --format md; 0: no limit */
	int force;                           /* install-hook, init */
	const char *positional[2];
	int npositional;
} al_cli_options;

/* A command: its name in cli_spec.c and what runs it on the parsed command line. */
typedef struct {
	const char *name;
	int (*run)(al_cli_options *opts);
} al_cli_command;

/* Parses the command line of cmd (argv[0] is the command's name) into *opts, defaults
 * first; a command with one operand gets it as opts->scan.path. Returns 0; -1 when --help
 * was printed; AL_EXIT_ERROR after printing a usage error. */
int al_cli_parse(al_cli_options *opts, const al_cmd_spec *cmd, int argc, char **argv);
/* Writes cmd's --help: synopsis, prose, every option with its default, exit status. */
void al_cli_help(FILE *out, const al_cmd_spec *cmd);
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

int al_cmd_check(al_cli_options *opts);
int al_cmd_components(al_cli_options *opts);
int al_cmd_explain(al_cli_options *opts);
int al_cmd_rules(al_cli_options *opts);
int al_cmd_report(al_cli_options *opts);
int al_cmd_baseline(al_cli_options *opts);
int al_cmd_install_hook(al_cli_options *opts);
int al_cmd_init(al_cli_options *opts);

#endif
