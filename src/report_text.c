/*
 * report_text.c: the human formats — compiler-style findings for editors and logs, and
 * the components table. Repository paths may hold newlines or escape sequences; they are
 * escaped so one finding is always one line and nothing reaches the terminal raw.
 */
#include <string.h>

#include "report.h"

void al_text_escape(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
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

void al_report_text(FILE *out, const al_result *result)
{
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			continue; /* accepted: counted in the summary on stderr */
		al_text_escape(out, f->component->entry_path);
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
		al_text_escape(out, c->id);
		fprintf(out, "%*s  %-8s  %-13s  %-10.2f  ", (int)(width - strlen(c->id)), "",
			al_language_name(c->language), al_role_name(c->role), c->confidence);
		al_text_escape(out, c->entry_path);
		fprintf(out, ":%u%s\n", c->entry_line, c->declared ? "  (declared)" : "");
	}
}
