/*
 * options.c: parsing of the options shared by the scanning commands, and the output and
 * error plumbing around them. Errors are one line: "archlint: <what is wrong>".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "util/file.h"

static int usage_error(const char *usage, const char *fmt, const char *arg)
{
	fputs("archlint: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return AL_EXIT_ERROR;
}

static const char *value_of(int argc, char **argv, int *i, const char *name)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);
	if (strncmp(arg, name, n) == 0 && arg[n] == '=')
		return arg + n + 1;
	if (strcmp(arg, name) == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* A progress line on a terminal's stderr, once a scan has run for more than a second. */
static void progress(size_t done, size_t total, void *ctx)
{
	struct timespec *start = ctx, now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double elapsed = (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
	if (done >= total) {
		if (elapsed > 1.0)
			fputs("\r\033[K", stderr);
		return;
	}
	if (elapsed > 1.0 && (done % 64 == 0))
		fprintf(stderr, "\rarchlint: parsing %zu/%zu files", done, total);
}

static struct timespec scan_start;

int al_cli_parse(al_cli_options *opts, int argc, char **argv, const char *usage,
		 const char *const *formats, int max_positional)
{
	memset(opts, 0, sizeof(*opts));
	opts->scan.mode = AL_SOURCE_REV;
	opts->format = formats ? formats[0] : "text";
	opts->fail_on = AL_LEVEL_WARNING;
	int modes = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			return -1;
		} else if (strcmp(a, "--staged") == 0) {
			opts->scan.mode = AL_SOURCE_STAGED;
			modes++;
		} else if (strcmp(a, "--worktree") == 0) {
			opts->scan.mode = AL_SOURCE_WORKTREE;
			modes++;
		} else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
			opts->quiet = 1;
		} else if (strcmp(a, "--no-cache") == 0) {
			opts->scan.no_cache = 1;
		} else if (is_option(a, "--rev")) {
			if (!(v = value_of(argc, argv, &i, "--rev")))
				return usage_error(usage, "option '%s' needs a value", a);
			opts->scan.rev = v;
			opts->scan.mode = AL_SOURCE_REV;
			modes++;
		} else if (is_option(a, "--format") || strcmp(a, "-f") == 0) {
			if (!(v = value_of(argc, argv, &i, a[1] == 'f' ? "-f" : "--format")))
				return usage_error(usage, "option '%s' needs a value", a);
			int ok = 0;
			for (const char *const *f = formats; f && *f && !ok; f++)
				ok = strcmp(*f, v) == 0;
			if (!ok)
				return usage_error(usage, "unknown format '%s'", v);
			opts->format = v;
		} else if (is_option(a, "--output") || strcmp(a, "-o") == 0) {
			if (!(v = value_of(argc, argv, &i, a[1] == 'o' ? "-o" : "--output")))
				return usage_error(usage, "option '%s' needs a value", a);
			opts->output = v;
		} else if (is_option(a, "--fail-on")) {
			if (!(v = value_of(argc, argv, &i, "--fail-on")))
				return usage_error(usage, "option '%s' needs a value", a);
			if (strcmp(v, "never") == 0)
				opts->fail_on = AL_LEVEL_OFF;
			else if (al_level_parse(&opts->fail_on, v) < 0 || opts->fail_on == AL_LEVEL_OFF)
				return usage_error(usage, "--fail-on takes error, warning, note or never, "
							  "not '%s'",
						   v);
		} else if (is_option(a, "--config")) {
			if (!(v = value_of(argc, argv, &i, "--config")))
				return usage_error(usage, "option '%s' needs a value", a);
			opts->scan.config_path = v;
		} else if (is_option(a, "--cache-dir")) {
			if (!(v = value_of(argc, argv, &i, "--cache-dir")))
				return usage_error(usage, "option '%s' needs a value", a);
			opts->scan.cache_dir = v;
		} else if (is_option(a, "--rules")) {
			if (!(v = value_of(argc, argv, &i, "--rules")))
				return usage_error(usage, "option '%s' needs a value", a);
			opts->scan.rules_dir = v;
		} else if (is_option(a, "--jobs") || strcmp(a, "-j") == 0) {
			if (!(v = value_of(argc, argv, &i, a[1] == 'j' ? "-j" : "--jobs")))
				return usage_error(usage, "option '%s' needs a value", a);
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > 256)
				return usage_error(usage, "--jobs takes a number from 1 to 256, not '%s'", v);
			opts->scan.jobs = (int)n;
		} else if (a[0] == '-' && a[1] != '\0') {
			return usage_error(usage, "unknown option '%s'", a);
		} else {
			if (opts->npositional >= max_positional)
				return usage_error(usage, "unexpected argument '%s'", a);
			opts->positional[opts->npositional++] = a;
		}
	}
	if (modes > 1)
		return usage_error(usage, "%s", "--rev, --staged and --worktree exclude each other");
	if (!opts->quiet && isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &scan_start);
		opts->scan.progress = progress;
		opts->scan.progress_ctx = &scan_start;
	}
	return 0;
}

int al_cli_parse_path(al_cli_options *opts, int argc, char **argv, const char *usage,
		      const char *const *formats)
{
	int rc = al_cli_parse(opts, argc, argv, usage, formats, 1);
	if (!rc)
		opts->scan.path = opts->positional[0];
	return rc;
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
