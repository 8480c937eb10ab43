/*
 * help.c: `archlint CMD --help`, written from the command's entry in cli_spec.c: the
 * synopsis, the prose, every option with its value, its choices and its default, and the
 * exit status. Lines fit 100 columns: an option's help wraps under its own column.
 */
#include <string.h>

#include "cli.h"
#include "cli_spec.h"

enum { HELP_COLUMN = 28, HELP_WIDTH = 100 };

/* Writes text starting at HELP_COLUMN, wrapping at spaces so no line passes HELP_WIDTH;
 * a continuation starts at HELP_COLUMN too. */
static void wrap(FILE *out, const char *text)
{
	size_t at = HELP_COLUMN;
	for (const char *p = text; *p;) {
		size_t word = strcspn(p, " ");
		if (p != text && at + 1 + word > HELP_WIDTH) {
			fprintf(out, "\n%*s", HELP_COLUMN, "");
			at = HELP_COLUMN;
		} else if (p != text) {
			fputc(' ', out);
			at++;
		}
		fwrite(p, 1, word, out);
		at += word;
		p += word;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

/* "output format: text, json or sarif" */
static void append_choices(char *line, size_t size, const char *const *choices)
{
	size_t n = 0;
	while (choices[n])
		n++;
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? ": " : i + 1 == n ? " or " : ", ";
		size_t len = strlen(line);
		snprintf(line + len, size - len, "%s%s", sep, choices[i]);
	}
}

static void option_line(FILE *out, const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	char left[64], line[512];
	if (opt->letter)
		snprintf(left, sizeof(left), "  -%c, --%s%s%s", opt->letter, opt->name,
		         opt->value ? " " : "", opt->value ? opt->value : "");
	else
		snprintf(left, sizeof(left), "      --%s%s%s", opt->name, opt->value ? " " : "",
		         opt->value ? opt->value : "");
	snprintf(line, sizeof(line), "%s", opt->help);
	const char *const *choices = al_opt_choices(cmd, opt);
	if (choices)
		append_choices(line, sizeof(line), choices);
	const char *fallback = al_opt_fallback(cmd, opt);
	if (fallback) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof(line) - len, " (default: %s)", fallback);
	}
	size_t len = strlen(left);
	if (len + 2 > HELP_COLUMN) /* a long option name: its help on the next line */
		fprintf(out, "%s\n%*s", left, HELP_COLUMN, "");
	else
		fprintf(out, "%s%*s", left, (int)(HELP_COLUMN - len), "");
	wrap(out, line);
}

void al_cli_help(FILE *out, const al_cmd_spec *cmd)
{
	fprintf(out, "usage: archlint %s%s%s [options]\n\n", cmd->name, *cmd->operands ? " " : "",
	        cmd->operands);
	fputs(cmd->description, out);
	fputs("\noptions:\n", out);
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++)
		option_line(out, cmd, al_opt_spec_of(*id));
	fprintf(out, "\nexit status:\n%s", al_cli_exit_status);
}
