/*
 * report_doc_verdict.c: the three answers behind a service's verdict, one line each, for the
 * report's service cards (HTML and Markdown render the same text): what ships it, how it
 * runs (verdict_lines.c, shared with `archlint explain`), and the strongest evidence with
 * its distance from main.
 */
#include <stdlib.h>

#include "report_doc.h"
#include "verdict_lines.h"

enum { MAX_REACHED = 3 };

static char *reached_line(const al_component *c)
{
	if (!c->evidence.len)
		return al_strdup("no evidence");
	al_buf b = AL_BUF_INIT;
	for (size_t i = 0; i < c->evidence.len && i < MAX_REACHED; i++) {
		const al_evidence *e = c->evidence.items[i];
		al_buf_printf(&b, "%s%s %s (", i ? "; " : "", al_role_name(e->role), e->signal);
		if (e->distance == 0)
			al_buf_puts(&b, "own package");
		else
			al_buf_printf(&b, "%u hop%s from main", e->distance,
			              e->distance == 1 ? "" : "s");
		al_buf_printf(&b, ", %s:%u)", e->path, e->line);
	}
	if (c->evidence.len > MAX_REACHED)
		al_buf_printf(&b, "; %zu more", c->evidence.len - MAX_REACHED);
	return al_buf_detach(&b);
}

void al_report_verdict_lines(al_report_service *s)
{
	s->shipped_line = al_verdict_shipped_line(s->component);
	s->runs_line = al_verdict_runs_line(s->component);
	s->reached_line = reached_line(s->component);
}
