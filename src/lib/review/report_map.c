/*
 * report_map.c: the html report's system map, laid out by Graphviz (cgraph + gvc, the
 * osage engine, which packs clusters as arrays) and rendered by its SVG renderer: one
 * cluster per role, within it one per group of services (the nearest directory holding
 * several), one node per service with its full name wrapped at path and word boundaries,
 * filled by language, bordered by its worst finding, linked to its card, its <title> the
 * service with role, confidence and findings. Edges only where they tell something: FFI.
 *
 * Graphviz runs with its layout and SVG plugins linked in (gvContextPlugins), none loaded
 * from the system: text is measured by Graphviz's own font metrics, so the page is the same
 * on every machine. Every repository string is shown via al_report_display and escaped for
 * Graphviz's label syntax; Graphviz escapes it for XML.
 */
#include <graphviz/gvc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"

#define WRAP 24

extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;

static lt_symlist_t plugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {0, 0},
};

/* Object ids in the order objects are made. cgraph's own ids are the addresses of the
 * names, so it would keep clusters (and write them) in an order that changes from run to
 * run; these make the page the same every time. */
typedef struct {
	al_strmap ids; /* name -> (id / 2) + 1 */
	al_vec names;  /* char *, by id / 2 */
	IDTYPE anonymous;
} id_state;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)g, (void)disc;
	id_state *st = al_calloc(1, sizeof *st);
	st->anonymous = 1;
	return st;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	(void)objtype;
	id_state *st = state;
	if (!str) { /* anonymous objects take odd ids */
		*id = st->anonymous;
		st->anonymous += 2;
		return 1;
	}
	uintptr_t known = (uintptr_t)al_strmap_get(&st->ids, str);
	if (known) {
		*id = (IDTYPE)(known - 1) * 2;
		return 1;
	}
	if (!createflag)
		return 0;
	*id = (IDTYPE)st->names.len * 2;
	al_vec_push(&st->names, al_strdup(str));
	al_strmap_set(&st->ids, str, (void *)(uintptr_t)st->names.len);
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state, (void)objtype, (void)id;
	return 0; /* ids are only ever made by ids_map */
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state, (void)objtype, (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	(void)objtype;
	id_state *st = state;
	return id % 2 == 0 && id / 2 < st->names.len ? st->names.items[id / 2] : NULL;
}

static void ids_close(void *state)
{
	id_state *st = state;
	al_strmap_dispose(&st->ids);
	al_vec_dispose_with(&st->names, free);
	free(st);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state, (void)objtype, (void)obj;
}

static Agiddisc_t ordered_ids = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                 ids_print, ids_close, ids_register};

static const char *const role_fill[AL_ROLE__COUNT] = {"#fff4ec", "#eef6fd", "#f3f3f3", "#fafafa"};

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* s in display form with what Graphviz reads in a label ('\\' and '"') escaped. */
static void label_text(al_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\')
			al_buf_puts(b, "\\\\");
		else
			al_buf_printf(b, "%c", s[i]);
	}
}

/* A name wrapped after '/', '-', '_' or ':' so no line is much over WRAP code points. */
static void wrapped(al_buf *b, const char *name)
{
	char *d = al_report_display(name);
	size_t line = 0, start = 0, n = strlen(d);
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)d[i] & 0xC0) != 0x80)
			line++;
		int breakable = strchr("/-_:.", d[i]) != NULL;
		if (breakable && line >= WRAP * 2 / 3 && i + 1 < n) {
			label_text(b, d + start, i + 1 - start);
			al_buf_puts(b, "\\n");
			start = i + 1;
			line = 0;
		}
	}
	label_text(b, d + start, n - start);
	free(d);
}

/* The service's id relative to its group's directory. */
static const char *in_group(const al_report_service *s)
{
	const char *id = s->component->id, *g = s->group;
	size_t n = strlen(g);
	if (strcmp(g, ".") != 0 && strncmp(id, g, n) == 0 && id[n] == '/')
		return id + n + 1;
	return id;
}

/* The node's <title>: the service, its verdict and its findings. */
static char *title(const al_report_service *s)
{
	const al_component *c = s->component;
	al_buf b = AL_BUF_INIT;
	char *d = al_report_display(c->id);
	label_text(&b, d, strlen(d));
	free(d);
	al_buf_printf(&b, " \xE2\x80\x94 %s %s, confidence %.2f",
	              al_report_language_title(c->language), al_role_name(c->role), c->confidence);
	for (size_t i = 0; i < s->findings.len; i++) {
		const al_finding *f = s->findings.items[i];
		al_buf_printf(&b, "%s%s %s%s", i ? ", " : "; findings: ", f->rule,
		              al_level_name(f->level), f->suppressed ? " (accepted)" : "");
	}
	return al_buf_detach(&b);
}

static Agnode_t *service_node(Agraph_t *cluster, const al_report_service *s)
{
	const al_component *c = s->component;
	char *name = title(s);
	Agnode_t *n = agnode(cluster, name, 1);
	free(name);
	al_buf label = AL_BUF_INIT;
	wrapped(&label, in_group(s));
	al_buf_printf(&label, "\\n%s \xC2\xB7 %.2f", al_report_language_title(c->language),
	              c->confidence);
	set(n, "label", al_buf_cstr(&label));
	al_buf_dispose(&label);
	char *url = al_sprintf("#svc-%zu", s->index);
	set(n, "URL", url);
	free(url);
	set(n, "fillcolor", c->language == AL_LANG_GO ? "#e2f5fa" : "#fbe8de");
	static const char *const worst[] = {"", "#0969da", "#b07d00", "#cf222e"};
	if (s->worst > AL_LEVEL_OFF) {
		set(n, "color", worst[s->worst]);
		set(n, "penwidth", "3");
	} else {
		set(n, "color", c->language == AL_LANG_GO ? "#00a3cc" : "#b7410e");
	}
	return n;
}

/* One cluster per group of a role's services, in the services' order. */
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
	set(r, "label", label);
	free(label);
	set(r, "fillcolor", role_fill[role]);
	set(r, "fontsize", "18");
	char sortv[16];
	snprintf(sortv, sizeof sortv, "%d", position);
	set(r, "sortv", sortv);
	set(r, "packmode", "array_u2");
	al_strmap groups = AL_STRMAP_INIT;
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		if (s->component->role != role)
			continue;
		Agraph_t *sub = al_strmap_get(&groups, s->group);
		if (!sub) {
			char *sub_name = al_sprintf("cluster_%d_%zu", (int)role, i);
			sub = agsubg(r, sub_name, 1);
			free(sub_name);
			al_buf b = AL_BUF_INIT;
			wrapped(&b, strcmp(s->group, ".") ? s->group : "(top level)");
			set(sub, "label", al_buf_cstr(&b));
			al_buf_dispose(&b);
			set(sub, "fillcolor", "#ffffff");
			char pos[24];
			snprintf(pos, sizeof pos, "%zu", groups.len);
			set(sub, "sortv", pos);
			al_strmap_set(&groups, s->group, sub);
		}
		nodes[s->index] = service_node(sub, s);
	}
	al_strmap_dispose(&groups);
}

static void ffi_edges(Agraph_t *g, const al_report_doc *doc, Agnode_t **nodes)
{
	for (size_t i = 0; i < doc->links.len; i++) {
		const al_report_link *l = doc->links.items[i];
		if (l->kind != AL_LINK_FFI)
			continue;
		Agedge_t *e = agedge(g, nodes[l->a->index], nodes[l->b->index], NULL, 1);
		set(e, "style", "dashed");
		set(e, "color", "#8250df");
		set(e, "penwidth", "2");
		set(e, "dir", "none");
	}
}

/* The SVG without the XML prolog and doctype Graphviz writes before it. */
static void write_svg(FILE *out, const char *svg, unsigned len)
{
	const char *start = strstr(svg, "<svg");
	if (!start)
		return;
	fputs("<svg class=\"map\"", out);
	start += 4;
	fwrite(start, 1, len - (unsigned)(start - svg), out);
}

void al_report_map_svg(FILE *out, const al_report_doc *doc)
{
	GVC_t *gvc = gvContextPlugins(plugins, 0);
	Agdisc_t disc = {&AgMemDisc, &ordered_ids, &AgIoDisc};
	Agraph_t *g = agopen("map", Agdirected, &disc);
	set(g, "fontname", "Helvetica");
	set(g, "fontsize", "14");
	set(g, "packmode", "array_ul1");
	set(g, "style", "filled,rounded");
	agattr(g, AGNODE, "shape", "box");
	agattr(g, AGNODE, "style", "rounded,filled");
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontsize", "14");
	agattr(g, AGNODE, "margin", "0.12,0.06");
	agattr(g, AGRAPH, "style", "filled,rounded");
	agattr(g, AGRAPH, "color", "#d1d9e0");
	Agnode_t **nodes = al_calloc(doc->services.len + 1, sizeof *nodes);
	static const al_role order[] = {AL_ROLE_DATA_PATH, AL_ROLE_CONTROL_PLANE, AL_ROLE_TOOL,
	                                AL_ROLE_UNCLASSIFIED};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		role_cluster(g, doc, order[i], (int)i, nodes);
	ffi_edges(g, doc, nodes);
	char *svg = NULL;
	unsigned len = 0;
	if (doc->services.len && gvLayout(gvc, g, "osage") == 0) {
		if (gvRenderData(gvc, g, "svg", &svg, &len) == 0)
			write_svg(out, svg, len);
		gvFreeRenderData(svg);
		gvFreeLayout(gvc, g);
	}
	free(nodes);
	agclose(g);
	gvFreeContext(gvc);
}
