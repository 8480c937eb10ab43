/*
 * suppress.c: accepted findings. A suppression never removes a finding from the result:
 * it marks it with why and where it was accepted, so the gate skips it, the text and JSON
 * reports can count it, and SARIF can carry it as a suppression.
 */
#include <stdlib.h>

#include "archlint.h"

const char *al_suppress_kind_name(al_suppress_kind kind)
{
	static const char *const names[] = {"inline", "waiver", "baseline", "unchanged"};
	return names[kind];
}

void al_finding_suppress(al_finding *finding, al_suppress_kind kind, const char *reason,
                         const char *origin)
{
	if (finding->suppressed)
		return;
	al_suppression *s = al_calloc(1, sizeof(*s));
	s->kind = kind;
	s->reason = al_strdup(reason ? reason : "");
	s->origin = al_strdup(origin ? origin : "");
	finding->suppressed = s;
}

void al_suppression_free(al_suppression *suppression)
{
	if (!suppression)
		return;
	free(suppression->reason);
	free(suppression->origin);
	free(suppression);
}
