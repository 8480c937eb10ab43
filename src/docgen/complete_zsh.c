/*
 * complete_zsh.c: zsh completion for archlint (#compdef), from the command-line tables:
 * the commands with their summaries, and per command an _arguments spec of every option
 * with its help, its choices, files or folders for its value (a revision or a
 * number is typed, not completed). Help text is quoted for
 * zsh: inside single quotes, with the characters _arguments reads ([ ] :) escaped.
 */
#include "cli_spec.h"
#include "docgen.h"

/* text inside a single-quoted _arguments spec. */
static void zsh_text(FILE *out, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", out);
		else if (*p == '[' || *p == ']' || *p == ':' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else
			fputc(*p, out);
	}
}

static void value_action(FILE *out, const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	const char *const *choices = al_opt_choices(cmd, opt);
	fprintf(out, ":%s:", opt->value);
	if (choices) {
		fputc('(', out);
		for (size_t i = 0; choices[i]; i++)
			fprintf(out, "%s%s", i ? " " : "", choices[i]);
		fputc(')', out);
	} else if (opt->kind == AL_VALUE_FILE) {
		fputs("_files", out);
	} else if (opt->kind == AL_VALUE_DIR) {
		fputs("_files -/", out);
	} /* a revision or a number: typed, not completed */
}

static void option_spec(FILE *out, const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	const char *arg = opt->value ? "=" : "";
	fputs(" \\\n\t\t\t", out);
	if (opt->letter)
		fprintf(out, "'(-%c --%s)'{-%c%s,--%s%s}'[", opt->letter, opt->name, opt->letter,
		        opt->value ? "+" : "", opt->name, arg);
	else
		fprintf(out, "'--%s%s[", opt->name, arg);
	zsh_text(out, opt->help);
	fputc(']', out);
	if (opt->value)
		value_action(out, cmd, opt);
	fputc('\'', out);
}

static void command_arm(FILE *out, const al_cmd_spec *cmd)
{
	fprintf(out, "\t%s)\n\t\t_arguments -s", cmd->name);
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++)
		option_spec(out, cmd, al_opt_spec_of(*id));
	if (cmd->max_operands > 0)
		fputs(" \\\n\t\t\t'*:PATH:_files -/'", out);
	fputs(" ;;\n", out);
}

void al_docgen_zsh(FILE *out)
{
	fputs("#compdef archlint\n# zsh completion for archlint, generated from "
	      "src/cli/cli_spec.c by archlint-docgen\n\n_archlint() {\n"
	      "\tlocal -a commands\n\tcommands=(\n",
	      out);
	for (size_t i = 0; i < al_cmd_spec_count; i++) {
		fprintf(out, "\t\t'%s:", al_cmd_specs[i].name);
		zsh_text(out, al_cmd_specs[i].summary);
		fputs("'\n", out);
	}
	fputs("\t)\n\tif (( CURRENT == 2 )); then\n\t\t_describe command commands\n\t\treturn\n"
	      "\tfi\n\tlocal cmd=$words[2]\n\tshift words\n\t(( CURRENT-- ))\n"
	      "\tcase $cmd in\n\thelp)\n\t\t_describe command commands ;;\n",
	      out);
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		command_arm(out, &al_cmd_specs[i]);
	fputs("\tesac\n}\n\n_archlint \"$@\"\n", out);
}
