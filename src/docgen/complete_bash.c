/*
 * complete_bash.c: bash completion for archlint, from the command-line tables: the
 * commands, each command's options, the choices of --format and --fail-on, files or
 * folders for options that take one, and revisions (git's refs) for --rev and the like.
 * Every word written comes from cli_spec.c, which holds no shell metacharacter in a name
 * or a choice.
 */
#include "cli_spec.h"
#include "docgen.h"

/* "--name" and "-x" of every option of cmd, space-separated. */
static void option_words(FILE *out, const al_cmd_spec *cmd)
{
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++) {
		const al_opt_spec *opt = al_opt_spec_of(*id);
		fprintf(out, "%s--%s", id == cmd->options ? "" : " ", opt->name);
		if (opt->letter)
			fprintf(out, " -%c", opt->letter);
	}
}

/* The case arm completing the value of opt. */
static void value_arm(FILE *out, const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	fprintf(out, "\t\t--%s", opt->name);
	if (opt->letter)
		fprintf(out, "|-%c", opt->letter);
	fputs(")\n\t\t\t", out);
	const char *const *choices = al_opt_choices(cmd, opt);
	if (choices) {
		fputs("COMPREPLY=($(compgen -W \"", out);
		for (size_t i = 0; choices[i]; i++)
			fprintf(out, "%s%s", i ? " " : "", choices[i]);
		fputs("\" -- \"$cur\"))", out);
	} else if (opt->kind == AL_VALUE_FILE) {
		fputs("compopt -o filenames 2>/dev/null || true; COMPREPLY=($(compgen -f -- "
		      "\"$cur\"))",
		      out);
	} else if (opt->kind == AL_VALUE_DIR) {
		fputs("compopt -o filenames 2>/dev/null || true; COMPREPLY=($(compgen -d -- "
		      "\"$cur\"))",
		      out);
	} else if (opt->kind == AL_VALUE_REV) {
		fputs(
		    "COMPREPLY=($(compgen -W \"HEAD $(git for-each-ref --format='%(refname:short)' "
		    "2>/dev/null)\" -- \"$cur\"))",
		    out);
	} else {
		fputs("COMPREPLY=()", out);
	}
	fputs("\n\t\t\treturn ;;\n", out);
}

static void command_arm(FILE *out, const al_cmd_spec *cmd)
{
	fprintf(out, "\t%s)\n\t\topts=\"", cmd->name);
	option_words(out, cmd);
	fputs("\"\n\t\tcase \"$prev\" in\n", out);
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++)
		if (al_opt_spec_of(*id)->value)
			value_arm(out, cmd, al_opt_spec_of(*id));
	fputs("\t\tesac ;;\n", out);
}

void al_docgen_bash(FILE *out)
{
	fputs("# bash completion for archlint, generated from src/cli/cli_spec.c by "
	      "archlint-docgen\n_archlint()\n{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opts=\n"
	      "\tlocal commands=\"",
	      out);
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		fprintf(out, "%s ", al_cmd_specs[i].name);
	fputs("help\"\n\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$commands --help --version\" -- \"$cur\"))\n"
	      "\t\treturn\n\tfi\n\tcase \"${COMP_WORDS[1]}\" in\n"
	      "\thelp)\n\t\tCOMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n\t\treturn ;;\n",
	      out);
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		command_arm(out, &al_cmd_specs[i]);
	fputs(
	    "\t*) return ;;\n\tesac\n"
	    "\tif [[ $cur == -* ]]; then\n"
	    "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	    "\telse\n"
	    "\t\tcompopt -o filenames 2>/dev/null || true; COMPREPLY=($(compgen -d -- \"$cur\"))\n"
	    "\tfi\n}\ncomplete -F _archlint archlint\n",
	    out);
}
