/*
 * report_graphviz.c: Graphviz set up to draw the same page on every run and machine
 * (report_graphviz.h): linked-in plugins, ids in creation order, labels escaped and
 * wrapped, the SVG written inline.
 */
#include "report_graphviz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"

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

void al_gv_set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* What Graphviz reads in a label ('\\') escaped; s is in display form. */
static void label_run(al_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\')
			al_buf_puts(b, "\\\\");
		else
			al_buf_printf(b, "%c", s[i]);
	}
}

void al_gv_label(al_buf *b, const char *s)
{
	char *d = al_report_display(s);
	label_run(b, d, strlen(d));
	free(d);
}

void al_gv_wrapped(al_buf *b, const char *name, size_t width)
{
	char *d = al_report_display(name);
	size_t line = 0, start = 0, n = strlen(d);
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)d[i] & 0xC0) != 0x80)
			line++;
		int breakable = strchr("/-_:.", d[i]) != NULL;
		if (breakable && line >= width * 2 / 3 && i + 1 < n) {
			label_run(b, d + start, i + 1 - start);
			al_buf_puts(b, "\\n");
			start = i + 1;
			line = 0;
		}
	}
	label_run(b, d + start, n - start);
	free(d);
}

void al_gv_begin(al_gv *gv, const char *name)
{
	static Agdisc_t disc = {&AgMemDisc, &ordered_ids, &AgIoDisc};
	gv->gvc = gvContextPlugins(plugins, 0);
	gv->graph = agopen((char *)name, Agdirected, &disc);
	/* Every label in Helvetica, whose metrics Graphviz measures with (report_html.c's CSS
	 * asks for a face with the same); boxes rounded and filled. */
	al_gv_set(gv->graph, "fontname", "Helvetica");
	al_gv_set(gv->graph, "fontsize", "14");
	agattr(gv->graph, AGNODE, "shape", "box");
	agattr(gv->graph, AGNODE, "style", "rounded,filled");
	agattr(gv->graph, AGNODE, "fontname", "Helvetica");
	agattr(gv->graph, AGNODE, "fontsize", "14");
	agattr(gv->graph, AGEDGE, "fontname", "Helvetica");
}

/* The SVG without the XML prolog and doctype Graphviz writes before it. */
static void write_svg(FILE *out, const char *svg, unsigned len, const char *svg_class)
{
	const char *start = strstr(svg, "<svg");
	if (!start)
		return;
	fprintf(out, "<svg class=\"%s\"", svg_class);
	start += 4;
	fwrite(start, 1, len - (unsigned)(start - svg), out);
}

void al_gv_end(al_gv *gv, FILE *out, const char *engine, const char *svg_class)
{
	char *svg = NULL;
	unsigned len = 0;
	if (agfstnode(gv->graph) && gvLayout(gv->gvc, gv->graph, engine) == 0) {
		if (gvRenderData(gv->gvc, gv->graph, "svg", &svg, &len) == 0)
			write_svg(out, svg, len, svg_class);
		gvFreeRenderData(svg);
		gvFreeLayout(gv->gvc, gv->graph);
	}
	agclose(gv->graph);
	gvFreeContext(gv->gvc);
}
