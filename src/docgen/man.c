/*
 * man.c: archlint(1) in roff (the man macros), from the command-line tables: a section per
 * command with its prose and every option, its value, choices and default. Text from the
 * tables is escaped for roff: backslashes, hyphens (\-, so they copy as ASCII), and a
 * leading '.' or '\'' that roff would take for a request.
 */
#include <string.h>

#include "cli_spec.h"
#include "docgen.h"

/* Writes the first len bytes of text escaped for roff, within a line (no newline). */
static void roff_span(FILE *out, const char *text, size_t len)
{
	for (const char *p = text; p < text + len; p++) {
		if (*p == '\\')
			fputs("\\e", out);
		else if (*p == '-')
			fputs("\\-", out);
		else
			fputc(*p, out);
	}
}

static void roff_inline(FILE *out, const char *text)
{
	roff_span(out, text, strlen(text));
}

/* Writes text as roff lines; each blank line starts a new paragraph. */
static void roff_text(FILE *out, const char *text)
{
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		if (len == 0)
			fputs(".PP", out);
		else if (line[0] == '.' || line[0] == '\'')
			fputs("\\&", out); /* roff would read a request */
		roff_span(out, line, len);
		fputc('\n', out);
		line += len + (line[len] == '\n');
	}
}

static void option_item(FILE *out, const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	fputs(".TP\n", out);
	if (opt->letter)
		fprintf(out, "\\fB\\-%c\\fR, ", opt->letter);
	fputs("\\fB\\-\\-", out);
	roff_inline(out, opt->name);
	fputs("\\fR", out);
	if (opt->value) {
		fputs(" \\fI", out);
		roff_inline(out, opt->value);
		fputs("\\fR", out);
	}
	fputc('\n', out);
	roff_inline(out, opt->help);
	const char *const *choices = al_opt_choices(cmd, opt);
	for (size_t i = 0; choices && choices[i]; i++) {
		fputs(i == 0 ? ": " : ", ", out);
		roff_inline(out, choices[i]);
	}
	const char *fallback = al_opt_fallback(cmd, opt);
	if (fallback) {
		fputs(" (default: ", out);
		roff_inline(out, fallback);
		fputc(')', out);
	}
	fputc('\n', out);
}

static void command_section(FILE *out, const al_cmd_spec *cmd)
{
	fprintf(out, ".SS \"archlint %s%s%s\"\n", cmd->name, *cmd->operands ? " " : "",
	        cmd->operands);
	roff_text(out, cmd->description);
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++)
		option_item(out, cmd, al_opt_spec_of(*id));
}

void al_docgen_man(FILE *out, const char *version)
{
	fprintf(out,
	        ".\\\" archlint(1), generated from src/cli/cli_spec.c by archlint-docgen\n"
	        ".TH ARCHLINT 1 \"\" \"archlint %s\" \"User Commands\"\n"
	        ".SH NAME\narchlint \\- architecture linter for Go and Rust services\n"
	        ".SH SYNOPSIS\n",
	        version);
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		fprintf(out, "%s\\fBarchlint %s\\fR %s%s[\\fIoptions\\fR]\n", i ? ".br\n" : "",
		        al_cmd_specs[i].name, al_cmd_specs[i].operands,
		        *al_cmd_specs[i].operands ? " " : "");
	fputs(".br\n\\fBarchlint \\-\\-version\\fR\n.SH DESCRIPTION\n", out);
	roff_text(out, al_cli_about);
	fputs(".SH COMMANDS\n", out);
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		command_section(out, &al_cmd_specs[i]);
	fputs(".SH \"EXIT STATUS\"\n", out);
	roff_text(out, al_cli_exit_status);
	fputs(".SH ENVIRONMENT\n", out);
	for (const char *const *e = al_cli_environment; *e; e++) {
		size_t name = strcspn(*e, "\t");
		fprintf(out, ".TP\n.B %.*s\n", (int)name, *e);
		roff_text(out, *e + name + 1);
	}
	fputs(
	    ".SH FILES\n.TP\n.I .archlint.json\nthe configuration, read from the snapshot's root\n"
	    ".TP\n.I .archlint\\-baseline.json\naccepted findings, written by \\fBarchlint "
	    "baseline\\fR and applied by \\fBarchlint check\\fR\n"
	    ".SH \"SEE ALSO\"\n\\fBgit\\fR(1), \\fBgithooks\\fR(5)\n",
	    out);
}
