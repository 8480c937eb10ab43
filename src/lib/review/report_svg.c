/*
 * report_svg.c: the html report's history chart as inline SVG: for the data path and the
 * control plane, the Go and Rust services of each commit --history keeps. (The map is laid
 * out by Graphviz: report_map.c.) Deterministic, no measuring of fonts; the only text from
 * the repository is a commit id.
 */
#include "report_doc.h"

static const char *lang_class(al_language lang)
{
	return lang == AL_LANG_GO ? "go" : "rust";
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
