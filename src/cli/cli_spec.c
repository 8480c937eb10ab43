/*
 * cli_spec.c: the tables of cli_spec.h — archlint's options and commands, with the prose
 * --help and the man page print. A new option is one entry in `options` and its id in the
 * lists of the commands that take it; options.c stores its value.
 */
#include <string.h>

#include "cli_spec.h"

static const char *const levels[] = {"error", "warning", "note", "never", NULL};

static const al_opt_spec options[AL_OPT__COUNT] = {
    {AL_OPT_HELP, "help", 'h', NULL, AL_VALUE_NONE, NULL, NULL, "print this help and exit"},
    {AL_OPT_REV, "rev", 0, "REV", AL_VALUE_REV, NULL, "HEAD", "read the tree of revision REV"},
    {AL_OPT_STAGED, "staged", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "read the index: what the next commit records"},
    {AL_OPT_WORKTREE, "worktree", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "read the files on disk, untracked ones included"},
    {AL_OPT_FORMAT, "format", 'f', "FMT", AL_VALUE_WORD, NULL, NULL, "output format"},
    {AL_OPT_OUTPUT, "output", 'o', "FILE", AL_VALUE_FILE, NULL, NULL,
     "write the output to FILE ('-': standard output)"},
    {AL_OPT_BASELINE_OUTPUT, "output", 'o', "FILE", AL_VALUE_FILE, NULL,
     ".archlint-baseline.json at the work tree root",
     "write the baseline to FILE ('-': standard output)"},
    {AL_OPT_FAIL_ON, "fail-on", 0, "LEVEL", AL_VALUE_WORD, levels, "warning",
     "exit 1 on open findings at or above LEVEL"},
    {AL_OPT_NEW_FROM_REV, "new-from-rev", 0, "REV", AL_VALUE_REV, NULL, NULL,
     "gate only on components new or changed since REV"},
    {AL_OPT_FULL_GATE, "full-gate", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "gate on every finding again (overrides --new-from-rev)"},
    {AL_OPT_BASELINE, "baseline", 0, "FILE", AL_VALUE_FILE, NULL,
     ".archlint-baseline.json in the snapshot", "accept the findings listed in FILE"},
    {AL_OPT_NO_BASELINE, "no-baseline", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "apply no baseline, not even the committed one"},
    {AL_OPT_ALLOW_INCOMPLETE, "allow-incomplete", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "judge a run that could not read everything on its findings alone"},
    {AL_OPT_SINCE, "since", 0, "REV", AL_VALUE_REV, NULL, NULL, "also show what changed since REV"},
    {AL_OPT_HISTORY, "history", 0, "N", AL_VALUE_WORD, NULL, NULL,
     "also chart the language mix per role over N commits (1 to 10000)"},
    {AL_OPT_MAX_CHARS, "max-chars", 0, "N", AL_VALUE_WORD, NULL, "60000",
     "md: cut to N characters, changes and findings kept first (0: no limit)"},
    {AL_OPT_OWNER, "owner", 0, "TEAM", AL_VALUE_WORD, NULL, NULL,
     "only the services TEAM owns (CODEOWNERS, Backstage spec.owner)"},
    {AL_OPT_CONFIG, "config", 0, "FILE", AL_VALUE_FILE, NULL, ".archlint.json in the snapshot",
     "read the configuration from FILE"},
    {AL_OPT_RULES, "rules", 0, "DIR", AL_VALUE_DIR, NULL, "$ARCHLINT_RULES, else built in",
     "read signals and policy from DIR"},
    {AL_OPT_JOBS, "jobs", 'j', "N", AL_VALUE_WORD, NULL, "the number of cores",
     "parse with N threads (1 to 256)"},
    {AL_OPT_CACHE_DIR, "cache-dir", 0, "DIR", AL_VALUE_DIR, NULL,
     "$ARCHLINT_CACHE_DIR, else archlint/ in the git directory",
     "keep the extraction cache in DIR"},
    {AL_OPT_NO_CACHE, "no-cache", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "neither read nor write the extraction cache"},
    {AL_OPT_QUIET, "quiet", 'q', NULL, AL_VALUE_NONE, NULL, NULL,
     "print no notices and no summary on stderr"},
    {AL_OPT_HOOK_FORCE, "force", 'f', NULL, AL_VALUE_NONE, NULL, NULL,
     "keep a hook archlint did not write as a backup, run first"},
    {AL_OPT_HOOK_FULL_GATE, "full-gate", 0, NULL, AL_VALUE_NONE, NULL, NULL,
     "write a hook on which every finding blocks, not only changed ones"},
    {AL_OPT_INIT_FORCE, "force", 'f', NULL, AL_VALUE_NONE, NULL, NULL,
     "replace an existing .archlint.json"},
};

#define SOURCE_OPTIONS AL_OPT_REV, AL_OPT_STAGED, AL_OPT_WORKTREE
#define SCAN_OPTIONS AL_OPT_CONFIG, AL_OPT_RULES, AL_OPT_JOBS, AL_OPT_CACHE_DIR, AL_OPT_NO_CACHE

static const char *const check_formats[] = {"text",   "json",  "sarif", "github",
                                            "gitlab", "junit", NULL};
static const char *const text_json[] = {"text", "json", NULL};
static const char *const report_formats[] = {"html", "md", "json", NULL};

static const al_opt_id check_options[] = {
    SOURCE_OPTIONS,  AL_OPT_FORMAT,       AL_OPT_OUTPUT,
    AL_OPT_FAIL_ON,  AL_OPT_NEW_FROM_REV, AL_OPT_FULL_GATE,
    AL_OPT_BASELINE, AL_OPT_NO_BASELINE,  AL_OPT_ALLOW_INCOMPLETE,
    SCAN_OPTIONS,    AL_OPT_QUIET,        AL_OPT_HELP,
    AL_OPT__COUNT};
static const al_opt_id list_options[] = {SOURCE_OPTIONS, AL_OPT_FORMAT, AL_OPT_OUTPUT, SCAN_OPTIONS,
                                         AL_OPT_QUIET,   AL_OPT_HELP,   AL_OPT__COUNT};
static const al_opt_id rules_options[] = {AL_OPT_RULES, AL_OPT_FORMAT, AL_OPT_OUTPUT, AL_OPT_HELP,
                                          AL_OPT__COUNT};
static const al_opt_id report_options[] = {
    SOURCE_OPTIONS, AL_OPT_SINCE, AL_OPT_HISTORY, AL_OPT_MAX_CHARS, AL_OPT_OWNER, AL_OPT_FORMAT,
    AL_OPT_OUTPUT,  SCAN_OPTIONS, AL_OPT_QUIET,   AL_OPT_HELP,      AL_OPT__COUNT};
static const al_opt_id baseline_options[] = {
    SOURCE_OPTIONS, AL_OPT_BASELINE_OUTPUT, SCAN_OPTIONS, AL_OPT_QUIET, AL_OPT_HELP, AL_OPT__COUNT};
static const al_opt_id hook_options[] = {AL_OPT_HOOK_FORCE, AL_OPT_HOOK_FULL_GATE, AL_OPT_HELP,
                                         AL_OPT__COUNT};
static const al_opt_id init_options[] = {AL_OPT_INIT_FORCE, AL_OPT_RULES, AL_OPT_JOBS,
                                         AL_OPT_QUIET,      AL_OPT_HELP,  AL_OPT__COUNT};

#define PATH_PROSE                                                                                 \
	"PATH is the repository (default: the current directory, searched upwards); a bare\n"      \
	"repository has no index and no work tree, so --staged and --worktree on one are an\n"     \
	"error.\n"

const al_cmd_spec al_cmd_specs[] = {
    {"check", "[PATH]", 0, 1, "flag services whose language cuts against the guideline",
     "Scans the repository at PATH and reports every component whose language cuts against\n"
     "the guideline: Rust for the data path, Go for the control plane.\n\n" PATH_PROSE "\n"
     "Formats: text (the findings under a line naming each component with its role and\n"
     "confidence, path:line: level: message [RULE]; on a terminal in colour and wrapped at\n"
     "100 columns, piped one finding a line), json (the stable contract), sarif\n"
     "(SARIF 2.1.0 for code scanning), github (workflow-command annotations; with\n"
     "GITHUB_STEP_SUMMARY set, a Markdown job summary is appended to that file), gitlab\n"
     "(Code Quality report), junit (one test case per component).\n\n"
     "Accepted findings are kept out of the gate and counted on stderr: waivers in\n"
     ".archlint.json, '//archlint:ignore RULE -- reason' in a component's entry file, the\n"
     "baseline written by 'archlint baseline' (.archlint-baseline.json at the root of the\n"
     "snapshot is applied without a flag), and --new-from-rev REV, which gates only on\n"
     "components new or changed in role, language or closure since REV (the pre-commit\n"
     "hook passes HEAD, the GitHub Action and the GitLab example a pull request's merge\n"
     "base).\n\n"
     "A run that could not read a part of the repository (see the notices) is incomplete\n"
     "and fails the gate, since what was not read may hide a finding.\n",
     check_formats, check_options},
    {"components", "[PATH]", 0, 1, "list discovered components with role and confidence",
     "Lists the Go and Rust components of the repository at PATH with role, confidence and\n"
     "entry point.\n\n" PATH_PROSE,
     text_json, list_options},
    {"explain", "[PATH] COMPONENT", 1, 2, "show every signal behind one component's verdict",
     "Shows everything behind one component's verdict: the scores per role, what decided\n"
     "it, every signal with its weight and location, the closure that was read, and the\n"
     "findings. Enough to agree, or to write the declaration that corrects it.\n\n" PATH_PROSE,
     text_json, list_options},
    {"rules", "", 0, 0, "list the active guideline rules and signals",
     "Lists the active guideline rules and every signal with its rationale. Loading them\n"
     "validates them: a query that does not compile or a malformed table is reported with\n"
     "its file and position.\n",
     text_json, rules_options},
    {"report", "[PATH]", 0, 1, "write the architecture report (html, md or json)",
     "Writes the architecture report of the repository at PATH: a map of every service\n"
     "placed by role and coloured by language with its findings and the links between\n"
     "components, the role x language matrix with the guideline, and per service its\n"
     "language, role, confidence, size, evidence and findings. html is one self-contained\n"
     "page, md a pull-request comment (map in Mermaid), json the data behind both. The\n"
     "report is a document, not a gate: findings do not change the exit status.\n\n" PATH_PROSE,
     report_formats, report_options},
    {"baseline", "[PATH]", 0, 1, "record today's findings as accepted (.archlint-baseline.json)",
     "Writes the open findings of the repository at PATH to .archlint-baseline.json at its\n"
     "work tree root (or to --output FILE), keyed by rule and component, never by line.\n"
     "Commit it; then 'archlint check' (and the hook and CI steps built on it) finds it\n"
     "without a flag, fails only on findings it does not list, and names the entries that\n"
     "no longer match so the file shrinks as the debt is paid.\n\n" PATH_PROSE,
     NULL, baseline_options},
    {"install-hook", "[PATH]", 0, 1, "write a git pre-commit hook running check --staged",
     "Writes a git pre-commit hook into the repository at PATH that runs 'archlint check\n"
     "--staged --new-from-rev HEAD' before every commit: the staged snapshot is checked,\n"
     "and only components the commit adds or changes (in role, language or closure) block\n"
     "it; the others are reported below the gate. The hook goes to core.hooksPath when that\n"
     "is set, else to the hooks directory of the git directory. A hook archlint did not\n"
     "write is never disabled: without --force it is left alone (for the pre-commit\n"
     "framework's hook, add archlint to .pre-commit-config.yaml instead); with --force it\n"
     "is kept as pre-commit.archlint-backup and archlint's hook runs it first. Skip the\n"
     "check once with 'git commit --no-verify'.\n",
     NULL, hook_options},
    {"init", "[PATH]", 0, 1, "write .archlint.json declaring today's roles, to review",
     "Writes a starter .archlint.json at the root of the work tree of the repository at\n"
     "PATH: every component archlint classified, declared with its role today and the\n"
     "confidence it had (declarations to review: the least confident are named on\n"
     "stderr), every guideline rule at its default level, and a hint naming the\n"
     "components archlint could not classify, which need a declaration. An existing file\n"
     "is kept unless --force.\n",
     NULL, init_options},
};

const size_t al_cmd_spec_count = sizeof(al_cmd_specs) / sizeof(al_cmd_specs[0]);

const char al_cli_about[] =
    "archlint reads a git repository, finds its Go and Rust services, decides whether\n"
    "each is on the data path or the control plane, and flags the ones whose language\n"
    "cuts against the guideline (Rust for the data path, Go for the control plane).\n";

const char al_cli_exit_status[] =
    "0 nothing at or above the gate; 1 open findings at or above --fail-on, or an incomplete\n"
    "run (check only); 2 usage, configuration or repository error, printed as one line\n"
    "'archlint: FILE:LINE: cause'.\n";

const char *const al_cli_environment[] = {
    "ARCHLINT_RULES\tfolder of signals and policy used when --rules is not given",
    "ARCHLINT_CACHE_DIR\tfolder of the extraction cache when --cache-dir is not given",
    "GITHUB_STEP_SUMMARY\tfile the github format appends its Markdown job summary to",
    "NO_COLOR\tset and not empty: no colour on a terminal either (so does TERM=dumb)",
    NULL,
};

const al_opt_spec *al_opt_spec_of(al_opt_id id)
{
	return &options[id];
}

const al_cmd_spec *al_cmd_spec_find(const char *name)
{
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		if (strcmp(al_cmd_specs[i].name, name) == 0)
			return &al_cmd_specs[i];
	return NULL;
}

const char *const *al_opt_choices(const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	return opt->id == AL_OPT_FORMAT ? cmd->formats : opt->choices;
}

const char *al_opt_fallback(const al_cmd_spec *cmd, const al_opt_spec *opt)
{
	if (opt->id == AL_OPT_FORMAT && cmd->formats)
		return cmd->formats[0];
	return opt->fallback;
}
