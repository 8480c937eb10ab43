/*
 * report_map.c: the html report's system map, laid out by Graphviz's osage engine (which
 * packs clusters as arrays; report_graphviz.h): one cluster per role, within it one per
 * group (report_groups.c), one node per service with its full name wrapped at path and
 * word boundaries, filled by language, bordered by its worst finding, linked to its card,
 * its <title> the service with role, confidence and findings. A family of near-identical
 * services is one node with their count, linked to its list. Edges only where they tell
 * something: FFI. How groups use each other's code is drawn apart (report_group_map.c).
 */
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"
#include "report_graphviz.h"

#define WRAP 24

static const char *const role_fill[AL_ROLE__COUNT] = {"#fff4ec", "#eef6fd", "#f3f3f3", "#fafafa"};
static const char *const worst_colour[] = {"", "#0969da", "#b07d00", "#cf222e"};

/* A path relative to its group's home, when it is below it. */
static const char *in_group(const char *path, const al_report_group *g)
{
	size_t n = strlen(g->home);
	if (strcmp(g->home, ".") != 0 && strncmp(path, g->home, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

/* The node's <title>: the service, its verdict and its findings. */
static char *title(const al_report_service *s)
{
	const al_component *c = s->component;
	al_buf b = AL_BUF_INIT;
	al_gv_label(&b, c->id);
	al_buf_printf(&b, " \xE2\x80\x94 %s %s, confidence %.2f",
	              al_report_language_title(c->language), al_role_name(c->role), c->confidence);
	for (size_t i = 0; i < s->findings.len; i++) {
		const al_finding *f = s->findings.items[i];
		al_buf_printf(&b, "%s%s %s%s", i ? ", " : "; findings: ", f->rule,
		              al_level_name(f->level), f->suppressed ? " (accepted)" : "");
	}
	return al_buf_detach(&b);
}

static void colour(Agnode_t *n, al_language lang, int worst)
{
	al_gv_set(n, "fillcolor", lang == AL_LANG_GO ? "#e2f5fa" : "#fbe8de");
	if (worst > AL_LEVEL_OFF) {
		al_gv_set(n, "color", worst_colour[worst]);
		al_gv_set(n, "penwidth", "3");
	} else {
		al_gv_set(n, "color", lang == AL_LANG_GO ? "#00a3cc" : "#b7410e");
	}
}

static Agnode_t *service_node(Agraph_t *cluster, const al_report_service *s)
{
	const al_component *c = s->component;
	char *name = title(s);
	Agnode_t *n = agnode(cluster, name, 1);
	free(name);
	al_buf label = AL_BUF_INIT;
	al_gv_wrapped(&label, in_group(c->id, s->group), WRAP);
	al_buf_printf(&label, "\\n%s \xC2\xB7 %.2f", al_report_language_title(c->language),
	              c->confidence);
	al_gv_set(n, "label", al_buf_cstr(&label));
	al_buf_dispose(&label);
	char *url = al_sprintf("#svc-%zu", s->index);
	al_gv_set(n, "URL", url);
	free(url);
	colour(n, c->language, s->worst);
	return n;
}

/* Members a family's <title> names, one a line, before it counts the rest. */
#define FAMILY_TITLE_MEMBERS 12

/* A family: its pattern, its count; linked to its list of members. Its <title> names the
 * first members with their verdicts and findings. */
static Agnode_t *family_node(Agraph_t *cluster, const al_report_family *f, const al_report_group *g)
{
	al_buf b = AL_BUF_INIT;
	al_buf_printf(&b, "%zu near-identical services: ", f->members.len);
	al_gv_label(&b, f->pattern);
	al_buf_printf(&b, " \xE2\x80\x94 %s %s; %zu open finding%s",
	              al_report_language_title(f->language), al_role_name(f->role), f->open,
	              f->open == 1 ? "" : "s");
	for (size_t i = 0; i < f->members.len && i < FAMILY_TITLE_MEMBERS; i++) {
		char *member = title(f->members.items[i]);
		al_buf_printf(&b, "\n%s", member);
		free(member);
	}
	if (f->members.len > FAMILY_TITLE_MEMBERS)
		al_buf_printf(&b, "\n\xE2\x80\xA6 and %zu more in the service list",
		              f->members.len - FAMILY_TITLE_MEMBERS);
	Agnode_t *n = agnode(cluster, (char *)al_buf_cstr(&b), 1);
	al_buf_clear(&b);
	al_gv_wrapped(&b, in_group(f->pattern, g), WRAP);
	al_buf_printf(&b, "\\n%zu services \xC2\xB7 %s", f->members.len,
	              al_report_language_title(f->language));
	al_gv_set(n, "label", al_buf_cstr(&b));
	al_buf_dispose(&b);
	char *url = al_sprintf("#fam-%zu", f->index);
	al_gv_set(n, "URL", url);
	free(url);
	al_gv_set(n, "peripheries", "2");
	colour(n, f->language, f->worst);
	return n;
}

/* The page holds about this many service boxes side by side. */
#define PAGE_COLUMNS 6

/* Columns for a group of n boxes packed as an array: about as many as rows, at most half
 * the page, so a large group is a block beside another, not a column down the page. */
static size_t group_columns(size_t n)
{
	size_t columns = 1;
	while (columns * columns < n && columns < PAGE_COLUMNS / 2)
		columns++;
	return columns;
}

static void set_columns(Agraph_t *cluster, size_t columns)
{
	char mode[32];
	snprintf(mode, sizeof mode, "array_u%zu", columns);
	al_gv_set(cluster, "packmode", mode);
}

/* The boxes a role's part of a group has: its services, a family counting once. */
static size_t boxes(const al_report_group *g, al_role role)
{
	size_t n = 0;
	for (size_t k = 0; k < g->services.len; k++) {
		const al_report_service *s = g->services.items[k];
		n += s->component->role == role && al_report_shown_as(s) == s;
	}
	return n;
}

static Agraph_t *group_cluster(Agraph_t *role_cluster, const al_report_group *g, al_role role,
                               size_t position)
{
	char *name = al_sprintf("cluster_%d_%zu", (int)role, g->index);
	Agraph_t *sub = agsubg(role_cluster, name, 1);
	free(name);
	al_buf b = AL_BUF_INIT;
	al_gv_wrapped(&b, al_report_group_title(g), WRAP);
	al_gv_set(sub, "label", al_buf_cstr(&b));
	al_buf_dispose(&b);
	al_gv_set(sub, "fillcolor", "#ffffff");
	char pos[24];
	snprintf(pos, sizeof pos, "%zu", position);
	al_gv_set(sub, "sortv", pos);
	set_columns(sub, group_columns(boxes(g, role)));
	return sub;
}

/* One cluster per group of a role's services, in the groups' order. */
static void role_cluster(Agraph_t *g, const al_report_doc *doc, al_role role, int position,
                         Agnode_t **nodes)
{
	size_t count = al_report_role_count(doc->matrix, role);
	if (!count)
		return;
	char *name = al_sprintf("cluster_role_%d", (int)role);
	Agraph_t *r = agsubg(g, name, 1);
	free(name);
	char *label = al_sprintf("%s (%zu)", al_report_role_title(role), count);
	al_gv_set(r, "label", label);
	free(label);
	al_gv_set(r, "fillcolor", role_fill[role]);
	al_gv_set(r, "fontsize", "18");
	char sortv[16];
	snprintf(sortv, sizeof sortv, "%d", position);
	al_gv_set(r, "sortv", sortv);
	/* As many groups side by side as the widest group leaves room for. */
	size_t widest = 1;
	for (size_t i = 0; i < doc->groups.len; i++) {
		size_t columns = group_columns(boxes(doc->groups.items[i], role));
		widest = columns > widest ? columns : widest;
	}
	set_columns(r, PAGE_COLUMNS / widest > 1 ? PAGE_COLUMNS / widest : 1);
	size_t clusters = 0;
	for (size_t i = 0; i < doc->groups.len; i++) {
		const al_report_group *grp = doc->groups.items[i];
		Agraph_t *sub = NULL;
		for (size_t k = 0; k < grp->services.len; k++) {
			const al_report_service *s = grp->services.items[k];
			if (s->component->role != role)
				continue;
			if (!sub)
				sub = group_cluster(r, grp, role, clusters++);
			const al_report_service *shown = al_report_shown_as(s);
			if (shown != s)
				nodes[s->index] = nodes[shown->index];
			else if (s->family)
				nodes[s->index] = family_node(sub, s->family, grp);
			else
				nodes[s->index] = service_node(sub, s);
		}
	}
}

static void ffi_edges(Agraph_t *g, const al_report_doc *doc, Agnode_t **nodes)
{
	for (size_t i = 0; i < doc->links.len; i++) {
		const al_report_link *l = doc->links.items[i];
		Agnode_t *a = nodes[l->a->index], *b = nodes[l->b->index];
		if (l->kind != AL_LINK_FFI || a == b || agedge(g, a, b, NULL, 0))
			continue;
		Agedge_t *e = agedge(g, a, b, NULL, 1);
		al_gv_set(e, "style", "dashed");
		al_gv_set(e, "color", "#8250df");
		al_gv_set(e, "penwidth", "2");
		al_gv_set(e, "dir", "none");
	}
}

void al_report_map_svg(FILE *out, const al_report_doc *doc)
{
	al_gv gv;
	al_gv_begin(&gv, "map");
	Agraph_t *g = gv.graph;
	al_gv_set(g, "packmode", "array_ul1");
	al_gv_set(g, "style", "filled,rounded");
	agattr(g, AGNODE, "margin", "0.12,0.06");
	agattr(g, AGRAPH, "style", "filled,rounded");
	agattr(g, AGRAPH, "color", "#d1d9e0");
	Agnode_t **nodes = al_calloc(doc->services.len + 1, sizeof *nodes);
	static const al_role order[] = {AL_ROLE_DATA_PATH, AL_ROLE_CONTROL_PLANE, AL_ROLE_TOOL,
	                                AL_ROLE_UNCLASSIFIED};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		role_cluster(g, doc, order[i], (int)i, nodes);
	ffi_edges(g, doc, nodes);
	free(nodes);
	al_gv_end(&gv, out, "osage", "map");
}
