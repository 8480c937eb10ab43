/*
 * main.c: archlint's entry point — the command table, --version and top-level help — and
 * the last check that what went to standard output got there (a help text or a message
 * lost to a full disk or a closed pipe is an error, not a success).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util/file.h"
#include "util/nearest.h"

static const al_cli_command commands[] = {
	{ "check", al_cmd_check, "flag services whose language cuts against the guideline" },
	{ "components", al_cmd_components, "list discovered components with role and confidence" },
	{ "explain", al_cmd_explain, "show every signal behind one component's verdict" },
	{ "rules", al_cmd_rules, "list the active guideline rules and signals" },
	{ "report", al_cmd_report, "write the architecture report (html, md or json)" },
	{ "baseline", al_cmd_baseline, "record today's findings as accepted (.archlint-baseline.json)" },
	{ "install-hook", al_cmd_install_hook, "write a git pre-commit hook running check --staged" },
	{ "init", al_cmd_init, "write a starter .archlint.json at the repository root" },
};

static void usage(FILE *out)
{
	fputs("usage: archlint <command> [options] [PATH]\n\n"
	      "archlint reads a git repository, finds its Go and Rust services, decides whether\n"
	      "each is on the data path or the control plane, and flags the ones whose language\n"
	      "cuts against the guideline (Rust for the data path, Go for the control plane).\n\n"
	      "commands:\n",
	      out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'archlint <command> --help' (or 'archlint help <command>') for a command's\n"
	      "options; 'archlint --version' (-V) prints the version.\n", out);
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
			return commands[i].run(argc - 1, argv + 1);
		names[i] = commands[i].name;
	}
	const char *near = al_nearest(cmd, names, sizeof(names) / sizeof(names[0]));
	if (near)
		fprintf(stderr, "archlint: unknown command '%s': did you mean '%s'? (see 'archlint "
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
