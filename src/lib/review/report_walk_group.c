/*
 * report_walk_group.c: a group's cards for the review report (report_walk.h): its summary
 * line — its name, its services and families, its open findings, where a system is named —
 * then each service's card (report_walk_service.c), a family's folded under a line of
 * its own. Apart from report_walk.c because it is built on a service's walk.
 */
#include <stdlib.h>

#include "plural.h"
#include "report_walk.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* " — 12 services (9 in 2 families of near-identical ones) · 3 open findings, worst
 * warning" and, for a system, where it is named (which the walk writes after it). */
static char *group_counts(const al_report_group *g)
{
	al_buf b = AL_BUF_INIT;
	al_buf_printf(&b, " \xE2\x80\x94 %zu service%s", g->services.len,
	              AL_PLURAL(g->services.len));
	size_t in_families = 0;
	for (size_t i = 0; i < g->families.len; i++)
		in_families += ((const al_report_family *)g->families.items[i])->members.len;
	if (g->families.len)
		al_buf_printf(&b, " (%zu in %zu famil%s of near-identical ones)", in_families,
		              g->families.len, g->families.len == 1 ? "y" : "ies");
	if (g->open)
		al_buf_printf(&b, " \xC2\xB7 %zu open finding%s, worst %s", g->open,
		              AL_PLURAL(g->open), al_level_name(g->worst));
	else
		al_buf_puts(&b, " \xC2\xB7 no open finding");
	if (g->kind == AL_GROUP_SYSTEM)
		al_buf_puts(&b, " \xC2\xB7 the system named in ");
	return al_buf_detach(&b);
}

static void family_cards(const al_report_doc *doc, const al_report_family *f, const al_render *out)
{
	char *count = al_sprintf("%zu near-identical services: ", f->members.len);
	char *open = al_sprintf(" \xE2\x80\x94 %s %s, %zu open finding%s",
	                        al_report_language_title(f->language), al_role_name(f->role),
	                        f->open, AL_PLURAL(f->open));
	const al_cell runs[] = {
	    {.kind = AL_CELL_WORDS, .text = count},
	    {.kind = AL_CELL_CODE, .text = f->pattern},
	    {.kind = AL_CELL_WORDS, .text = open},
	};
	out->family_begin(out->ctx, f, runs, COUNT(runs));
	for (size_t i = 0; i < f->members.len; i++)
		al_walk_service(doc, f->members.items[i], out);
	out->family_end(out->ctx);
	free(count);
	free(open);
}

void al_walk_group(const al_report_doc *doc, const al_report_group *g, const al_render *out)
{
	char *counts = group_counts(g);
	const al_cell runs[] = {
	    g->kind == AL_GROUP_SYSTEM
	        ? (al_cell){.kind = AL_CELL_TEXT, .text = g->name}
	        : (al_cell){.kind = AL_CELL_CODE, .text = al_report_group_title(g)},
	    {.kind = AL_CELL_WORDS, .text = counts},
	    {.kind = AL_CELL_CODE, .text = g->from},
	};
	out->group_begin(out->ctx, g, g->worst >= AL_LEVEL_WARNING, runs,
	                 g->kind == AL_GROUP_SYSTEM ? 3 : 2);
	for (size_t i = 0; i < g->services.len; i++) {
		const al_report_service *s = g->services.items[i];
		if (al_report_shown_as(s) != s)
			continue; /* in its family's cards */
		if (s->family)
			family_cards(doc, s->family, out);
		else
			al_walk_service(doc, s, out);
	}
	out->group_end(out->ctx);
	free(counts);
}
