/*
 * cli_spec.h: archlint's command line as data — every option once (name, short letter,
 * value, default, one line of help) and every command with its operands, formats, prose
 * and the options it takes. The parser (options.c), --help (help.c), the man page and the
 * shell completions (src/docgen, run at build time) are all made from these tables, so
 * they cannot disagree. Plain data: no libgit2, no archlint header.
 */
#ifndef AL_CLI_SPEC_H
#define AL_CLI_SPEC_H

#include <stddef.h>

typedef enum {
	AL_OPT_HELP,
	AL_OPT_REV,
	AL_OPT_STAGED,
	AL_OPT_WORKTREE,
	AL_OPT_FORMAT,
	AL_OPT_OUTPUT,
	AL_OPT_BASELINE_OUTPUT,
	AL_OPT_FAIL_ON,
	AL_OPT_NEW_FROM_REV,
	AL_OPT_FULL_GATE,
	AL_OPT_BASELINE,
	AL_OPT_NO_BASELINE,
	AL_OPT_ALLOW_INCOMPLETE,
	AL_OPT_SINCE,
	AL_OPT_HISTORY,
	AL_OPT_MAX_CHARS,
	AL_OPT_OWNER,
	AL_OPT_CONFIG,
	AL_OPT_RULES,
	AL_OPT_JOBS,
	AL_OPT_CACHE_DIR,
	AL_OPT_NO_CACHE,
	AL_OPT_QUIET,
	AL_OPT_HOOK_FORCE,
	AL_OPT_HOOK_FULL_GATE,
	AL_OPT_INIT_FORCE,
	AL_OPT__COUNT /* also ends a command's option list */
} al_opt_id;

/* What completion offers for an option's value. */
typedef enum {
	AL_VALUE_NONE,
	AL_VALUE_WORD,
	AL_VALUE_FILE,
	AL_VALUE_DIR,
	AL_VALUE_REV
} al_value_kind;

typedef struct {
	al_opt_id id;
	const char *name;           /* long name, without the dashes */
	char letter;                /* short option, 0 for none */
	const char *value;          /* the value's placeholder ("REV"); NULL for a flag */
	al_value_kind kind;         /* what the value is, for completion */
	const char *const *choices; /* the values it takes, NULL-terminated; NULL: any */
	const char *fallback;       /* the default, as --help shows it; NULL: none to show */
	const char *help;           /* one line, lower case, no full stop */
} al_opt_spec;

typedef struct {
	const char *name;
	const char *operands; /* "[PATH]", "[PATH] COMPONENT" */
	int min_operands, max_operands;
	const char *summary;        /* one line for the command list */
	const char *description;    /* paragraphs after the synopsis */
	const char *const *formats; /* NULL-terminated, the first the default; NULL: none */
	const al_opt_id *options;   /* ends with AL_OPT__COUNT */
} al_cmd_spec;

extern const al_cmd_spec al_cmd_specs[];
extern const size_t al_cmd_spec_count;

/* The option's entry (every id has one). */
const al_opt_spec *al_opt_spec_of(al_opt_id id);
/* The command's entry, or NULL. */
const al_cmd_spec *al_cmd_spec_find(const char *name);
/* The values --format (or another choice option) takes in this command: the command's
 * formats for AL_OPT_FORMAT, else the option's own choices (NULL: any value). */
const char *const *al_opt_choices(const al_cmd_spec *cmd, const al_opt_spec *opt);
/* The default --help shows for the option in this command (NULL: none). */
const char *al_opt_fallback(const al_cmd_spec *cmd, const al_opt_spec *opt);

/* What archlint is, the paragraph `archlint --help` and the man page open with. */
extern const char al_cli_about[];
/* The process exit status every command documents. */
extern const char al_cli_exit_status[];
/* The environment variables archlint reads, as "NAME\tmeaning" lines. */
extern const char *const al_cli_environment[];

#endif
