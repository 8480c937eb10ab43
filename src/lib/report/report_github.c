/*
 * report_github.c: GitHub Actions workflow commands and the Markdown job summary.
 *
 * Each open finding becomes `::error|warning|notice file=…,line=…,title=…::message`,
 * escaped as the runner unescapes it: '%' '\r' '\n' in the message, and also ':' ','
 * in properties. Other control characters (and bidirectional overrides, which could make
 * a path read as something else) become U+FFFD, invalid UTF-8 too. GitHub shows at most
 * ANNOTATIONS_PER_KIND annotations of each kind per step: past that, the last slot of a
 * kind says how many more there are, and every finding is still printed as a plain log
 * line (never starting with "::", so never read as a command).
 *
 * The job summary is Markdown with every ASCII punctuation character of repository text
 * backslash-escaped (no table, link, HTML or math can be injected), bounded in size well
 * under GitHub's 1 MiB per step: each table lists findings while they fit in its byte
 * budget (long paths make long rows) and at most SUMMARY_MAX_ROWS of them, then says how
 * many more the log has.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "utf8.h"
#include "rules.h"
#include "plural.h"

#define ANNOTATIONS_PER_KIND 10
#define SUMMARY_MAX_ROWS 500
#define SUMMARY_OPEN_BYTES (512 * 1024)       /* the open findings' table */
#define SUMMARY_SUPPRESSED_BYTES (256 * 1024) /* the suppressed findings' table */

/* Decodes one code point of valid UTF-8 (as al_utf8_sanitize leaves it). */
static unsigned decode(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	unsigned cp;
	size_t n;
	if (p[0] < 0x80) {
		cp = p[0];
		n = 1;
	} else if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		n = 2;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		n = 3;
	} else {
		cp = p[0] & 0x07;
		n = 4;
	}
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	*pp = p + n;
	return cp;
}

/* Control characters, C1 controls and bidirectional formatting characters. */
static int unsafe_cp(unsigned cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}

/* Workflow-command escaping; property = 1 also escapes ':' and ','. */
static void command_escape(FILE *out, const char *s, int property)
{
	char *clean = al_utf8_sanitize(s);
	const unsigned char *p = (const unsigned char *)clean;
	while (*p) {
		const unsigned char *start = p;
		unsigned cp = decode(&p);
		if (cp == '%')
			fputs("%25", out);
		else if (cp == '\r')
			fputs("%0D", out);
		else if (cp == '\n')
			fputs("%0A", out);
		else if (property && cp == ':')
			fputs("%3A", out);
		else if (property && cp == ',')
			fputs("%2C", out);
		else if (unsafe_cp(cp))
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(start, 1, (size_t)(p - start), out);
	}
	free(clean);
}

static const char *command_name(al_level level)
{
	return level == AL_LEVEL_ERROR ? "error" : level == AL_LEVEL_WARNING ? "warning" : "notice";
}

static const char *rule_title(const al_result *r, const char *id)
{
	const al_rule *rule = al_ruleset_find_rule(r->rules, id);
	return rule ? rule->title : "";
}

static void annotation(FILE *out, const al_result *r, const al_finding *f)
{
	const al_component *c = f->component;
	fprintf(out, "::%s file=", command_name(f->level));
	command_escape(out, c->entry_path, 1);
	if (c->entry_line)
		fprintf(out, ",line=%u", c->entry_line);
	fputs(",title=", out);
	char *title = al_sprintf("archlint %s: %s", f->rule, rule_title(r, f->rule));
	command_escape(out, title, 1);
	free(title);
	fputs("::", out);
	command_escape(out, f->message, 0);
	fputc('\n', out);
}

/* A log line: valid UTF-8, controls as \n \t \xHH, C1 and bidi controls as U+FFFD. */
static void log_escape(FILE *out, const char *s)
{
	char *clean = al_utf8_sanitize(s);
	const unsigned char *p = (const unsigned char *)clean;
	while (*p) {
		const unsigned char *start = p;
		unsigned cp = decode(&p);
		if (cp == '\n')
			fputs("\\n", out);
		else if (cp == '\t')
			fputs("\\t", out);
		else if (cp == '\r')
			fputs("\\r", out);
		else if (cp == '\\')
			fputs("\\\\", out);
		else if (cp < 0x20 || cp == 0x7F)
			fprintf(out, "\\x%02x", cp);
		else if (unsafe_cp(cp))
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(start, 1, (size_t)(p - start), out);
	}
	free(clean);
}

static void plain_line(FILE *out, const al_finding *f)
{
	fputs("archlint: ", out);
	log_escape(out, f->component->entry_path);
	fprintf(out, ":%u: %s: ", f->component->entry_line, al_level_name(f->level));
	log_escape(out, f->message);
	fprintf(out, " [%s]\n", f->rule);
}

static size_t level_slot(al_level level)
{
	return level == AL_LEVEL_ERROR ? 0 : level == AL_LEVEL_WARNING ? 1 : 2;
}

void al_report_github(FILE *out, const al_result *result)
{
	size_t total[3] = {0}, shown[3] = {0}, suppressed = 0;
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			suppressed++;
		else
			total[level_slot(f->level)]++;
	}
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			continue;
		size_t k = level_slot(f->level);
		size_t room = total[k] > ANNOTATIONS_PER_KIND ? ANNOTATIONS_PER_KIND - 1
		                                              : ANNOTATIONS_PER_KIND;
		if (shown[k] < room) {
			annotation(out, result, f);
			shown[k]++;
		} else {
			plain_line(out, f);
		}
	}
	static const char *const kinds[] = {"error", "warning", "notice"};
	static const char *const nouns[] = {"error", "warning", "note"};
	for (size_t k = 0; k < 3; k++) {
		if (total[k] <= ANNOTATIONS_PER_KIND)
			continue;
		size_t more = total[k] - shown[k];
		fprintf(out,
		        "::%s title=archlint%%3A %zu more %s%s::%zu more %s%s than GitHub shows as "
		        "annotations in one step (%d); they are in this log and the job summary\n",
		        kinds[k], more, nouns[k], AL_PLURAL(more), more, nouns[k], AL_PLURAL(more),
		        ANNOTATIONS_PER_KIND);
	}
	size_t all = total[0] + total[1] + total[2];
	fprintf(out,
	        "archlint: %zu component%s; %zu finding%s (%zu error%s, %zu warning%s, %zu note%s)",
	        result->components.len, AL_PLURAL(result->components.len), all, AL_PLURAL(all),
	        total[0], AL_PLURAL(total[0]), total[1], AL_PLURAL(total[1]), total[2],
	        AL_PLURAL(total[2]));
	if (suppressed)
		fprintf(out, "; %zu suppressed", suppressed);
	fputc('\n', out);
}

/* Markdown text: ASCII punctuation backslash-escaped, controls shown as \xHH. */
static void md_escape(al_buf *out, const char *s)
{
	static const char punct[] = "\\`*_{}[]()<>#+!|~&$@^=:\"'%;?";
	char *clean = al_utf8_sanitize(s ? s : "");
	const unsigned char *p = (const unsigned char *)clean;
	while (*p) {
		const unsigned char *start = p;
		unsigned cp = decode(&p);
		if (cp < 0x80 && cp >= 0x20 && cp != 0x7F && strchr(punct, (int)cp))
			al_buf_printf(out, "\\%c", (char)cp);
		else if (cp < 0x20 || cp == 0x7F)
			al_buf_printf(out, "\\\\x%02x", cp);
		else if (unsafe_cp(cp))
			al_buf_puts(out, "\xEF\xBF\xBD");
		else
			al_buf_put(out, (const char *)start, (size_t)(p - start));
	}
	free(clean);
}

static void finding_row(al_buf *out, const al_finding *f, int with_reason)
{
	al_buf_printf(out, "| %s | %s | ", al_level_name(f->level), f->rule);
	md_escape(out, f->component->id);
	al_buf_puts(out, " | ");
	md_escape(out, f->component->entry_path);
	al_buf_printf(out, "\\:%u | ", f->component->entry_line);
	if (with_reason) {
		al_buf_printf(out, "%s: ", al_suppress_kind_name(f->suppressed->kind));
		md_escape(out, f->suppressed->reason);
	} else {
		md_escape(out, f->message);
	}
	al_buf_puts(out, " |\n");
}

/* The rows of the open (suppressed = 0) or the suppressed findings, while they fit in
 * budget bytes and SUMMARY_MAX_ROWS; returns how many were written. */
static size_t finding_rows(FILE *out, const al_result *r, int suppressed, size_t budget)
{
	al_buf row = AL_BUF_INIT;
	size_t rows = 0;
	for (size_t i = 0; i < r->findings.len && rows < SUMMARY_MAX_ROWS; i++) {
		const al_finding *f = r->findings.items[i];
		if (!f->suppressed != !suppressed)
			continue;
		al_buf_clear(&row);
		finding_row(&row, f, suppressed);
		if (row.len > budget)
			break;
		fwrite(row.ptr, 1, row.len, out);
		budget -= row.len;
		rows++;
	}
	al_buf_dispose(&row);
	return rows;
}

void al_report_github_summary(FILE *out, const al_result *result)
{
	size_t levels[AL_LEVEL_ERROR + 1] = {0}, open = 0, suppressed = 0;
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed) {
			suppressed++;
		} else {
			open++;
			levels[f->level]++;
		}
	}
	fputs("## archlint\n\n", out);
	if (open)
		fprintf(out,
		        "**%zu finding%s** (%zu error%s, %zu warning%s, %zu note%s) in %zu "
		        "component%s",
		        open, AL_PLURAL(open), levels[AL_LEVEL_ERROR],
		        AL_PLURAL(levels[AL_LEVEL_ERROR]), levels[AL_LEVEL_WARNING],
		        AL_PLURAL(levels[AL_LEVEL_WARNING]), levels[AL_LEVEL_NOTE],
		        AL_PLURAL(levels[AL_LEVEL_NOTE]), result->components.len,
		        AL_PLURAL(result->components.len));
	else
		fprintf(out, "No findings in %zu components", result->components.len);
	if (suppressed)
		fprintf(out, "; %zu suppressed", suppressed);
	fputs(".\n\n", out);
	if (result->incomplete)
		fputs("Some files could not be read: see the notices in the log.\n\n", out);

	if (open) {
		fputs("| level | rule | component | entry | message |\n|---|---|---|---|---|\n",
		      out);
		size_t rows = finding_rows(out, result, 0, SUMMARY_OPEN_BYTES);
		if (open > rows)
			fprintf(out, "\n…and %zu more: see the log.\n", open - rows);
		fputc('\n', out);
	}
	if (suppressed) {
		fprintf(out, "<details><summary>Suppressed findings (%zu)</summary>\n\n",
		        suppressed);
		fputs("| level | rule | component | entry | accepted by |\n|---|---|---|---|---|\n",
		      out);
		size_t srows = finding_rows(out, result, 1, SUMMARY_SUPPRESSED_BYTES);
		if (suppressed > srows)
			fprintf(out, "\n…and %zu more.\n", suppressed - srows);
		fputs("\n</details>\n\n", out);
	}
	size_t roles[AL_ROLE__COUNT] = {0};
	for (size_t i = 0; i < result->components.len; i++)
		roles[((const al_component *)result->components.items[i])->role]++;
	fprintf(out,
	        "Components: %zu data-path, %zu control-plane, %zu tool, %zu unclassified. "
	        "Run `archlint explain COMPONENT` for the evidence behind a verdict.\n\n",
	        roles[AL_ROLE_DATA_PATH], roles[AL_ROLE_CONTROL_PLANE], roles[AL_ROLE_TOOL],
	        roles[AL_ROLE_UNCLASSIFIED]);
}
