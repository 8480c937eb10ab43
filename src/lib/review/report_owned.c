/*
 * report_owned.c: the report's cut by owner (--owner TEAM): whether a component is in it.
 * Its own file, below both the doc's build (report_doc.c) and the changes since --since
 * (review_since.c), which both ask it.
 */
#include <string.h>

#include "report_doc.h"

/* Whether an owner as written ("@acme/edge") is the one asked for ("@acme/edge" or
 * "acme/edge"). */
static int same_owner(const char *owner, const char *asked)
{
	return strcmp(owner, asked) == 0 || (owner[0] == '@' && strcmp(owner + 1, asked) == 0);
}

int al_report_owned(const al_report_doc *doc, const al_component *c)
{
	if (!doc->owner)
		return 1;
	for (size_t i = 0; i < c->owners.len; i++)
		if (same_owner(c->owners.items[i], doc->owner))
			return 1;
	return 0;
}
