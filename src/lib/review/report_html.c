/*
 * report_html.c: `archlint report --format html` — one self-contained page: inline CSS
 * and SVG, no script, no external font, image, style sheet or link (a Content-Security-
 * Policy of default-src 'none' makes the browser enforce that), printable. The first page
 * is the review: the summary (totals, open findings by rule and by owner), the changes
 * since --since, the map; then the role x language matrix with the guideline, the
 * --history drift, the service list, and one card per service, folded by group (open
 * where a group has an open warning or error) and by family. On paper: the cards with open
 * findings in open groups, without their evidence and closure.
 *
 * Every repository-controlled string (ids, paths, messages, signal rationales from a
 * repository's configuration, commit subjects) goes through al_html_escape; the only
 * links are in-page anchors built from numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"
#include "report_walk.h"
#include "rules.h"

static const char css[] =
    ":root{--go:#00a3cc;--go-bg:#e2f5fa;--rust:#b7410e;--rust-bg:#fbe8de;--error:#cf222e;"
    "--warning:#b07d00;--note:#0969da;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;"
    "--panel:#f6f8fa}\n"
    "*{box-sizing:border-box}\n"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
    "'Liberation Sans','DejaVu Sans',sans-serif;color:var(--ink);background:#fff;margin:0 auto;"
    "max-width:1240px;padding:28px 32px}\n"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 10px;padding-bottom:4px;"
    "border-bottom:1px solid var(--line)}h3{font-size:16px;margin:0 0 8px;word-break:break-all}\n"
    "code,.mono{font-family:ui-monospace,'SFMono-Regular','DejaVu Sans Mono','Liberation Mono',"
    "Menlo,Consolas,monospace;font-size:12.5px}\n"
    "a{color:var(--note);text-decoration:none}a:hover{text-decoration:underline}\n"
    ".meta{color:var(--muted);margin:0 0 12px}\n"
    ".chips{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}\n"
    ".chip{border:1px solid var(--line);border-radius:14px;padding:2px "
    "10px;background:var(--panel)}\n"
    ".chip b{font-weight:600}\n"
    ".lang{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;"
    "vertical-align:1px}\n"
    ".lang.go{background:var(--go-bg);color:#00627a;border:1px solid var(--go)}\n"
    ".lang.rust{background:var(--rust-bg);color:var(--rust);border:1px solid var(--rust)}\n"
    ".lvl{display:inline-block;border-radius:9px;padding:0 7px;font-size:12px;font-weight:600;"
    "color:#fff}\n"
    ".lvl.error{background:var(--error)}.lvl.warning{background:var(--warning)}"
    ".lvl.note{background:var(--note)}.lvl.accepted{background:#8c959f}\n"
    "table{border-collapse:collapse;margin:8px 0 14px;font-size:13px}\n"
    "th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}\n"
    "th{background:var(--panel);font-weight:600}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.path{word-break:break-all}td.date{white-space:nowrap}\n"
    "table.ev{width:100%;table-layout:fixed}table.ev td{overflow-wrap:anywhere}\n"
    ".matrix td{min-width:120px}.matrix td.flag-warning{background:#fff6d6}"
    ".matrix td.flag-error{background:#ffe5e5}.matrix td.flag-note{background:#e8f1fd}\n"
    ".matrix .count{font-size:18px;font-weight:600;margin-right:6px}\n"
    ".mapwrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px;padding:8px;"
    "background:#fff}\n"
    "svg{display:block}svg.history{max-width:100%;height:auto}\n"
    "svg.map{max-width:none}svg.map a:hover path{stroke-width:4}\n"
    /* Graphviz measured the maps' labels with Helvetica's metrics: Arial and Liberation
     * Sans have the same, so a label fits its box where one of them is installed. */
    "svg.map text,svg.groups text{font-family:Helvetica,Arial,'Liberation Sans',Arimo,"
    "sans-serif}\n"
    "svg.history text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans',"
    "'DejaVu Sans',sans-serif;font-size:12px;fill:var(--ink)}\n"
    "svg.history .box.go{fill:var(--go-bg);stroke:var(--go);stroke-width:1.5}\n"
    "svg.history .box.rust{fill:var(--rust-bg);stroke:var(--rust);stroke-width:1.5}\n"
    "svg.history .axis{stroke:var(--muted)}svg.history text.tick{font-size:10px;"
    "fill:var(--muted);text-anchor:end}svg.history text.ptitle{font-weight:600}"
    "svg.history text.err{fill:var(--error)}\n"
    ".caption{color:var(--muted);font-size:12.5px}\n"
    ".svc{border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0;"
    "break-inside:avoid;page-break-inside:avoid}\n"
    ".svc dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 10px}\n"
    ".svc dt{color:var(--muted)}.svc dd{margin:0;word-break:break-word}\n"
    ".finding{border-left:4px solid var(--note);background:var(--panel);padding:6px 10px;"
    "margin:6px 0}\n"
    ".finding.warning{border-color:var(--warning)}.finding.error{border-color:var(--error)}"
    ".finding.accepted{border-color:#8c959f;color:var(--muted)}\n"
    ".finding p{margin:2px 0}.finding .why{color:var(--muted);font-size:13px}\n"
    ".notice{border:1px solid var(--warning);background:#fff8e1;border-radius:6px;"
    "padding:8px 12px;margin:10px 0}\n"
    ".none{color:var(--muted)}\n"
    "h4{font-size:13px;margin:12px 0 4px;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.04em}\n"
    "footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);"
    "padding-top:8px}\n"
    "details.group{border:1px solid var(--line);border-radius:8px;margin:8px 0;"
    "padding:2px 12px}details.family{margin:6px 0 6px 12px}\n"
    "details>summary{cursor:pointer;padding:4px 0}details.members ul{margin:4px 0;"
    "padding-left:20px;columns:2}\n"
    "svg.groups{max-width:100%;height:auto}\n"
    /* On paper the summary and both maps take two pages, and the cards are what a review
     * reads: those of services with open findings, in the groups that are open, without
     * their evidence tables (the screen has them). */
    "@media print{body{max-width:none;padding:0;font-size:11px}svg.map,svg.groups{"
    "max-width:100%;width:auto;height:auto}svg.map{max-height:150mm}svg.groups{"
    "max-height:90mm}.mapwrap{overflow:visible;border:none;padding:0}h2{break-after:avoid}"
    "a{color:inherit}table,.finding{break-inside:avoid}#services{break-before:page}"
    ".svc.clean,.svc .detail,.svc .more,.finding .why{display:none}.svc{padding:4px 10px;"
    "margin:6px 0}.svc dl{margin:0 0 4px}.svc h4{display:none}table{font-size:9.5px}"
    "th,td{padding:1px 4px}#services td:not(.path){white-space:nowrap}}\n";

static void esc(FILE *out, const char *s)
{
	al_html_escape(out, s);
}

/* A directory as inline code, for al_report_hubs_caption. */
static void html_code(FILE *out, const char *dir)
{
	fputs("<code>", out);
	esc(out, dir);
	fputs("</code>", out);
}

static void lang_tag(FILE *out, al_language lang)
{
	fprintf(out, "<span class=\"lang %s\">%s</span>", al_language_name(lang),
	        al_report_language_title(lang));
}

static void level_tag(FILE *out, al_level level)
{
	fprintf(out, "<span class=\"lvl %s\">%s</span>", al_level_name(level),
	        al_level_name(level));
}

static void service_link(FILE *out, const al_report_service *s)
{
	fprintf(out, "<a class=\"mono\" href=\"#svc-%zu\">", s->index);
	esc(out, s->component->id);
	fputs("</a>", out);
}

static void component_name(FILE *out, const al_report_doc *doc, const al_component *c)
{
	const al_report_service *s = al_report_service_of(doc, c);
	if (s) {
		service_link(out, s);
		return;
	}
	fputs("<code>", out);
	esc(out, c->id);
	fputs("</code>", out);
}

static void role_lang(FILE *out, const al_component *c)
{
	lang_tag(out, c->language);
	fprintf(out, " %s", al_role_name(c->role));
}

/* A service's findings: a level tag (or "accepted") and the rule of each. */
static void finding_tags(FILE *out, const al_report_service *s)
{
	for (size_t k = 0; k < s->findings.len; k++) {
		const al_finding *f = s->findings.items[k];
		if (k)
			fputs(" ", out);
		if (f->suppressed)
			fputs("<span class=\"lvl accepted\">accepted</span>", out);
		else
			level_tag(out, f->level);
		fputs(" ", out);
		esc(out, f->rule);
	}
}

/* A matrix cell: how many services, then each rule that flags them. */
static void matrix_cell(FILE *out, const al_cell *c)
{
	fprintf(out, "<span class=\"count\">%s</span>", c->text);
	for (size_t k = 0; k < c->rules->len; k++) {
		const al_rule *r = c->rules->items[k];
		fputs(" ", out);
		level_tag(out, r->level);
		fputs(" ", out);
		esc(out, r->id);
	}
}

/* A family in the service list: its pattern and count, opening to its members. */
static void family_members(FILE *out, const al_report_doc *doc, const al_report_family *f)
{
	fprintf(out, "<details class=\"members\" id=\"fam-%zu\"><summary><code>", f->index);
	esc(out, f->pattern);
	fprintf(out, "</code> \xC2\xB7 %zu near-identical services</summary><ul>", f->members.len);
	for (size_t i = 0; i < f->members.len; i++) {
		fputs("<li>", out);
		component_name(out, doc,
		               ((const al_report_service *)f->members.items[i])->component);
		fputs("</li>", out);
	}
	fputs("</ul></details>", out);
}

/* The walk (report_walk.h) as HTML, a piece's kind deciding its markup. */
typedef struct {
	FILE *out;
	const al_report_doc *doc;
} html_render;

static void html_piece(const html_render *h, const al_cell *c)
{
	FILE *out = h->out;
	switch (c->kind) {
	case AL_CELL_TEXT:
		if (c->lead)
			fputs(c->lead, out);
		esc(out, c->text);
		break;
	case AL_CELL_CODE:
	case AL_CELL_PATH:
		fputs("<code>", out);
		esc(out, c->text);
		fputs("</code>", out);
		if (c->tail)
			fputs(c->tail, out);
		break;
	case AL_CELL_STRONG:
		fprintf(out, "<b>%s</b>", c->text);
		break;
	case AL_CELL_WORDS:
	case AL_CELL_NUMBER:
	case AL_CELL_DATE:
	case AL_CELL_HEADER:
		fputs(c->text, out);
		break;
	case AL_CELL_COUNT:
		fprintf(out, "<span class=\"lvl %s\">%s</span>", c->tone, c->text);
		break;
	case AL_CELL_MATRIX:
		matrix_cell(out, c);
		break;
	case AL_CELL_LEVEL:
		if (c->level == AL_LEVEL_OFF)
			fputs("off", out);
		else
			level_tag(out, c->level);
		break;
	case AL_CELL_LANGUAGE:
		lang_tag(out, c->language);
		break;
	case AL_CELL_SERVICE:
		component_name(out, h->doc, c->component);
		break;
	case AL_CELL_ROLE_LANG:
		role_lang(out, c->component);
		break;
	case AL_CELL_FINDINGS:
		finding_tags(out, c->service);
		break;
	case AL_CELL_FAMILY:
		family_members(out, h->doc, c->family);
		break;
	}
}

/* A piece, inside a link when it has a web page. */
static void html_run(const html_render *h, const al_cell *c)
{
	FILE *out = h->out;
	if (c->href) {
		fputs("<a href=\"", out);
		esc(out, c->href);
		fputs("\">", out);
	}
	html_piece(h, c);
	if (c->href)
		fputs("</a>", out);
}

static void html_runs(const html_render *h, const al_cell *runs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		html_run(h, &runs[i]);
}

static void html_section_begin(void *ctx, const char *anchor)
{
	fprintf(((html_render *)ctx)->out, "<section id=\"%s\">\n", anchor);
}

static void html_section_end(void *ctx)
{
	fputs("</section>\n", ((html_render *)ctx)->out);
}

static void html_heading(void *ctx, int level, const al_cell *runs, size_t n)
{
	const html_render *h = ctx;
	fprintf(h->out, "<h%d>", level);
	html_runs(h, runs, n);
	fprintf(h->out, "</h%d>\n", level);
}

static void html_para(void *ctx, al_para_kind kind, const al_cell *runs, size_t n)
{
	static const char *const opening[] = {"<p class=\"meta\">", "<p class=\"none\">",
	                                      "<p class=\"caption\">", "<p>"};
	const html_render *h = ctx;
	fputs(opening[kind], h->out);
	html_runs(h, runs, n);
	fputs("</p>\n", h->out);
}

static void html_chart(void *ctx, al_chart chart)
{
	const html_render *h = ctx;
	if (chart == AL_CHART_HISTORY)
		al_report_history_svg(h->out, h->doc);
}

static void html_table_begin(void *ctx, al_table_kind kind, const al_column *columns, size_t n)
{
	FILE *out = ((html_render *)ctx)->out;
	if (kind == AL_TABLE_MATRIX) {
		fputs("<table class=\"matrix\"><thead><tr>", out);
	} else if (kind == AL_TABLE_FIXED) {
		fputs("<table class=\"ev\"><colgroup>", out);
		for (size_t i = 0; i < n; i++)
			if (columns[i].width)
				fprintf(out, "<col style=\"width:%u%%\">", columns[i].width);
			else
				fputs("<col>", out);
		fputs("</colgroup><thead><tr>", out);
	} else {
		fputs("<table><thead><tr>", out);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(out, columns[i].numeric ? "<th class=\"num\">%s</th>" : "<th>%s</th>",
		        columns[i].title);
	fputs("</tr></thead><tbody>\n", out);
}

static void html_table_row(void *ctx, const al_cell *cells, size_t n)
{
	const html_render *h = ctx;
	fputs("<tr>", h->out);
	for (size_t i = 0; i < n; i++) {
		const al_cell *c = &cells[i];
		if (c->kind == AL_CELL_HEADER) {
			fprintf(h->out, "<th>%s</th>", c->text);
			continue;
		}
		if (c->span > 1)
			fprintf(h->out, "<td colspan=\"%u\">", c->span);
		else if (c->kind == AL_CELL_MATRIX && strcmp(c->text, "0") &&
		         c->level != AL_LEVEL_OFF)
			fprintf(h->out, "<td class=\"flag-%s\">", al_level_name(c->level));
		else
			fputs(c->kind == AL_CELL_NUMBER ? "<td class=\"num\">"
			      : c->kind == AL_CELL_DATE ? "<td class=\"date\">"
			      : c->kind == AL_CELL_PATH ? "<td class=\"path\">"
			                                : "<td>",
			      h->out);
		html_run(h, c);
		fputs("</td>", h->out);
	}
	fputs("</tr>\n", h->out);
}

static void html_table_end(void *ctx)
{
	fputs("</tbody></table>\n", ((html_render *)ctx)->out);
}

static void html_service_begin(void *ctx, const al_report_service *s)
{
	FILE *out = ((html_render *)ctx)->out;
	fprintf(out, "<section class=\"svc%s\" id=\"svc-%zu\">\n<h3>", s->open ? "" : " clean",
	        s->index);
	lang_tag(out, s->component->language);
	fputs(" <span class=\"mono\">", out);
	esc(out, s->component->id);
	fputs("</span></h3>\n", out);
}

static void html_detail_begin(void *ctx)
{
	fputs("<div class=\"detail\">\n", ((html_render *)ctx)->out);
}

static void html_detail_end(void *ctx)
{
	fputs("</div>\n", ((html_render *)ctx)->out);
}

static void html_fields(void *ctx, const al_field *fields, size_t n)
{
	const html_render *h = ctx;
	fputs("<dl>", h->out);
	for (size_t i = 0; i < n; i++) {
		const char *more = fields[i].detail ? " class=\"more\"" : "";
		fprintf(h->out, "<dt%s>%s</dt><dd%s>", more, fields[i].label, more);
		html_runs(h, fields[i].runs, fields[i].n);
		fputs("</dd>", h->out);
	}
	fputs("</dl>\n", h->out);
}

static void html_finding(void *ctx, const al_finding *f, const al_line *lines, size_t n)
{
	const html_render *h = ctx;
	fprintf(h->out, "<div class=\"finding %s\">",
	        f->suppressed ? "accepted" : al_level_name(f->level));
	for (size_t i = 0; i < n; i++) {
		fputs(lines[i].kind == AL_LINE_WHY ? "<p class=\"why\">" : "<p>", h->out);
		html_runs(h, lines[i].runs, lines[i].n);
		fputs("</p>", h->out);
	}
	fputs("</div>\n", h->out);
}

static void html_list_begin(void *ctx)
{
	fputs("<ul>", ((html_render *)ctx)->out);
}

static void html_list_item(void *ctx, const al_cell *runs, size_t n)
{
	const html_render *h = ctx;
	fputs("<li>", h->out);
	html_runs(h, runs, n);
	fputs("</li>", h->out);
}

static void html_list_end(void *ctx)
{
	fputs("</ul>\n", ((html_render *)ctx)->out);
}

static void html_chips(void *ctx, const al_runs *chips, size_t n)
{
	const html_render *h = ctx;
	fputs("<div class=\"chips\">", h->out);
	for (size_t i = 0; i < n; i++) {
		fputs("<span class=\"chip\">", h->out);
		html_runs(h, chips[i].runs, chips[i].n);
		fputs("</span>", h->out);
	}
	fputs("</div>\n", h->out);
}

static void html_group_begin(void *ctx, const al_report_group *g, int open, const al_cell *runs,
                             size_t n)
{
	const html_render *h = ctx;
	fprintf(h->out, "<details class=\"group\" id=\"grp-%zu\"%s><summary>", g->index,
	        open ? " open" : "");
	html_runs(h, runs, n);
	fputs("</summary>\n", h->out);
}

static void html_family_begin(void *ctx, const al_report_family *f, const al_cell *runs, size_t n)
{
	const html_render *h = ctx;
	fprintf(h->out, "<details class=\"family\" id=\"fam-%zu-cards\"><summary>", f->index);
	html_runs(h, runs, n);
	fputs("</summary>\n", h->out);
}

static void html_details_end(void *ctx)
{
	fputs("</details>\n", ((html_render *)ctx)->out);
}

static void html_notice(void *ctx, const al_cell *title, size_t n, const al_vec *items)
{
	const html_render *h = ctx;
	fputs("<div class=\"notice\">", h->out);
	html_runs(h, title, n);
	fputs("<ul>", h->out);
	for (size_t i = 0; i < items->len; i++) {
		fputs("<li><code>", h->out);
		esc(h->out, items->items[i]);
		fputs("</code></li>", h->out);
	}
	fputs("</ul></div>\n", h->out);
}

static al_render html_renderer(html_render *h)
{
	return (al_render){
	    .section_begin = html_section_begin,
	    .section_end = html_section_end,
	    .heading = html_heading,
	    .para = html_para,
	    .chart = html_chart,
	    .service_begin = html_service_begin,
	    .service_end = html_section_end,
	    .detail_begin = html_detail_begin,
	    .detail_end = html_detail_end,
	    .group_begin = html_group_begin,
	    .group_end = html_details_end,
	    .family_begin = html_family_begin,
	    .family_end = html_details_end,
	    .fields = html_fields,
	    .finding = html_finding,
	    .list_begin = html_list_begin,
	    .list_item = html_list_item,
	    .list_end = html_list_end,
	    .chips = html_chips,
	    .notice = html_notice,
	    .table_begin = html_table_begin,
	    .table_row = html_table_row,
	    .table_end = html_table_end,
	    .ctx = h,
	};
}

static void map_section(FILE *out, const al_report_doc *doc)
{
	fputs("<section id=\"map\">\n<h2>System map</h2>\n<p class=\"caption\">Every service, "
	      "by role and by group (its system, else the nearest directory holding several "
	      "services), filled by language (Go blue, Rust orange), its border the colour of its "
	      "worst finding (red error, amber warning, blue note); a double box is a family of "
	      "near-identical services; dashed lines join a Go component and the Rust library it "
	      "links through FFI. Hover a service for its verdict; select it to jump to its "
	      "details. The links through shared code are listed per service.</p>\n"
	      "<div class=\"mapwrap\">\n",
	      out);
	al_report_map_svg(out, doc);
	fputs("</div>\n", out);
	if (doc->hubs.len) {
		fputs("<p class=\"caption\">", out);
		al_report_hubs_caption(out, doc, html_code);
		fputs("</p>\n", out);
	}
	fputs("</section>\n", out);
}

/* How groups use each other's code, when any does. */
static void groups_section(FILE *out, const al_report_doc *doc)
{
	if (!doc->group_uses.len)
		return;
	fputs("<section id=\"groups\">\n<h2>How groups use each other's code</h2>\n"
	      "<p class=\"caption\">An arrow from one group to another: that many of its services "
	      "build from that many of the other's packages. Packages most services build from "
	      "are left out; hover an arrow for the packages, select a group to open its "
	      "services.</p>\n<div class=\"mapwrap\">\n",
	      out);
	al_report_group_map_svg(out, doc);
	fputs("</div>\n</section>\n", out);
}

void al_report_html(FILE *out, const al_report_doc *doc)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; img-src data:\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"archlint " AL_VERSION "\">\n<title>",
	      out);
	esc(out, doc->repo_name);
	fprintf(out,
	        " \xE2\x80\x94 architecture report</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	        css);
	html_render h = {out, doc};
	const al_render render = html_renderer(&h);
	fputs("<header>\n", out);
	al_walk_summary(doc, &render);
	fputs("</header>\n", out);
	fputs("<nav class=\"meta\">", out);
	if (doc->base)
		fputs("<a href=\"#since\">changes</a> \xC2\xB7 ", out);
	fputs("<a href=\"#map\">map</a>", out);
	if (doc->group_uses.len)
		fputs(" \xC2\xB7 <a href=\"#groups\">groups</a>", out);
	fputs(" \xC2\xB7 <a href=\"#matrix\">role \xC3\x97 language</a>", out);
	if (doc->history_asked)
		fputs(" \xC2\xB7 <a href=\"#history\">history</a>", out);
	fputs(" \xC2\xB7 <a href=\"#services\">services</a></nav>\n", out);
	if (doc->base)
		al_walk_since(doc, &render);
	map_section(out, doc);
	groups_section(out, doc);
	al_walk_matrix(doc, &render);
	if (doc->history_asked)
		al_walk_history(doc, &render);
	fputs("<section id=\"services\">\n<h2>Services</h2>\n", out);
	if (!doc->services.len)
		fputs("<p class=\"none\">No Go or Rust service was found.</p>\n", out);
	else
		al_walk_service_index(doc, &render);
	for (size_t i = 0; i < doc->groups.len; i++)
		al_walk_group(doc, doc->groups.items[i], &render);
	fputs("</section>\n<footer>Written by archlint " AL_VERSION
	      " from the repository snapshot named above. Deterministic: the same snapshot, "
	      "rules and configuration give the same page.</footer>\n</body>\n</html>\n",
	      out);
}
