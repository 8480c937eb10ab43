/*
 * report_graphviz.h: the html report's drawings laid out and rendered by Graphviz (cgraph
 * + gvc, SVG renderer) the same way every time: the layout and SVG plugins are linked in
 * (none loaded from the system, so text is measured by Graphviz's own font metrics on
 * every machine) and objects get ids in the order they are made (cgraph's own are the
 * names' addresses, which reorder clusters from run to run). Used by the system map
 * (report_map.c) and the map of groups (report_group_map.c).
 */
#ifndef AL_REPORT_GRAPHVIZ_H
#define AL_REPORT_GRAPHVIZ_H

#include <graphviz/gvc.h>
#include <stdio.h>

#include "buf.h"

typedef struct {
	GVC_t *gvc;
	Agraph_t *graph; /* a directed root graph with deterministic ids */
} al_gv;

/* Opens the context and the root graph, its labels in Helvetica 14 and its nodes rounded
 * filled boxes. */
void al_gv_begin(al_gv *gv, const char *name);
/* Lays the graph out with engine ("osage", "dot"), writes it as an inline
 * <svg class="svg_class"> (no prolog, no doctype), and frees graph and context. Writes
 * nothing when the graph has no node. */
void al_gv_end(al_gv *gv, FILE *out, const char *engine, const char *svg_class);

/* Sets an attribute of a graph, node or edge (declared with default "" when new). */
void al_gv_set(void *obj, const char *name, const char *value);
/* s in display form (al_report_display) with what Graphviz reads in a label escaped. */
void al_gv_label(al_buf *b, const char *s);
/* A name in display form, wrapped after '/', '-', '_', ':' or '.' so no line is much
 * over width code points; never cut. */
void al_gv_wrapped(al_buf *b, const char *name, size_t width);

#endif
