/*
 * main.c: archlint's entry point — the command table, --version and top-level help — and
 * the last check that what went to standard output got there (a help text or a message
 * lost to a full disk or a closed pipe is an error, not a success).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "file.h"
#include "nearest.h"

/* What runs each command of cli_spec.c. */
static const al_cli_command commands[] = {
    {"check", al_cmd_check},
    {"components", al_cmd_components},
    {"explain", al_cmd_explain},
    {"rules", al_cmd_rules},
    {"report", al_cmd_report},
    {"baseline", al_cmd_baseline},
    {"install-hook", al_cmd_install_hook},
    {"init", al_cmd_init},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: archlint <command> [options] [PATH]\n\n%s\ncommands:\n", al_cli_about);
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		fprintf(out, "  %-12s %s\n", al_cmd_specs[i].name, al_cmd_specs[i].summary);
	fputs("\nRun 'archlint <command> --help' (or 'archlint help <command>') for a command's\n"
	      "options; 'archlint --version' (-V) prints the version.\n",
	      out);
}

/* Parses the command's line with its spec, then runs it. */
static int run_command(const al_cli_command *command, int argc, char **argv)
{
	al_cli_options opts;
	int rc = al_cli_parse(&opts, al_cmd_spec_find(command->name), argc, argv);
	if (rc)
		return rc < 0 ? AL_EXIT_OK : rc;
	return command->run(&opts);
}

static int run(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return AL_EXIT_ERROR;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 ||
	    strcmp(cmd, "version") == 0) {
		printf("archlint %s\n", AL_VERSION);
		return AL_EXIT_OK;
	}
	if (strcmp(cmd, "help") == 0 && argc > 2) { /* archlint help CMD = archlint CMD --help */
		char *help[] = {argv[0], argv[2], "--help", NULL};
		return run(3, help);
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return AL_EXIT_OK;
	}
	const char *names[sizeof(commands) / sizeof(commands[0])];
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(commands[i].name, cmd) == 0)
			return run_command(&commands[i], argc - 1, argv + 1);
		names[i] = commands[i].name;
	}
	const char *near = al_nearest(cmd, names, sizeof(names) / sizeof(names[0]));
	if (near)
		fprintf(stderr,
		        "archlint: unknown command '%s': did you mean '%s'? (see 'archlint "
		        "--help')\n",
		        cmd, near);
	else
		fprintf(stderr, "archlint: unknown command '%s' (see 'archlint --help')\n", cmd);
	return AL_EXIT_ERROR;
}

int main(int argc, char **argv)
{
	errno = 0;
	int rc = run(argc, argv);
	/* A command that already failed has said why (its output included). */
	if (al_file_finish(stdout) != 0 && rc != AL_EXIT_ERROR) {
		fprintf(stderr, "archlint: standard output: %s\n", strerror(errno));
		rc = AL_EXIT_ERROR;
	}
	return rc;
}
