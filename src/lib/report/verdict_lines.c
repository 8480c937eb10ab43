/*
 * verdict_lines.c: two answers behind a verdict as one line each, the same words in
 * `archlint explain` and the report's service cards: what ships it and how it runs.
 */
#include <stdlib.h>

#include "verdict_lines.h"

char *al_verdict_shipped_line(const al_component *c)
{
	if (!c->shipped.len)
		return al_strdup("not by any deployment file");
	al_buf b = AL_BUF_INIT;
	for (size_t i = 0; i < c->shipped.len; i++) {
		const al_shipment *s = c->shipped.items[i];
		al_buf_printf(&b, "%s%s by %s:%u", i ? ", " : "", al_ship_kind_name(s->kind),
		              s->path, s->line);
	}
	return al_buf_detach(&b);
}

char *al_verdict_runs_line(const al_component *c)
{
	if (!c->lifecycle_why)
		return al_strdup(al_lifecycle_name(c->lifecycle));
	return al_sprintf("%s (%s)", al_lifecycle_name(c->lifecycle), c->lifecycle_why);
}
