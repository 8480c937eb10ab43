/*
 * report_svg.c: the system map of the html report as inline SVG — one lane per role
 * (data path, control plane, tool, unclassified), one node per service coloured by its
 * language, a badge on every service with findings, and the links between components as
 * edges drawn beneath the nodes. Also the small history chart.
 *
 * Layout is a pure function of the doc (deterministic, no measuring of fonts): ids are
 * shortened by code points around an ellipsis and the whole id is in the node's <title>.
 * Every repository-controlled string goes through al_html_escape. The SVG is meant to be
 * embedded in HTML (not served as standalone XML): it uses no namespaced attributes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"
#include "plural.h"

#define NODE_W 224
#define NODE_H 48
#define GAP_X 16
#define GAP_Y 12
#define LANE_PAD 14
#define LANE_HEAD 34
#define LANE_GAP 36
#define TOP 44
#define ID_CHARS 28
#define MAX_EDGES 400

/* Tools sit next to the control plane: they share code with services more often than
 * the (usually few) unclassified services do. */
static const al_role lane_order[AL_ROLE__COUNT] = {AL_ROLE_DATA_PATH, AL_ROLE_CONTROL_PLANE,
                                                   AL_ROLE_TOOL, AL_ROLE_UNCLASSIFIED};

typedef struct {
	const al_report_service *s;
	double x, y;  /* top left */
	int lane;     /* position in lane_order */
	int last_col; /* in the rightmost column of its lane */
} placed;

typedef struct {
	placed *nodes;                                         /* indexed by service index */
	double lane_x[AL_ROLE__COUNT], lane_w[AL_ROLE__COUNT]; /* by lane position */
	size_t lane_n[AL_ROLE__COUNT];
	al_vec edges;   /* const al_report_link *, strongest first, the ones drawn */
	size_t detours; /* drawn edges routed below the lanes */
	double width, height, lane_h;
} layout;

static int cmp_lane_node(const void *x, const void *y)
{
	const al_report_service *a = *(al_report_service *const *)x;
	const al_report_service *b = *(al_report_service *const *)y;
	if (a->component->language != b->component->language)
		return (int)a->component->language - (int)b->component->language;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int cmp_edge_strength(const void *x, const void *y)
{
	const al_report_link *a = *(al_report_link *const *)x, *b = *(al_report_link *const *)y;
	if (a->kind != b->kind)
		return a->kind == AL_LINK_FFI ? -1 : 1; /* FFI links always make it */
	if (a->specific != b->specific)
		return a->specific > b->specific ? -1 : 1;
	if (a->via.len != b->via.len)
		return a->via.len > b->via.len ? -1 : 1;
	if (a->a->index != b->a->index)
		return a->a->index < b->a->index ? -1 : 1;
	return a->b->index < b->b->index ? -1 : a->b->index > b->b->index;
}

/* An edge between lanes that are not neighbours would cross the nodes of the lanes in
 * between: it is routed through the gaps and a corridor below the lanes instead. */
static int is_detour(const layout *lo, const al_report_link *l)
{
	int a = lo->nodes[l->a->index].lane, b = lo->nodes[l->b->index].lane;
	return a - b > 1 || b - a > 1;
}

static void lay_out(layout *lo, const al_report_doc *doc)
{
	size_t n = doc->services.len;
	lo->nodes = al_calloc(n ? n : 1, sizeof(placed));
	size_t rows_cap = (size_t)ceil(sqrt((double)n) * 1.6);
	if (rows_cap < 10)
		rows_cap = 10;
	double x = 12, max_rows = 1;
	for (int li = 0; li < AL_ROLE__COUNT; li++) {
		al_role role = lane_order[li];
		al_vec members = AL_VEC_INIT;
		for (size_t i = 0; i < n; i++) {
			const al_report_service *s = doc->services.items[i];
			if (s->component->role == role)
				al_vec_push(&members, (void *)s);
		}
		al_vec_sort(&members, cmp_lane_node);
		size_t cols = members.len ? (members.len + rows_cap - 1) / rows_cap : 1;
		size_t rows = members.len ? (members.len + cols - 1) / cols : 1;
		if ((double)rows > max_rows)
			max_rows = (double)rows;
		lo->lane_x[li] = x;
		lo->lane_w[li] =
		    members.len ? 2 * LANE_PAD + (double)cols * NODE_W + (double)(cols - 1) * GAP_X
		                : 176; /* an empty lane only says so */
		lo->lane_n[li] = members.len;
		for (size_t k = 0; k < members.len; k++) {
			const al_report_service *s = members.items[k];
			placed *p = &lo->nodes[s->index];
			p->s = s;
			p->lane = li;
			p->last_col = k / rows == cols - 1;
			p->x = x + LANE_PAD + (double)(k / rows) * (NODE_W + GAP_X);
			p->y = TOP + LANE_HEAD + (double)(k % rows) * (NODE_H + GAP_Y);
		}
		x += lo->lane_w[li] + LANE_GAP;
		al_vec_dispose(&members);
	}
	lo->width = x + 12; /* room for the arcs of the last lane */
	lo->lane_h = LANE_HEAD + max_rows * (NODE_H + GAP_Y) - GAP_Y + LANE_PAD;

	for (size_t i = 0; i < doc->links.len; i++)
		al_vec_push(&lo->edges, doc->links.items[i]);
	al_vec_sort(&lo->edges, cmp_edge_strength);
	if (lo->edges.len > MAX_EDGES)
		lo->edges.len = MAX_EDGES;
	for (size_t i = 0; i < lo->edges.len; i++)
		lo->detours += is_detour(lo, lo->edges.items[i]);
	size_t lanes_of_detours = lo->detours < 12 ? lo->detours : 12;
	lo->height = TOP + lo->lane_h + 12 + (lo->detours ? 4 + 4.0 * (double)lanes_of_detours : 0);
}

/* Writes the display form of s, shortened to at most max code points around an
 * ellipsis (a third from the start, the more telling end kept whole). */
static void short_text(FILE *out, const char *s, size_t max)
{
	char *d = al_report_display(s);
	size_t cps = 0;
	for (const unsigned char *p = (const unsigned char *)d; *p; p++)
		cps += (*p & 0xC0) != 0x80;
	if (cps <= max) {
		al_html_escape_display(out, d);
		free(d);
		return;
	}
	size_t head = (max - 1) / 3, tail = max - 1 - head, seen = 0;
	al_buf b = AL_BUF_INIT;
	al_buf_puts(&b, "");
	for (const unsigned char *p = (const unsigned char *)d; *p; p++) {
		int start = (*p & 0xC0) != 0x80;
		seen += start;
		if (seen <= head || seen > cps - tail)
			al_buf_putc(&b, (char)*p);
		else if (start && seen == head + 1)
			al_buf_puts(&b, "\xE2\x80\xA6");
	}
	al_html_escape_display(out, al_buf_cstr(&b));
	al_buf_dispose(&b);
	free(d);
}

static const char *lang_class(al_language lang)
{
	return lang == AL_LANG_GO ? "go" : "rust";
}

static void edge_path(FILE *out, const layout *lo, const placed *a, const placed *b, size_t detour)
{
	double ay = a->y + NODE_H / 2.0, by = b->y + NODE_H / 2.0;
	if (fabs(a->x - b->x) < 1) {
		/* Same column: an arc out to its right, within the gap there. */
		double x = a->x + NODE_W, room = a->last_col ? LANE_PAD + LANE_GAP / 2.0 : GAP_X;
		double bulge = 10 + 0.2 * fabs(by - ay);
		if (bulge > room - 2)
			bulge = room - 2;
		fprintf(out, "M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f", x, ay, x + bulge * 1.33,
		        ay, x + bulge * 1.33, by, x, by);
		return;
	}
	const placed *l = a->x < b->x ? a : b, *r = a->x < b->x ? b : a;
	double ly = l == a ? ay : by, ry = l == a ? by : ay;
	double x1 = l->x + NODE_W, x2 = r->x;
	if (r->lane - l->lane > 1) {
		double off = (double)(detour % 7) * 3;
		double g1 = lo->lane_x[l->lane] + lo->lane_w[l->lane] + 6 + off;
		double g2 = lo->lane_x[r->lane] - 6 - off;
		double cy = TOP + lo->lane_h + 8 + (double)(detour % 12) * 4;
		fprintf(out, "M%.1f %.1fH%.1fV%.1fH%.1fV%.1fH%.1f", x1, ly, g1, cy, g2, ry, x2);
		return;
	}
	double mid = (x2 - x1) / 2;
	fprintf(out, "M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f", x1, ly, x1 + mid, ly, x2 - mid, ry,
	        x2, ry);
}

static void write_edges(FILE *out, const layout *lo)
{
	fputs("<g class=\"edges\">\n", out);
	size_t detour = 0;
	for (size_t i = 0; i < lo->edges.len; i++) {
		const al_report_link *l = lo->edges.items[i];
		int detours = is_detour(lo, l);
		double w = 1 + log2((double)(l->specific ? l->specific : 1));
		if (w > 3)
			w = 3;
		if (detours)
			w = 1.2; /* the corridor below the lanes is shared: keep lines apart */
		const char *cls = l->kind == AL_LINK_FFI ? "ffi"
		                  : l->specific          ? "shared"
		                                         : "shared faint";
		fprintf(out, "<path class=\"edge %s\" stroke-width=\"%.1f\" d=\"", cls,
		        l->kind == AL_LINK_FFI ? 2.0 : w);
		edge_path(out, lo, &lo->nodes[l->a->index], &lo->nodes[l->b->index], detour);
		detour += detours;
		fputs("\"><title>", out);
		al_html_escape(out, l->a->component->id);
		fputs(" \xE2\x80\x94 ", out);
		al_html_escape(out, l->b->component->id);
		if (l->kind == AL_LINK_FFI) {
			fputs(": FFI", out);
		} else {
			fprintf(out, ": %zu shared in-repo package%s", l->via.len,
			        AL_PLURAL(l->via.len));
			for (size_t k = 0; k < l->via.len && k < 6; k++) {
				fputs(k ? ", " : " (", out);
				al_html_escape(out, l->via.items[k]);
			}
			fputs(l->via.len > 6 ? ", \xE2\x80\xA6)" : ")", out);
		}
		fputs("</title></path>\n", out);
	}
	fputs("</g>\n", out);
}

static void write_node(FILE *out, const placed *p)
{
	const al_report_service *s = p->s;
	const al_component *c = s->component;
	fprintf(out, "<g class=\"node\" id=\"node-%zu\" data-language=\"%s\" data-role=\"%s\">",
	        s->index, al_language_name(c->language), al_role_name(c->role));
	fprintf(out, "<a href=\"#svc-%zu\"><title>", s->index);
	al_html_escape(out, c->id);
	fprintf(out, " \xE2\x80\x94 %s, %s, confidence %.2f", al_report_language_title(c->language),
	        al_role_name(c->role), c->confidence);
	for (size_t i = 0; i < s->findings.len; i++) {
		const al_finding *f = s->findings.items[i];
		fprintf(out, "; %s %s%s", f->rule, al_level_name(f->level),
		        f->suppressed ? " (accepted)" : "");
	}
	fputs("</title>", out);
	fprintf(
	    out,
	    "<rect class=\"box %s\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"7\"/>",
	    lang_class(c->language), p->x, p->y, NODE_W, NODE_H);
	fprintf(out,
	        "<rect class=\"tab %s\" x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"%d\" rx=\"2\"/>",
	        lang_class(c->language), p->x, p->y, NODE_H);
	fprintf(out, "<text class=\"nid\" x=\"%.1f\" y=\"%.1f\">", p->x + 14, p->y + 20);
	short_text(out, c->id, ID_CHARS);
	if (strcmp(c->id, ".") == 0 || strncmp(c->id, ".:", 2) == 0)
		fputs(" <tspan class=\"root\">(repository root)</tspan>", out);
	fputs("</text>", out);
	fprintf(out,
	        "<text class=\"nmeta\" x=\"%.1f\" y=\"%.1f\">%s \xC2\xB7 %.2f \xC2\xB7 %zu file%s "
	        "\xC2\xB7 %zu line%s</text>",
	        p->x + 14, p->y + 37, al_report_language_title(c->language), c->confidence,
	        s->files, s->files == 1 ? "" : "s", s->lines, s->lines == 1 ? "" : "s");
	if (s->findings.len) {
		/* The worst open finding; a service with accepted findings only gets a grey
		 * badge. */
		const al_finding *f = NULL;
		for (size_t i = 0; i < s->findings.len; i++) {
			const al_finding *x = s->findings.items[i];
			if (!f || (f->suppressed && !x->suppressed) ||
			    (!f->suppressed == !x->suppressed && x->level > f->level))
				f = x;
		}
		size_t shown = f->suppressed ? s->findings.len : s->open;
		char label[64];
		if (shown > 1)
			snprintf(label, sizeof(label), "%.16s +%zu", f->rule, shown - 1);
		else
			snprintf(label, sizeof(label), "%.16s", f->rule);
		double bw = 10 + 7.0 * (double)strlen(label);
		double bx = p->x + NODE_W - bw - 6, by = p->y - 8;
		fprintf(out,
		        "<rect class=\"badge %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		        "height=\"16\" rx=\"8\"/>",
		        f->suppressed ? "accepted" : al_level_name(f->level), bx, by, bw);
		fprintf(out, "<text class=\"btext\" x=\"%.1f\" y=\"%.1f\">", bx + bw / 2, by + 12);
		al_html_escape(out, label);
		fputs("</text>", out);
	}
	fputs("</a></g>\n", out);
}

static void legend(FILE *out)
{
	fputs(
	    "<g class=\"legend\">"
	    "<rect class=\"box go\" x=\"12\" y=\"10\" width=\"22\" height=\"14\" rx=\"3\"/>"
	    "<text x=\"40\" y=\"22\">Go</text>"
	    "<rect class=\"box rust\" x=\"76\" y=\"10\" width=\"22\" height=\"14\" rx=\"3\"/>"
	    "<text x=\"104\" y=\"22\">Rust</text>"
	    "<rect class=\"badge error\" x=\"156\" y=\"10\" width=\"14\" height=\"14\" rx=\"7\"/>"
	    "<text x=\"176\" y=\"22\">error</text>"
	    "<rect class=\"badge warning\" x=\"222\" y=\"10\" width=\"14\" height=\"14\" rx=\"7\"/>"
	    "<text x=\"242\" y=\"22\">warning</text>"
	    "<rect class=\"badge note\" x=\"304\" y=\"10\" width=\"14\" height=\"14\" rx=\"7\"/>"
	    "<text x=\"324\" y=\"22\">note</text>"
	    "<rect class=\"badge accepted\" x=\"360\" y=\"10\" width=\"14\" height=\"14\" "
	    "rx=\"7\"/>"
	    "<text x=\"380\" y=\"22\">accepted</text>"
	    "<path class=\"edge shared\" stroke-width=\"2\" d=\"M446 17h30\"/>"
	    "<text x=\"482\" y=\"22\">shared in-repo code</text>"
	    "<path class=\"edge ffi\" stroke-width=\"2\" d=\"M614 17h30\"/>"
	    "<text x=\"650\" y=\"22\">FFI</text>"
	    "</g>\n",
	    out);
}

void al_report_svg(FILE *out, const al_report_doc *doc)
{
	layout lo;
	memset(&lo, 0, sizeof(lo));
	lay_out(&lo, doc);
	if (lo.width < 700)
		lo.width = 700;
	fprintf(out,
	        "<svg class=\"map\" viewBox=\"0 0 %.0f %.0f\" "
	        "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-labelledby=\"map-title\">\n"
	        "<title id=\"map-title\">System map: %zu services by role and language, %zu "
	        "links</title>\n",
	        lo.width, lo.height, lo.width, lo.height, doc->services.len, doc->links.len);
	legend(out);
	for (int li = 0; li < AL_ROLE__COUNT; li++) {
		al_role role = lane_order[li];
		fprintf(
		    out,
		    "<g class=\"lane\" data-role=\"%s\"><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%.1f\" rx=\"10\"/><text x=\"%.1f\" y=\"%d\">%s (%zu)</text>",
		    al_role_name(role), lo.lane_x[li], TOP, lo.lane_w[li], lo.lane_h,
		    lo.lane_x[li] + LANE_PAD, TOP + 23, al_report_role_title(role), lo.lane_n[li]);
		if (!lo.lane_n[li])
			fprintf(out, "<text class=\"empty\" x=\"%.1f\" y=\"%d\">none</text>",
			        lo.lane_x[li] + LANE_PAD, TOP + LANE_HEAD + 22);
		fputs("</g>\n", out);
	}
	size_t drawn = lo.edges.len;
	write_edges(out, &lo);
	fputs("<g class=\"nodes\">\n", out);
	for (size_t i = 0; i < doc->services.len; i++)
		write_node(out, &lo.nodes[i]);
	fputs("</g>\n</svg>\n", out);
	if (drawn < doc->links.len)
		fprintf(out,
		        "<p class=\"caption\">The map draws the %zu strongest of %zu links; the "
		        "services below list them all.</p>\n",
		        drawn, doc->links.len);
	free(lo.nodes);
	al_vec_dispose(&lo.edges);
}

/* The history chart: for the data path and the control plane, one stacked column per
 * commit (Go below, Rust above), oldest on the left. */
void al_report_history_svg(FILE *out, const al_report_doc *doc)
{
	static const al_role roles[] = {AL_ROLE_DATA_PATH, AL_ROLE_CONTROL_PLANE};
	size_t n = doc->history.len, max = 1;
	for (size_t i = 0; i < n; i++) {
		const al_report_point *p = doc->history.items[i];
		for (int r = 0; r < 2; r++) {
			size_t t = al_report_role_count(p->matrix, roles[r]);
			if (t > max)
				max = t;
		}
	}
	double col = n > 60 ? 6 : n > 30 ? 10 : 18, gap = col < 10 ? 2 : 4;
	double panel_w = (double)n * (col + gap) + 50, panel_h = 120, top = 30;
	double width = 2 * panel_w + 60;
	if (width < 400)
		width = 400;
	fprintf(out,
	        "<svg class=\"history\" viewBox=\"0 0 %.0f %.0f\" "
	        "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-labelledby=\"hist-title\">\n"
	        "<title id=\"hist-title\">Go and Rust services per role over the last %zu "
	        "commits</title>\n",
	        width, top + panel_h + 36, width, top + panel_h + 36, n);
	for (int r = 0; r < 2; r++) {
		double x0 = 40 + r * (panel_w + 20);
		fprintf(out, "<text class=\"ptitle\" x=\"%.1f\" y=\"18\">%s</text>", x0,
		        al_report_role_title(roles[r]));
		fprintf(out, "<path class=\"axis\" d=\"M%.1f %.1fh%.1f\"/>", x0, top + panel_h,
		        panel_w - 40);
		fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">%zu</text>", x0 - 6,
		        top + 4, max);
		fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">0</text>", x0 - 6,
		        top + panel_h);
		for (size_t i = 0; i < n; i++) {
			const al_report_point *p = doc->history.items[i];
			double x = x0 + 4 + (double)i * (col + gap), base = top + panel_h;
			for (int l = 0; l < AL_LANG__COUNT; l++) {
				size_t v = p->matrix[roles[r]][l];
				if (!v)
					continue;
				double h = panel_h * (double)v / (double)max;
				base -= h;
				fprintf(out,
				        "<rect class=\"box %s\" x=\"%.1f\" y=\"%.1f\" "
				        "width=\"%.1f\" height=\"%.1f\">"
				        "<title>%.12s: %zu %s</title></rect>",
				        lang_class((al_language)l), x, base, col, h, p->commit, v,
				        al_report_language_title((al_language)l));
			}
			if (p->error)
				fprintf(out,
				        "<text class=\"tick err\" x=\"%.1f\" "
				        "y=\"%.1f\">\xC3\x97</text>",
				        x + col / 2, top + panel_h - 4);
		}
		fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">older</text>", x0 + 20,
		        top + panel_h + 16);
		fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">newer</text>",
		        x0 + panel_w - 40, top + panel_h + 16);
	}
	double lx = width - 110;
	fprintf(out,
	        "<rect class=\"box go\" x=\"%.1f\" y=\"6\" width=\"14\" height=\"12\"/>"
	        "<text x=\"%.1f\" y=\"16\">Go</text><rect class=\"box rust\" x=\"%.1f\" y=\"6\" "
	        "width=\"14\" height=\"12\"/><text x=\"%.1f\" y=\"16\">Rust</text>",
	        lx, lx + 18, lx + 48, lx + 66);
	fputs("</svg>\n", out);
}
