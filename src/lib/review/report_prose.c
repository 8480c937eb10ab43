/*
 * report_prose.c: what the HTML and Markdown reports both say — escaping of repository
 * text into a display form, the words for roles, languages, rules' conditions, changes and
 * history rows, and the caption of code shared too widely to link.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_doc.h"
#include "rules.h"
#include "utf8.h"

/* ---- escaping shared by the formats ------------------------------------------------- */

char *al_report_display(const char *s)
{
	char *clean = al_utf8_sanitize(s ? s : "");
	al_buf b = AL_BUF_INIT;
	al_buf_puts(&b, "");
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		if (*p == '\n')
			al_buf_puts(&b, "\\n");
		else if (*p == '\t')
			al_buf_puts(&b, "\\t");
		else if (*p == '\r')
			al_buf_puts(&b, "\\r");
		else if (*p == '\\')
			al_buf_puts(&b, "\\\\");
		else if (*p < 0x20 || *p == 0x7f)
			al_buf_printf(&b, "\\x%02x", *p);
		else
			al_buf_putc(&b, (char)*p);
	}
	free(clean);
	return al_buf_detach(&b);
}

void al_html_escape_display(FILE *out, const char *display)
{
	for (const char *p = display; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*p, out);
		}
	}
}

void al_html_escape(FILE *out, const char *s)
{
	char *d = al_report_display(s);
	al_html_escape_display(out, d);
	free(d);
}

const char *al_report_role_title(al_role role)
{
	static const char *const titles[] = {"Data path", "Control plane", "Tool", "Unclassified"};
	return role < AL_ROLE__COUNT ? titles[role] : "?";
}

const char *al_report_language_title(al_language lang)
{
	return lang == AL_LANG_GO ? "Go" : lang == AL_LANG_RUST ? "Rust" : "?";
}

/* ---- prose shared by the html and md reports -------------------------------------- */

char *al_report_rule_when(const al_rule *r)
{
	al_buf b = AL_BUF_INIT;
	const char *sep = "";
	if (r->when_role >= 0) {
		al_buf_puts(&b, al_role_name((al_role)r->when_role));
		sep = ", ";
	}
	if (r->when_language >= 0) {
		al_buf_printf(&b, "%s%s", sep,
		              al_report_language_title((al_language)r->when_language));
		sep = ", ";
	}
	if (r->when_hybrid >= 0)
		al_buf_printf(&b, "%s%s", sep, r->when_hybrid ? "hybrid" : "not hybrid");
	else if (!*sep)
		al_buf_puts(&b, "\xE2\x80\x94");
	return al_buf_detach(&b);
}

size_t al_report_role_count(const size_t matrix[][AL_LANG__COUNT], al_role role)
{
	size_t n = 0;
	for (int l = 0; l < AL_LANG__COUNT; l++)
		n += matrix[role][l];
	return n;
}

size_t al_report_language_count(const size_t matrix[][AL_LANG__COUNT], al_language lang)
{
	size_t n = 0;
	for (int r = 0; r < AL_ROLE__COUNT; r++)
		n += matrix[r][lang];
	return n;
}

size_t al_report_change_count(const al_report_doc *doc, al_change_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->changes.len; i++)
		n += ((const al_report_change *)doc->changes.items[i])->kind == kind;
	return n;
}

const char *al_report_change_title(al_change_kind kind)
{
	static const char *const titles[] = {"New services", "Removed services", "Role changed",
	                                     "Language changed"};
	return titles[kind];
}

char *al_report_owners_text(const al_component *c)
{
	if (!c->owners.len)
		return al_strdup("nobody");
	al_buf b = AL_BUF_INIT;
	for (size_t i = 0; i < c->owners.len; i++)
		al_buf_printf(&b, "%s%s", i ? ", " : "", (const char *)c->owners.items[i]);
	return al_buf_detach(&b);
}

const al_report_service *al_report_link_other(const al_report_link *l, const al_report_service *s)
{
	return l->a == s ? l->b : l->a;
}

char *al_report_history_intro(const al_report_doc *doc)
{
	size_t walked = doc->history_walked, left_out = walked - doc->history.len;
	char *ends = walked < doc->history_asked
	                 ? al_sprintf(" (%u asked; the history ends there)", doc->history_asked)
	                 : al_strdup("");
	char *kept = left_out ? al_sprintf("; shown are the oldest, the newest and each commit "
	                                   "that changed a count (the %zu that changed nothing "
	                                   "are left out)",
	                                   left_out)
	                      : al_strdup("");
	char *intro =
	    al_sprintf("The last %zu commits of the first-parent history%s%s", walked, ends, kept);
	free(ends);
	free(kept);
	return intro;
}

void al_report_date(char buf[AL_REPORT_DATE_SIZE], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	strcpy(buf, "?");
	if (gmtime_r(&tt, &tm))
		strftime(buf, AL_REPORT_DATE_SIZE, "%Y-%m-%d", &tm);
}

void al_report_history_row(const al_report_point *p, size_t cols[AL_REPORT_HISTORY_COLS])
{
	cols[0] = p->services;
	cols[1] = p->matrix[AL_ROLE_DATA_PATH][AL_LANG_GO];
	cols[2] = p->matrix[AL_ROLE_DATA_PATH][AL_LANG_RUST];
	cols[3] = p->matrix[AL_ROLE_CONTROL_PLANE][AL_LANG_GO];
	cols[4] = p->matrix[AL_ROLE_CONTROL_PLANE][AL_LANG_RUST];
	cols[5] = al_report_role_count(p->matrix, AL_ROLE_TOOL);
	cols[6] = al_report_role_count(p->matrix, AL_ROLE_UNCLASSIFIED);
	cols[7] =
	    p->levels[AL_LEVEL_NOTE] + p->levels[AL_LEVEL_WARNING] + p->levels[AL_LEVEL_ERROR];
}

#define MAX_HUBS 12

void al_report_hubs_caption(FILE *out, const al_report_doc *doc,
                            void (*code)(FILE *out, const char *dir))
{
	fprintf(out,
	        "Not drawn as links: code in the closure of so many services that linking every "
	        "two of them would take over %d links:",
	        AL_REPORT_MAX_DIR_LINKS);
	for (size_t i = 0; i < doc->hubs.len && i < MAX_HUBS; i++) {
		const al_report_hub *h = doc->hubs.items[i];
		fputs(i ? ", " : " ", out);
		code(out, h->dir);
		fprintf(out, " (%zu services)", h->services);
	}
	if (doc->hubs.len > MAX_HUBS)
		fprintf(out, " and %zu more", doc->hubs.len - MAX_HUBS);
	fputs(". The services below list it among their packages.", out);
}
