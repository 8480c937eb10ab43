/*
 * report_text.c: the human formats — compiler-style findings for editors and logs, and
 * the components table. Repository paths may hold newlines or escape sequences; they are
 * escaped so one finding is always one line and nothing reaches the terminal raw.
 */
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

void al_report_text(FILE *out, const al_result *result)
{
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			continue; /* accepted: counted in the summary on stderr */
		escape_line_start(out, f->component->entry_path);
		fprintf(out, ":%u: %s: ", f->component->entry_line, al_level_name(f->level));
		al_text_escape(out, f->message);
		fprintf(out, " [%s]\n", f->rule);
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
