/*
 * report_group_map.c: the html report's map of groups, laid out by Graphviz's dot engine
 * (report_graphviz.h): one node per group that uses another group's code or whose code
 * another uses, an arrow from the user to the used, labelled with how many of its services
 * build from how many of the other's packages. Packages most services build from are
 * left out by report_groups.c (they tell nothing), so the arrows are the couplings a
 * reviewer asks about: "why does the gateway build from the control plane's api package?"
 */
#include <stdlib.h>

#include "report_doc.h"
#include "report_graphviz.h"

#define WRAP 28

static Agnode_t *group_node(Agraph_t *graph, const al_report_group *g, Agnode_t **nodes)
{
	if (nodes[g->index])
		return nodes[g->index];
	al_buf b = AL_BUF_INIT;
	al_gv_label(&b, al_report_group_title(g));
	al_buf_printf(&b, " \xE2\x80\x94 %zu service%s", g->services.len,
	              g->services.len == 1 ? "" : "s");
	Agnode_t *n = agnode(graph, (char *)al_buf_cstr(&b), 1);
	al_buf_clear(&b);
	al_gv_wrapped(&b, al_report_group_title(g), WRAP);
	al_buf_printf(&b, "\\n%zu service%s", g->services.len, g->services.len == 1 ? "" : "s");
	al_gv_set(n, "label", al_buf_cstr(&b));
	al_buf_dispose(&b);
	char *url = al_sprintf("#grp-%zu", g->index);
	al_gv_set(n, "URL", url);
	free(url);
	nodes[g->index] = n;
	return n;
}

/* The arrow's tooltip: who uses what, the packages named (at most a few). */
static char *use_tooltip(const al_report_group_use *u)
{
	al_buf b = AL_BUF_INIT;
	al_gv_label(&b, u->from->name);
	al_buf_puts(&b, " builds from ");
	al_gv_label(&b, u->to->name);
	al_buf_puts(&b, ":");
	for (size_t i = 0; i < u->dirs.len && i < 8; i++) {
		al_buf_puts(&b, i ? ", " : " ");
		al_gv_label(&b, u->dirs.items[i]);
	}
	if (u->dirs.len > 8)
		al_buf_printf(&b, " and %zu more", u->dirs.len - 8);
	return al_buf_detach(&b);
}

void al_report_group_map_svg(FILE *out, const al_report_doc *doc)
{
	al_gv gv;
	al_gv_begin(&gv, "groups");
	Agraph_t *g = gv.graph;
	al_gv_set(g, "rankdir", "LR");
	al_gv_set(g, "nodesep", "0.3");
	agattr(g, AGNODE, "fillcolor", "#f6f8fa");
	agattr(g, AGNODE, "color", "#59636e");
	agattr(g, AGEDGE, "fontsize", "12");
	agattr(g, AGEDGE, "color", "#59636e");
	Agnode_t **nodes = al_calloc(doc->groups.len + 1, sizeof *nodes);
	for (size_t i = 0; i < doc->group_uses.len; i++) {
		const al_report_group_use *u = doc->group_uses.items[i];
		Agnode_t *from = group_node(g, u->from, nodes), *to = group_node(g, u->to, nodes);
		Agedge_t *e = agedge(g, from, to, NULL, 1);
		char *label = al_sprintf("%zu service%s \xE2\x86\x92 %zu package%s", u->services,
		                         u->services == 1 ? "" : "s", u->dirs.len,
		                         u->dirs.len == 1 ? "" : "s");
		al_gv_set(e, "label", label);
		free(label);
		char *tip = use_tooltip(u);
		al_gv_set(e, "tooltip", tip);
		free(tip);
	}
	free(nodes);
	al_gv_end(&gv, out, "dot", "groups");
}
