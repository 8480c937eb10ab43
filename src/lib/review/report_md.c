/*
 * report_md.c: `archlint report --format md` — the html report's content as GitHub-
 * flavoured Markdown for a pull-request comment or a wiki page, with the map as a
 * Mermaid flowchart. The document is written in parts (report_md_fit.c) so that it can
 * be cut to a comment's size: the changes and open findings first, the rest after.
 *
 * Escaping: prose from the repository (messages, rationales, commit subjects) is written
 * with what can start inline markup backslash-escaped (md_text), so no emphasis, link,
 * autolink, HTML tag, entity or table cell boundary can form; ids and paths go into
 * code spans whose fence is longer than any backtick run inside; inside Mermaid labels
 * everything but letters, digits, space and "/._-" becomes a #NNN; entity, so no label
 * can close its quotes, open a directive or end the code fence (a backslash becomes a
 * fullwidth one, which Mermaid cannot read as a line break). Control characters are
 * shown as \n, \t, \xHH first (al_report_display).
 */
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"
#include "report_walk.h"
#include "report_md_fit.h"
#include "plural.h"
#include "rules.h"

#define MAX_MERMAID_EDGES 120

/* Prose: safe anywhere a line does not start, table cells included. Only what can
 * start inline markup is escaped ('\\' '`' '*' '_' '[' ']' '<' '>' '&' '|' '~' '!' '$');
 * '-', '+', '#' and '.' matter at a line start only, which prose never is. The GFM
 * autolinks are broken as well: every ':' is escaped (no "https://", "mailto:" or
 * ":emoji:"), so is the '.' of "www." (a renderer finds both in the text as written, and
 * a backslash escape is not that), and a word joiner after '@' keeps GitHub from turning
 * a name in a commit subject into a mention or an address into a mailto link. */
static int after_www(const char *start, const char *p)
{
	return p - start >= 3 && (p[-1] | 0x20) == 'w' && (p[-2] | 0x20) == 'w' &&
	       (p[-3] | 0x20) == 'w';
}

static void md_text(FILE *out, const char *s)
{
	char *d = al_report_display(s);
	for (const char *p = d; *p; p++) {
		if (strchr("\\`*_[]<>&|~!$:", *p) || (*p == '.' && after_www(d, p)))
			fputc('\\', out);
		fputc(*p, out);
		if (*p == '@')
			fputs("\xE2\x81\xA0", out);
	}
	free(d);
}

/* A code span; in a table cell '|' is written "\|", which GFM turns back into '|'. */
static void code_span(FILE *out, const char *s, int in_table)
{
	char *d = al_report_display(s);
	size_t run = 0, longest = 0;
	for (const char *p = d; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	size_t n = strlen(d);
	int pad = n && (d[0] == '`' || d[n - 1] == '`' || d[0] == ' ' || d[n - 1] == ' ');
	for (size_t i = 0; i <= longest; i++)
		fputc('`', out);
	if (pad || !n)
		fputc(' ', out);
	for (const char *p = d; *p; p++) {
		if (*p == '|' && in_table)
			fputc('\\', out);
		fputc(*p, out);
	}
	if (pad || !n)
		fputc(' ', out);
	for (size_t i = 0; i <= longest; i++)
		fputc('`', out);
	free(d);
}

static void md_code(FILE *out, const char *s)
{
	code_span(out, s, 0);
}

/* Text inside a quoted Mermaid label. */
static void mm_text(FILE *out, const char *s)
{
	char *d = al_report_display(s);
	for (const unsigned char *p = (const unsigned char *)d; *p;) {
		unsigned cp = *p;
		size_t len = 1;
		if (cp >= 0xF0)
			cp &= 0x07, len = 4;
		else if (cp >= 0xE0)
			cp &= 0x0F, len = 3;
		else if (cp >= 0xC0)
			cp &= 0x1F, len = 2;
		for (size_t i = 1; i < len && p[i]; i++)
			cp = (cp << 6) | (p[i] & 0x3F);
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9') || cp == ' ' || cp == '/' || cp == '.' || cp == '_' ||
		    cp == '-')
			fputc((int)cp, out);
		else if (cp == '\\')
			fputs("#65340;", out); /* Mermaid turns a decoded "\n" into a line break:
			                        * a fullwidth reverse solidus shows the escape */
		else
			fprintf(out, "#%u;", cp);
		for (size_t i = 0; i < len && *p; i++)
			p++;
	}
	free(d);
}

static const char *level_mark(al_level level)
{
	return level == AL_LEVEL_ERROR     ? "\xF0\x9F\x9B\x91"          /* stop sign */
	       : level == AL_LEVEL_WARNING ? "\xE2\x9A\xA0\xEF\xB8\x8F"  /* warning sign */
	                                   : "\xE2\x84\xB9\xEF\xB8\x8F"; /* information */
}

static void level_word(FILE *out, al_level level)
{
	fprintf(out, "%s %s", level_mark(level), al_level_name(level));
}

static void role_lang(FILE *out, const al_component *c)
{
	fprintf(out, "%s, %s", al_report_language_title(c->language), al_role_name(c->role));
}

/* A service's findings: a level mark (a check mark when accepted) and the rule of each. */
static void finding_marks(FILE *out, const al_report_service *s)
{
	for (size_t k = 0; k < s->findings.len; k++) {
		const al_finding *f = s->findings.items[k];
		fprintf(out, "%s%s ", k ? " " : "",
		        f->suppressed ? "\xE2\x9C\x93" : level_mark(f->level));
		md_text(out, f->rule);
		if (f->suppressed)
			fputs(" (accepted)", out);
	}
}

/* A matrix cell: how many services (bold when any), then each rule that flags them. */
static void matrix_cell(FILE *out, const al_cell *c)
{
	int any = strcmp(c->text, "0") != 0;
	fprintf(out, "%s%s%s", any ? "**" : "", c->text, any ? "**" : "");
	for (size_t k = 0; k < c->rules->len; k++) {
		const al_rule *r = c->rules->items[k];
		fprintf(out, " %s ", level_mark(r->level));
		md_text(out, r->id);
	}
}

/* The walk (report_walk.h) as Markdown; ctx is the FILE. In a table cell code escapes
 * its '|'. */
static void md_piece(FILE *out, const al_cell *c, int in_table)
{
	switch (c->kind) {
	case AL_CELL_TEXT:
		if (c->lead)
			fputs(c->lead, out);
		md_text(out, c->text);
		break;
	case AL_CELL_CODE:
	case AL_CELL_PATH:
		code_span(out, c->text, in_table);
		if (c->tail)
			fputs(c->tail, out);
		break;
	case AL_CELL_STRONG:
		fprintf(out, "**%s**", c->text);
		break;
	case AL_CELL_WORDS:
	case AL_CELL_NUMBER:
	case AL_CELL_DATE:
	case AL_CELL_HEADER:
	case AL_CELL_COUNT:
		fputs(c->text, out);
		break;
	case AL_CELL_MATRIX:
		matrix_cell(out, c);
		break;
	case AL_CELL_LEVEL:
		if (c->level == AL_LEVEL_OFF)
			fputs("off", out);
		else
			level_word(out, c->level);
		break;
	case AL_CELL_LANGUAGE:
		fputs(al_report_language_title(c->language), out);
		break;
	case AL_CELL_SERVICE:
		code_span(out, c->component->id, in_table);
		break;
	case AL_CELL_ROLE_LANG:
		role_lang(out, c->component);
		break;
	case AL_CELL_FINDINGS:
		finding_marks(out, c->service);
		break;
	case AL_CELL_FAMILY:
		code_span(out, c->family->pattern, in_table);
		fprintf(out, " (%zu near-identical services)", c->family->members.len);
		break;
	}
}

/* A piece, as a link's text when it has a web page (the address is percent-encoded: it
 * holds no ')', '|' or space). */
static void md_run(FILE *out, const al_cell *c, int in_table)
{
	if (c->href)
		fputc('[', out);
	md_piece(out, c, in_table);
	if (c->href)
		fprintf(out, "](%s)", c->href);
}

static void md_runs(FILE *out, const al_cell *runs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		md_run(out, &runs[i], 0);
}

static void md_section_begin(void *ctx, const char *anchor)
{
	(void)ctx, (void)anchor; /* a heading is its own anchor */
}

static void md_section_end(void *ctx)
{
	(void)ctx;
}

static void md_heading(void *ctx, int level, const al_cell *runs, size_t n)
{
	FILE *out = ctx;
	for (int i = 0; i < level; i++)
		fputc('#', out);
	fputc(' ', out);
	md_runs(out, runs, n);
	fputs("\n\n", out);
}

static void md_para(void *ctx, al_para_kind kind, const al_cell *runs, size_t n)
{
	(void)kind;
	md_runs(ctx, runs, n);
	fputs("\n\n", ctx);
}

static void md_chart(void *ctx, al_chart chart)
{
	(void)ctx, (void)chart; /* the history is its table */
}

static void md_table_begin(void *ctx, al_table_kind kind, const al_column *columns, size_t n)
{
	FILE *out = ctx;
	(void)kind; /* a pipe table has one look */
	for (size_t i = 0; i < n; i++)
		fprintf(out, "| %s ", columns[i].title);
	fputs("|\n", out);
	for (size_t i = 0; i < n; i++)
		fputs(columns[i].numeric ? "|---:" : "|---", out);
	fputs("|\n", out);
}

static void md_table_row(void *ctx, const al_cell *cells, size_t n)
{
	FILE *out = ctx;
	for (size_t i = 0; i < n; i++) {
		fputs(i ? " | " : "| ", out);
		md_run(out, &cells[i], 1);
		for (unsigned k = 1; k < cells[i].span; k++)
			fputs(" |", out);
	}
	fputs(" |\n", out);
}

static void md_table_end(void *ctx)
{
	fputc('\n', ctx);
}

static void md_service_begin(void *ctx, const al_report_service *s)
{
	fputs("### ", ctx);
	md_code(ctx, s->component->id);
	fprintf(ctx, " \xC2\xB7 %s\n\n", al_report_language_title(s->component->language));
}

static void md_fields(void *ctx, const al_field *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fprintf(ctx, "- %s: ", fields[i].label);
		md_runs(ctx, fields[i].runs, fields[i].n);
		fputc('\n', ctx);
	}
	fputc('\n', ctx);
}

/* A finding as a block quote, a hard line break between its lines. */
static void md_finding(void *ctx, const al_finding *f, const al_line *lines, size_t n)
{
	(void)f;
	for (size_t i = 0; i < n; i++) {
		fputs(i ? "  \n> " : "> ", ctx);
		md_runs(ctx, lines[i].runs, lines[i].n);
	}
	fputs("\n\n", ctx);
}

static void md_list_item(void *ctx, const al_cell *runs, size_t n)
{
	fputs("- ", ctx);
	md_runs(ctx, runs, n);
	fputc('\n', ctx);
}

static void md_chips(void *ctx, const al_runs *chips, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(" \xC2\xB7 ", ctx);
		md_runs(ctx, chips[i].runs, chips[i].n);
	}
	fputs("\n\n", ctx);
}

static void md_notice(void *ctx, const al_cell *title, size_t n, const al_vec *items)
{
	fputs("> ", ctx);
	md_runs(ctx, title, n);
	fputc('\n', ctx);
	for (size_t i = 0; i < items->len; i++) {
		fputs("> - ", ctx);
		md_code(ctx, items->items[i]);
		fputc('\n', ctx);
	}
	fputc('\n', ctx);
}

static al_render md_renderer(FILE *out)
{
	return (al_render){
	    .section_begin = md_section_begin,
	    .section_end = md_section_end,
	    .heading = md_heading,
	    .para = md_para,
	    .chart = md_chart,
	    .service_begin = md_service_begin,
	    .service_end = md_section_end,
	    .fields = md_fields,
	    .finding = md_finding,
	    .list_begin = md_section_end,
	    .list_item = md_list_item,
	    .list_end = md_table_end,
	    .chips = md_chips,
	    .notice = md_notice,
	    .table_begin = md_table_begin,
	    .table_row = md_table_row,
	    .table_end = md_table_end,
	    .ctx = out,
	};
}

static const char *lane_id(al_role role)
{
	static const char *const ids[] = {"datapath", "controlplane", "tool", "unclassified"};
	return ids[role];
}

static void mermaid(FILE *out, const al_report_doc *doc)
{
	static const al_role lanes[] = {AL_ROLE_DATA_PATH, AL_ROLE_CONTROL_PLANE, AL_ROLE_TOOL,
	                                AL_ROLE_UNCLASSIFIED};
	fputs("## System map\n\nEvery service by role, coloured by language (Go blue, Rust "
	      "orange); findings are marked in the label and by a thick border; solid lines join "
	      "components built from common in-repo code, dotted ones an FFI "
	      "link.\n\n```mermaid\nflowchart LR\n",
	      out);
	for (size_t li = 0; li < sizeof(lanes) / sizeof(lanes[0]); li++) {
		al_role role = lanes[li];
		size_t n = al_report_role_count(doc->matrix, role);
		if (!n)
			continue;
		fprintf(out, "  subgraph %s[\"%s (%zu)\"]\n    direction TB\n", lane_id(role),
		        al_report_role_title(role), n);
		for (size_t i = 0; i < doc->services.len; i++) {
			const al_report_service *s = doc->services.items[i];
			const al_component *c = s->component;
			if (c->role != role)
				continue;
			fprintf(out, "    s%zu[\"", s->index);
			mm_text(out, c->id);
			fprintf(out, "<br/>%s #183; %.2f #183; %zu lines",
			        al_report_language_title(c->language), c->confidence, s->lines);
			for (size_t k = 0; k < s->findings.len; k++) {
				const al_finding *f = s->findings.items[k];
				fputs(k ? " " : "<br/>", out);
				fputs(f->suppressed               ? "#10003; "
				      : f->level == AL_LEVEL_NOTE ? "#8505; "
				                                  : "#9888; ",
				      out);
				mm_text(out, f->rule);
			}
			fprintf(out, "\"]:::%s\n", al_language_name(c->language));
		}
		fputs("  end\n", out);
	}
	/* Links only through code most services share would tangle Mermaid's layout: they
	 * are left to the service sections (the html map draws them faint). */
	size_t drawn = 0, faint = 0;
	for (size_t i = 0; i < doc->links.len; i++) {
		const al_report_link *l = doc->links.items[i];
		if (!l->specific) {
			faint++;
			continue;
		}
		if (drawn == MAX_MERMAID_EDGES)
			continue;
		fprintf(out, "  s%zu %s s%zu\n", l->a->index,
		        l->kind == AL_LINK_FFI ? "-.-" : "---", l->b->index);
		drawn++;
	}
	fputs("  classDef go fill:#e2f5fa,stroke:#00a3cc,color:#1f2328\n"
	      "  classDef rust fill:#fbe8de,stroke:#b7410e,color:#1f2328\n",
	      out);
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		if (s->worst > AL_LEVEL_OFF)
			fprintf(out, "  style s%zu stroke:%s,stroke-width:4px\n", s->index,
			        s->worst == AL_LEVEL_ERROR     ? "#cf222e"
			        : s->worst == AL_LEVEL_WARNING ? "#b07d00"
			                                       : "#0969da");
	}
	fputs("```\n\n", out);
	if (drawn < doc->links.len)
		fprintf(out,
		        "The map draws %zu of %zu links (%zu only through code most services "
		        "share are left out); the services below list them all.\n\n",
		        drawn, doc->links.len, faint);
	if (doc->hubs.len) {
		al_report_hubs_caption(out, doc, md_code);
		fputs("\n\n", out);
	}
}

/* The open findings; with --since, those not already listed as added by the change. */
static void open_findings(FILE *out, const al_report_doc *doc)
{
	al_strmap added = AL_STRMAP_INIT;
	char key[AL_PTR_KEY_SIZE];
	for (size_t i = 0; i < doc->added.len; i++) {
		al_ptr_key(key, doc->added.items[i]);
		al_strmap_set(&added, key, doc->added.items[i]);
	}
	al_vec open = AL_VEC_INIT;
	for (size_t i = 0; i < doc->result->findings.len; i++) {
		const al_finding *f = doc->result->findings.items[i];
		al_ptr_key(key, f);
		if (!f->suppressed && !al_strmap_has(&added, key) &&
		    al_report_owned(doc, f->component))
			al_vec_push(&open, (void *)f);
	}
	al_strmap_dispose(&added);
	if (doc->base)
		fprintf(out, "## Open before this change (%zu)\n\n", open.len);
	else
		fprintf(out, "## Open findings (%zu)\n\n", open.len);
	const al_render render = md_renderer(out);
	if (open.len)
		al_walk_findings(doc, &open, &render);
	else
		fputs("No finding is open.\n\n", out);
	al_vec_dispose(&open);
}

static void service_table(FILE *out, const al_report_doc *doc)
{
	fputs("## Services\n\n", out);
	if (!doc->services.len) {
		fputs("No Go or Rust service was found.\n\n", out);
		return;
	}
	const al_render render = md_renderer(out);
	al_walk_service_index(doc, &render);
}

/* A part that is one walked section. */
static void walk_part(al_md_doc *md, const char *what, al_md_cut cut,
                      void (*walk)(const al_report_doc *, const al_render *),
                      const al_report_doc *doc)
{
	const al_render render = md_renderer(al_md_part(md, what, cut));
	walk(doc, &render);
}

/* The parts in the order a reader needs them: what the change did and what is open
 * first; with --since (a comment on a change) the rest folded in <details>. */
void al_report_md(FILE *out, const al_report_doc *doc, size_t limit)
{
	al_md_doc md = AL_MD_DOC_INIT;
	walk_part(&md, "the notices", AL_MD_LINES, al_walk_summary, doc);
	if (doc->base)
		walk_part(&md, "the changes", AL_MD_LINES, al_walk_since, doc);
	open_findings(al_md_part(&md, "the open findings", AL_MD_LINES), doc);
	if (doc->base) {
		char *fold =
		    al_sprintf("The whole report: the map, the guideline%s and %zu service%s",
		               doc->history_asked ? ", the history" : "", doc->services.len,
		               AL_PLURAL(doc->services.len));
		al_md_fold(&md, fold);
		free(fold);
	}
	mermaid(al_md_part(&md, "the map", AL_MD_WHOLE), doc);
	walk_part(&md, "the guideline", AL_MD_WHOLE, al_walk_matrix, doc);
	if (doc->history_asked)
		walk_part(&md, "the history", AL_MD_LINES, al_walk_history, doc);
	service_table(al_md_part(&md, "the service table", AL_MD_LINES), doc);
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_render render =
		    md_renderer(al_md_part(&md, "service sections", AL_MD_WHOLE));
		al_walk_service(doc, doc->services.items[i], &render);
	}
	al_md_write(out, &md, limit, "---\n*Written by archlint " AL_VERSION ".*\n");
}
