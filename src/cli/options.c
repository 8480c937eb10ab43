/*
 * options.c: the command line of every command, parsed with getopt_long from the
 * command's entry in cli_spec.c (so -j4, --jobs=4, option clusters and '--' work as in
 * any GNU tool), and the output and error plumbing around it. A usage error is one line,
 * "archlint: <what is wrong> (see 'archlint CMD --help')", with the option or value meant
 * when a mistyped one is close to it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "review.h"
#include "file.h"
#include "nearest.h"

/* getopt_long's value for a long option: past every short letter. */
enum { LONG_BASE = 256 };

static int usage_error(const al_cmd_spec *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int usage_error(const al_cmd_spec *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("archlint: ", stderr);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (see 'archlint %s --help')\n", cmd->name);
	va_end(ap);
	return AL_EXIT_ERROR;
}

/* A progress line on a terminal's stderr, once a scan has run for more than a second. */
static void progress(size_t done, size_t total, void *ctx)
{
	struct timespec *start = ctx, now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double elapsed =
	    (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
	if (done >= total) {
		if (elapsed > 1.0)
			fputs("\r\033[K", stderr);
		return;
	}
	if (elapsed > 1.0 && (done % 64 == 0))
		fprintf(stderr, "\rarchlint: parsing %zu/%zu files", done, total);
}

static struct timespec scan_start;

/* The option the short letter c stands for in this command. */
static al_opt_id id_of_letter(const al_cmd_spec *cmd, int c)
{
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++)
		if (al_opt_spec_of(*id)->letter == c)
			return *id;
	return AL_OPT__COUNT;
}

/* "--name" of the option getopt reported in optopt, or "-c" for a short one. */
static const char *reported_name(char *buf, size_t size)
{
	if (optopt >= LONG_BASE)
		snprintf(buf, size, "--%s", al_opt_spec_of((al_opt_id)(optopt - LONG_BASE))->name);
	else
		snprintf(buf, size, "-%c", optopt);
	return buf;
}

/* The first command that takes the option --name, or NULL. */
static const char *command_taking(const char *name)
{
	for (size_t i = 0; i < al_cmd_spec_count; i++)
		for (const al_opt_id *id = al_cmd_specs[i].options; *id != AL_OPT__COUNT; id++)
			if (strcmp(al_opt_spec_of(*id)->name, name) == 0)
				return al_cmd_specs[i].name;
	return NULL;
}

/* An option the command does not take: ambiguous prefix, a near miss, or unknown. */
static int unknown_option(const al_cmd_spec *cmd, const char *arg)
{
	if (optopt && optopt < LONG_BASE)
		return usage_error(cmd, "unknown option '-%c'", optopt);
	size_t len = strcspn(arg, "=");
	const char *names[AL_OPT__COUNT], *first = NULL, *second = NULL;
	size_t n = 0;
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++) {
		const char *name = al_opt_spec_of(*id)->name;
		names[n++] = name;
		if (len > 2 && strncmp(arg, "--", 2) == 0 && strncmp(arg + 2, name, len - 2) == 0)
			*(first ? &second : &first) = name;
	}
	if (second)
		return usage_error(cmd, "option '%.*s' is ambiguous: --%s or --%s", (int)len, arg,
		                   first, second);
	char word[128];
	snprintf(word, sizeof(word), "%.*s", (int)(len > 2 ? len - 2 : 0), arg + 2);
	const char *owner = command_taking(word);
	if (owner)
		return usage_error(cmd, "'--%s' is an option of 'archlint %s', not of %s", word,
		                   owner, cmd->name);
	const char *near = strncmp(arg, "--", 2) == 0 ? al_nearest(word, names, n) : NULL;
	if (near)
		return usage_error(cmd, "unknown option '%.*s': did you mean '--%s'?", (int)len,
		                   arg, near);
	return usage_error(cmd, "unknown option '%.*s'", (int)len, arg);
}

/* value must be one of choices: else the error, naming the nearest. */
static int check_choice(const al_cmd_spec *cmd, const al_opt_spec *opt, const char *value)
{
	const char *const *choices = al_opt_choices(cmd, opt);
	size_t n = 0;
	for (; choices && choices[n]; n++)
		if (strcmp(choices[n], value) == 0)
			return 0;
	if (!choices)
		return 0;
	char list[256] = "";
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list);
		snprintf(list + len, sizeof(list) - len, "%s%s",
		         i == 0       ? ""
		         : i + 1 == n ? " or "
		                      : ", ",
		         choices[i]);
	}
	const char *near = al_nearest(value, choices, n);
	if (near)
		return usage_error(cmd, "--%s takes %s, not '%s': did you mean '%s'?", opt->name,
		                   list, value, near);
	return usage_error(cmd, "--%s takes %s, not '%s'", opt->name, list, value);
}

/* A whole number from 1 to max, or the error. */
static int parse_count(const al_cmd_spec *cmd, const char *name, const char *value, long max,
                       long *out)
{
	char *end;
	errno = 0;
	*out = strtol(value, &end, 10);
	if (errno || end == value || *end || *out < 1 || *out > max)
		return usage_error(cmd, "--%s takes a number from 1 to %ld, not '%s'", name, max,
		                   value);
	return 0;
}

/* --max-chars: 0, or enough for the note on what was cut and the frame. */
static int parse_max_chars(const al_cmd_spec *cmd, const char *value, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(value, &end, 10);
	if (errno || end == value || *end || *value == '-' || (n && n < AL_MD_MIN_LIMIT) ||
	    n > 1000000000)
		return usage_error(
		    cmd, "--max-chars takes 0 or a number from %d to 1000000000, not '%s'",
		    AL_MD_MIN_LIMIT, value);
	*out = (size_t)n;
	return 0;
}

/* Stores one option's value. Returns 0, -1 after --help, or AL_EXIT_ERROR. */
static int store(al_cli_options *opts, const al_cmd_spec *cmd, al_opt_id id, const char *v,
                 int *modes)
{
	const al_opt_spec *opt = al_opt_spec_of(id);
	long n;
	if (v && check_choice(cmd, opt, v))
		return AL_EXIT_ERROR;
	switch (id) {
	case AL_OPT_HELP:
		al_cli_help(stdout, cmd);
		return -1;
	case AL_OPT_REV:
		opts->scan.rev = v;
		opts->scan.mode = AL_SOURCE_REV;
		++*modes;
		break;
	case AL_OPT_STAGED:
		opts->scan.mode = AL_SOURCE_STAGED;
		++*modes;
		break;
	case AL_OPT_WORKTREE:
		opts->scan.mode = AL_SOURCE_WORKTREE;
		++*modes;
		break;
	case AL_OPT_FORMAT:
		opts->format = v;
		break;
	case AL_OPT_OUTPUT:
	case AL_OPT_BASELINE_OUTPUT:
		opts->output = v;
		break;
	case AL_OPT_FAIL_ON:
		if (strcmp(v, "never") == 0)
			opts->fail_on = AL_LEVEL_OFF;
		else
			al_level_parse(&opts->fail_on, v); /* one of the choices */
		break;
	case AL_OPT_NEW_FROM_REV:
		opts->new_from_rev = v;
		break;
	case AL_OPT_FULL_GATE:
	case AL_OPT_HOOK_FULL_GATE:
		opts->full_gate = 1;
		break;
	case AL_OPT_BASELINE:
		opts->baseline = v;
		break;
	case AL_OPT_NO_BASELINE:
		opts->no_baseline = 1;
		break;
	case AL_OPT_ALLOW_INCOMPLETE:
		opts->allow_incomplete = 1;
		break;
	case AL_OPT_SINCE:
		opts->since = v;
		break;
	case AL_OPT_HISTORY:
		if (parse_count(cmd, opt->name, v, 10000, &n))
			return AL_EXIT_ERROR;
		opts->history = (unsigned)n;
		break;
	case AL_OPT_MAX_CHARS:
		if (parse_max_chars(cmd, v, &opts->max_chars))
			return AL_EXIT_ERROR;
		break;
	case AL_OPT_OWNER:
		opts->owner = v;
		break;
	case AL_OPT_CONFIG:
		opts->scan.config_path = v;
		break;
	case AL_OPT_RULES:
		opts->scan.rules_dir = v;
		break;
	case AL_OPT_JOBS:
		if (parse_count(cmd, opt->name, v, 256, &n))
			return AL_EXIT_ERROR;
		opts->scan.jobs = (int)n;
		break;
	case AL_OPT_CACHE_DIR:
		opts->scan.cache_dir = v;
		break;
	case AL_OPT_NO_CACHE:
		opts->scan.no_cache = 1;
		break;
	case AL_OPT_QUIET:
		opts->quiet = 1;
		break;
	case AL_OPT_HOOK_FORCE:
	case AL_OPT_INIT_FORCE:
		opts->force = 1;
		break;
	case AL_OPT__COUNT:
		break;
	}
	return 0;
}

/* getopt_long's tables for the command: its long options, and ":" then its letters. */
static void getopt_tables(const al_cmd_spec *cmd, struct option *longs, char *shorts)
{
	size_t n = 0, s = 0;
	shorts[s++] = ':'; /* a missing value is ':', told apart from an unknown option */
	for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++) {
		const al_opt_spec *opt = al_opt_spec_of(*id);
		longs[n++] =
		    (struct option){opt->name, opt->value ? required_argument : no_argument, NULL,
		                    LONG_BASE + (int)*id};
		if (opt->letter) {
			shorts[s++] = opt->letter;
			if (opt->value)
				shorts[s++] = ':';
		}
	}
	longs[n] = (struct option){0};
	shorts[s] = '\0';
}

int al_cli_parse(al_cli_options *opts, const al_cmd_spec *cmd, int argc, char **argv)
{
	memset(opts, 0, sizeof(*opts));
	opts->scan.mode = AL_SOURCE_REV;
	opts->format = cmd->formats ? cmd->formats[0] : "text";
	opts->fail_on = AL_LEVEL_WARNING;
	opts->max_chars = SIZE_MAX; /* not given */
	struct option longs[AL_OPT__COUNT + 1];
	char shorts[2 * AL_OPT__COUNT + 2], name[64];
	getopt_tables(cmd, longs, shorts);
	int modes = 0, c;
	optind = 0; /* glibc: start afresh (a second parse in one process) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (c == ':')
			return usage_error(cmd, "option '%s' needs a value",
			                   reported_name(name, sizeof(name)));
		if (c == '?' && optopt >= LONG_BASE)
			return usage_error(cmd, "option '%s' takes no value",
			                   reported_name(name, sizeof(name)));
		if (c == '?')
			return unknown_option(cmd, argv[optind - 1]);
		al_opt_id id = c >= LONG_BASE ? (al_opt_id)(c - LONG_BASE) : id_of_letter(cmd, c);
		int rc = store(opts, cmd, id, optarg, &modes);
		if (rc)
			return rc;
	}
	for (; optind < argc; optind++) {
		if (opts->npositional >= cmd->max_operands)
			return usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		opts->positional[opts->npositional++] = argv[optind];
	}
	if (opts->npositional < cmd->min_operands) {
		const char *last =
		    strrchr(cmd->operands, ' '); /* the operand that is not optional */
		return usage_error(cmd, "%s needs %s", cmd->name, last ? last + 1 : cmd->operands);
	}
	if (modes > 1)
		return usage_error(cmd, "--rev, --staged and --worktree exclude each other");
	if (opts->max_chars != SIZE_MAX && strcmp(opts->format, "md") != 0)
		return usage_error(cmd, "--max-chars applies to --format md only");
	if (opts->max_chars == SIZE_MAX)
		opts->max_chars = AL_MD_COMMENT_LIMIT;
	if (cmd->max_operands == 1)
		opts->scan.path = opts->positional[0];
	if (!opts->quiet && isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &scan_start);
		opts->scan.progress = progress;
		opts->scan.progress_ctx = &scan_start;
	}
	return 0;
}

FILE *al_cli_open_output(const al_cli_options *opts)
{
	FILE *f = stdout;
	if (opts->output && strcmp(opts->output, "-") != 0 && !(f = fopen(opts->output, "w")))
		al_error_set("%s: %s", opts->output, strerror(errno));
	errno = 0; /* what a failed write sets is what al_cli_close_output reports */
	return f;
}

int al_cli_close_output(const al_cli_options *opts, FILE *out)
{
	if (al_file_finish(out) == 0)
		return 0;
	al_error_set("%s: %s", out == stdout ? "standard output" : opts->output, strerror(errno));
	return -1;
}

int al_cli_fail(void)
{
	fputs("archlint: ", stderr);
	al_text_escape(stderr, al_error_last());
	fputc('\n', stderr);
	return AL_EXIT_ERROR;
}

int al_cli_scan(al_result **out, al_cli_options *opts)
{
	*out = NULL;
	return al_scan_run(out, &opts->scan) != 0 ? al_cli_fail() : 0;
}

int al_cli_fail_free(al_result *result)
{
	al_result_free(result);
	return al_cli_fail();
}

static void write_lines(FILE *out, const char *kind, const al_vec *lines)
{
	for (size_t i = 0; i < lines->len; i++) {
		fprintf(out, "archlint: %s: ", kind);
		al_text_escape(out, lines->items[i]);
		fputc('\n', out);
	}
}

/* Writes "archlint: KIND: LINE" for each line, escaped. stderr is unbuffered (a write per
 * character), so the lines are put together in memory and written at once: 100,000 notices
 * took 8 million system calls. */
static void print_lines(const char *kind, const al_vec *lines)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = lines->len ? open_memstream(&text, &len) : NULL;
	if (mem) {
		write_lines(mem, kind, lines);
		if (fclose(mem) == 0) {
			fwrite(text, 1, len, stderr);
			free(text);
			return;
		}
		free(text);
	}
	write_lines(stderr, kind, lines);
}

void al_cli_print_notices(const al_cli_options *opts, const al_result *result)
{
	print_lines("warning", &result->warnings);
	if (!opts->quiet)
		print_lines("notice", &result->notices);
}
