/*
 * report_md_fit.c: a Markdown document in parts, cut to fit a size limit (see
 * report_md_fit.h). Sizes are bytes, so a document within N bytes is within N characters
 * however a forge counts them.
 */
#include "report_md_fit.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "plural.h"

#define NOTE_MAX 768 /* the note about what was left out, at most */

typedef struct {
	const char *what;
	al_md_cut cut;
	char *text;
	size_t len;
	FILE *mem;
	size_t kept;      /* bytes of text written */
	size_t rows_left; /* table rows and list items in what was cut off */
} md_part;

static void end_part(al_md_doc *doc)
{
	if (!doc->parts.len)
		return;
	md_part *last = doc->parts.items[doc->parts.len - 1];
	if (last->mem) {
		fclose(last->mem);
		last->mem = NULL;
	}
}

FILE *al_md_part(al_md_doc *doc, const char *what, al_md_cut cut)
{
	end_part(doc);
	md_part *p = al_calloc(1, sizeof(*p));
	p->what = what;
	p->cut = cut;
	p->mem = open_memstream(&p->text, &p->len);
	if (!p->mem) {
		fputs("archlint: out of memory\n", stderr);
		abort();
	}
	al_vec_push(&doc->parts, p);
	return p->mem;
}

void al_md_fold(al_md_doc *doc, const char *summary)
{
	doc->fold = doc->parts.len;
	free(doc->fold_text);
	doc->fold_text = al_strdup(summary);
}

static int is_delimiter_row(const char *line)
{
	return line[0] == '|' && (line[1] == '-' || line[1] == ':');
}

/* A table body row or a list item: what a cut leaves out, counted. */
static int is_row(const char *line, const char *end)
{
	if (line[0] == '|')
		return !is_delimiter_row(line) && !(end[0] && is_delimiter_row(end + 1));
	return strncmp(line, "- ", 2) == 0 || strncmp(line, "> - ", 4) == 0;
}

static size_t rows_from(const char *text)
{
	size_t rows = 0;
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		rows += (size_t)is_row(line, end);
		line = *end ? end + 1 : end;
	}
	return rows;
}

/* The longest prefix of p's text, ending at a line end, within budget and not inside a
 * code fence or between a table's header and its delimiter row; counts what it leaves. */
static size_t cut_point(md_part *p, size_t budget)
{
	size_t best = 0;
	int fence = 0;
	for (const char *line = p->text; *line;) {
		const char *end = strchr(line, '\n');
		if (!end)
			break;
		if (strncmp(line, "```", 3) == 0)
			fence = !fence;
		size_t at = (size_t)(end + 1 - p->text);
		if (at > budget)
			break;
		if (!fence && !is_delimiter_row(end + 1))
			best = at;
		line = end + 1;
	}
	p->rows_left = rows_from(p->text + best);
	return best;
}

/* Decides what each part keeps within budget; returns whether anything was left out. */
static int plan(al_md_doc *doc, size_t budget)
{
	int cut = 0;
	for (size_t i = 0; i < doc->parts.len; i++) {
		md_part *p = doc->parts.items[i];
		if (p->len <= budget)
			p->kept = p->len;
		else if (p->cut == AL_MD_LINES && budget)
			p->kept = cut_point(p, budget - 1); /* and a '\n' ending the cut block */
		if (p->kept && p->kept < p->len && p->rows_left == rows_from(p->text))
			p->kept = 0; /* a heading over an empty table tells nothing */
		if (p->kept < p->len) {
			cut = 1;
			budget -= p->kept ? p->kept + 1 : 0;
		} else {
			budget -= p->kept;
		}
	}
	return cut;
}

/* One item of the note: a part left out, parts of a kind left out, or rows cut. */
static void add_item(al_vec *items, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_item(al_vec *items, const char *fmt, ...)
{
	al_buf item = AL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	al_buf_vprintf(&item, fmt, ap);
	va_end(ap);
	al_vec_push(items, al_buf_detach(&item));
}

/* "> **Cut to 60000 characters** …: left out are 12 rows of the open findings, the map
 * and 250 of 300 service sections …". Parts that share `what` are one item. */
static void write_note(FILE *out, const al_md_doc *doc, size_t limit)
{
	al_vec items = AL_VEC_INIT;
	for (size_t i = 0; i < doc->parts.len; i++) {
		const md_part *p = doc->parts.items[i];
		size_t total = 0, dropped = 0, rows = 0, seen_before = 0;
		for (size_t k = 0; k < doc->parts.len; k++) {
			const md_part *q = doc->parts.items[k];
			if (q->what != p->what)
				continue;
			seen_before += k < i;
			total++;
			dropped += q->kept == 0 && q->len;
			rows += q->kept && q->kept < q->len ? q->rows_left : 0;
		}
		if (seen_before)
			continue;
		if (dropped && total == 1)
			add_item(&items, "%s", p->what);
		else if (dropped == total)
			add_item(&items, "all %zu %s", total, p->what);
		else if (dropped)
			add_item(&items, "%zu of %zu %s", dropped, total, p->what);
		if (rows)
			add_item(&items, "%zu row%s of %s", rows, AL_PLURAL(rows), p->what);
	}
	fprintf(out, "> **Cut to %zu characters** to fit a comment: left out %s ", limit,
	        items.len == 1 ? "is" : "are");
	size_t room = NOTE_MAX - 200;
	for (size_t i = 0; i < items.len; i++) {
		const char *item = items.items[i];
		if (strlen(item) + 8 > room) {
			fputs(", and more", out);
			break;
		}
		room -= strlen(item) + 8;
		fprintf(out, "%s%s", !i ? "" : i + 1 == items.len ? " and " : ", ", item);
	}
	fputs(". `archlint report --format html` has everything.\n\n", out);
	al_vec_dispose_with(&items, free);
}

static void free_part(void *item)
{
	md_part *p = item;
	if (p->mem)
		fclose(p->mem);
	free(p->text);
	free(p);
}

void al_md_write(FILE *out, al_md_doc *doc, size_t limit, const char *footer)
{
	end_part(doc);
	size_t frame =
	    NOTE_MAX + strlen(footer) + (doc->fold_text ? strlen(doc->fold_text) : 0) + 64;
	int cut = plan(doc, !limit ? SIZE_MAX : limit > frame ? limit - frame : 0);
	int open = 0;
	for (size_t i = 0; i < doc->parts.len; i++) {
		md_part *p = doc->parts.items[i];
		if (i >= doc->fold && p->kept && !open) {
			fprintf(out, "<details><summary>%s</summary>\n\n", doc->fold_text);
			open = 1;
		}
		fwrite(p->text, 1, p->kept, out);
		if (p->kept && p->kept < p->len)
			fputc('\n', out);
		if (i == 0 && cut)
			write_note(out, doc, limit);
	}
	if (open)
		fputs("</details>\n\n", out);
	fputs(footer, out);
	al_vec_dispose_with(&doc->parts, free_part);
	free(doc->fold_text);
	doc->fold_text = NULL;
}
