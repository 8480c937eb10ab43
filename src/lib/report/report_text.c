/*
 * report_text.c: the human formats — compiler-style findings for editors and logs, and
 * the components table. Repository paths may hold newlines or escape sequences; they are
 * escaped so a finding's line is never broken by them and nothing reaches the terminal raw
 * (colour and wrapping are archlint's own, asked for by the style).
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Length of a UTF-8 C1 control (U+0080..U+009F) or bidi control (U+202A..U+202E,
 * U+2066..U+2069) at p, or 0: both can make a terminal show what is not there. */
static int invisible_control(const unsigned char *p)
{
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE)
		return 3;
	if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
		return 3;
	return 0;
}

void al_text_escape(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int n = invisible_control(p);
		if (n) {
			for (int i = 0; i < n; i++)
				fprintf(out, "\\x%02x", p[i]);
			p += n - 1;
		} else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p == '\\')
			fputs("\\\\", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\x%02x", *p);
		else
			fputc(*p, out);
	}
}

/* A line that starts with "::" is a workflow command to a GitHub runner reading the log:
 * a leading ':' of repository text at the start of a line is written escaped. */
static void escape_line_start(FILE *out, const char *s)
{
	if (s[0] == ':') {
		fputs("\\x3a", out);
		s++;
	}
	al_text_escape(out, s);
}

#define SGR_RESET "\033[0m"

static const char *level_colour(al_level level)
{
	return level == AL_LEVEL_ERROR     ? "\033[1;31m"
	       : level == AL_LEVEL_WARNING ? "\033[1;33m"
	                                   : "\033[1;36m";
}

/* Columns of UTF-8 text (code points; continuation bytes take none). */
static unsigned columns(const char *s, size_t len)
{
	unsigned n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* s escaped, in a malloc'ed string: what al_text_escape would write. */
static char *escaped(const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem)
		return strdup(s);
	al_text_escape(mem, s);
	fclose(mem);
	return text;
}

/* Writes text from column `at`, breaking at spaces before width; a continuation line is
 * indented four columns. width 0: all on one line. */
static void write_wrapped(FILE *out, const char *text, unsigned at, unsigned width)
{
	for (const char *p = text; *p;) {
		size_t word = strcspn(p + 1, " ") + 1; /* the space before a word goes with it */
		unsigned cols = columns(p, word);
		if (width && *p == ' ' && at + cols > width && at > 4) {
			fputs("\n   ", out);
			at = 3;
		}
		fwrite(p, 1, word, out);
		at += cols;
		p += word;
	}
	fputc('\n', out);
}

/* "id (go, data-path, confidence 0.89, owned by @team)": the line a component's findings stand
 * under. */
static void component_line(FILE *out, const al_component *c, const al_text_style *style)
{
	if (style->colour)
		fputs("\033[1m", out);
	escape_line_start(out, c->id);
	fprintf(out, " (%s, %s, confidence %.2f%s%s", al_language_name(c->language),
	        al_role_name(c->role), c->confidence, c->declared ? ", declared" : "",
	        c->hybrid ? ", hybrid" : "");
	for (size_t i = 0; i < c->owners.len; i++) {
		fputs(i ? " " : ", owned by ", out);
		al_text_escape(out, c->owners.items[i]);
	}
	fputc(')', out);
	fputs(style->colour ? SGR_RESET "\n" : "\n", out);
}

/* The message without the "id: " it opens with: the component's line says it. */
static const char *message_body(const al_finding *f)
{
	size_t n = strlen(f->component->id);
	const char *m = f->message;
	return strncmp(m, f->component->id, n) == 0 && strncmp(m + n, ": ", 2) == 0 ? m + n + 2 : m;
}

static void finding_line(FILE *out, const al_finding *f, const al_text_style *style)
{
	char *path = escaped(f->component->entry_path); /* for its width */
	char *rest = escaped(message_body(f));
	char *line = al_sprintf(":%u: ", f->component->entry_line);
	char *tail = al_sprintf(" %s [%s]", rest, f->rule);
	const char *level = al_level_name(f->level);
	escape_line_start(out, f->component->entry_path);
	fprintf(out, "%s%s%s%s:", line, style->colour ? level_colour(f->level) : "", level,
	        style->colour ? SGR_RESET : "");
	unsigned at = columns(path, strlen(path)) + (unsigned)(strlen(line) + strlen(level) + 1);
	write_wrapped(out, tail, at, style->width);
	free(tail);
	free(line);
	free(rest);
	free(path);
}

void al_report_text(FILE *out, const al_result *result, const al_text_style *style)
{
	const al_component *current = NULL;
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			continue; /* accepted: counted in the summary on stderr */
		if (f->component != current) {
			if (current)
				fputc('\n', out);
			component_line(out, f->component, style);
			current = f->component;
		}
		finding_line(out, f, style);
	}
}

void al_report_components_text(FILE *out, const al_result *result)
{
	size_t width = strlen("COMPONENT");
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		if (strlen(c->id) > width)
			width = strlen(c->id);
	}
	fprintf(out, "%-*s  %-8s  %-13s  %-10s  %s\n", (int)width, "COMPONENT", "LANGUAGE", "ROLE",
	        "CONFIDENCE", "ENTRY");
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		escape_line_start(out, c->id);
		fprintf(out, "%*s  %-8s  %-13s  %-10.2f  ", (int)(width - strlen(c->id)), "",
		        al_language_name(c->language), al_role_name(c->role), c->confidence);
		al_text_escape(out, c->entry_path);
		fprintf(out, ":%u%s\n", c->entry_line, c->declared ? "  (declared)" : "");
	}
}
