/*
 * report_doc_json.c: `archlint report --format json` — the data behind the html and md
 * reports. It is the JSON contract of `archlint check`, kept whole (version, tool, source,
 * components, links, findings, suppressed), with the report's additions: per component
 * its size, closure packages and edges; per finding the rule's title and rationale; and
 * top-level repository, totals, matrix, guideline, edges (the map's lines: shared code
 * and FFI), shared_packages (code shared too widely to link pairwise, when there is any),
 * since and history.
 * Strings are made valid UTF-8 before cJSON escapes them.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "report_json.h"
#include "report_doc.h"
#include "rules.h"

static cJSON *matrix_json(const size_t m[][AL_LANG__COUNT])
{
	cJSON *o = cJSON_CreateObject();
	size_t all = 0;
	for (int r = 0; r < AL_ROLE__COUNT; r++) {
		cJSON *row = cJSON_AddObjectToObject(o, al_role_name((al_role)r));
		for (int l = 0; l < AL_LANG__COUNT; l++)
			cJSON_AddNumberToObject(row, al_language_name((al_language)l),
			                        (double)m[r][l]);
		size_t sum = al_report_role_count(m, (al_role)r);
		cJSON_AddNumberToObject(row, "total", (double)sum);
		all += sum;
	}
	cJSON *row = cJSON_AddObjectToObject(o, "total");
	for (int l = 0; l < AL_LANG__COUNT; l++)
		cJSON_AddNumberToObject(row, al_language_name((al_language)l),
		                        (double)al_report_language_count(m, (al_language)l));
	cJSON_AddNumberToObject(row, "total", (double)all);
	return o;
}

static cJSON *levels_json(const size_t *levels)
{
	cJSON *o = cJSON_CreateObject();
	for (int l = AL_LEVEL_ERROR; l > AL_LEVEL_OFF; l--)
		cJSON_AddNumberToObject(o, al_level_name((al_level)l), (double)levels[l]);
	return o;
}

static const char *link_kind_name(al_link_kind kind)
{
	return kind == AL_LINK_FFI ? "ffi" : "shared-code";
}

static void add_rule_text(cJSON *o, const al_finding *f, const al_ruleset *rules)
{
	const al_rule *r = rules ? al_ruleset_find_rule(rules, f->rule) : NULL;
	al_json_add_string(o, "title", r ? r->title : NULL);
	al_json_add_string(o, "rationale", r ? r->rationale : NULL);
}

static cJSON *suppression_json(const al_suppression *s)
{
	if (!s)
		return cJSON_CreateNull();
	cJSON *o = cJSON_CreateObject();
	al_json_add_string(o, "kind", al_suppress_kind_name(s->kind));
	al_json_add_string(o, "reason", s->reason);
	al_json_add_string(o, "origin", s->origin);
	al_json_add_string(o, "expires", s->expires);
	return o;
}

static cJSON *finding_json(const al_finding *f, const al_ruleset *rules)
{
	cJSON *o = cJSON_CreateObject();
	al_json_add_string(o, "rule", f->rule);
	al_json_add_string(o, "level", al_level_name(f->level));
	al_json_add_string(o, "component", f->component->id);
	al_json_add_string(o, "language", al_language_name(f->component->language));
	al_json_add_string(o, "path", f->component->entry_path);
	cJSON_AddNumberToObject(o, "line", f->component->entry_line);
	al_json_add_string(o, "message", f->message);
	al_json_add_string(o, "fingerprint", f->fingerprint);
	add_rule_text(o, f, rules);
	return o;
}

static void add_component_fields(cJSON *o, const al_report_service *s)
{
	cJSON *size = cJSON_AddObjectToObject(o, "size");
	cJSON_AddNumberToObject(size, "files", (double)s->files);
	cJSON_AddNumberToObject(size, "lines", (double)s->lines);
	cJSON *closure = cJSON_AddArrayToObject(o, "closure");
	for (size_t i = 0; i < s->dirs.len; i++) {
		const al_report_dir *d = s->dirs.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "dir", d->dir);
		cJSON_AddBoolToObject(x, "own", d->own);
		cJSON_AddNumberToObject(x, "files", (double)d->files);
		cJSON_AddNumberToObject(x, "lines", (double)d->lines);
		cJSON_AddItemToArray(closure, x);
	}
	cJSON *links = cJSON_AddArrayToObject(o, "edges");
	for (size_t i = 0; i < s->links.len; i++) {
		const al_report_link *l = s->links.items[i];
		const al_report_service *other = al_report_link_other(l, s);
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "component", other->component->id);
		al_json_add_string(x, "kind", link_kind_name(l->kind));
		cJSON_AddNumberToObject(x, "shared", (double)l->via.len);
		cJSON_AddItemToArray(links, x);
	}
}

static cJSON *component_ref(const al_component *c)
{
	cJSON *o = cJSON_CreateObject();
	al_json_add_string(o, "id", c->id);
	al_json_add_string(o, "language", al_language_name(c->language));
	al_json_add_string(o, "role", al_role_name(c->role));
	return o;
}

static const char *change_name(al_change_kind kind)
{
	static const char *const names[] = {"added", "removed", "role", "language"};
	return names[kind];
}

static cJSON *since_json(const al_report_doc *doc)
{
	cJSON *o = cJSON_CreateObject();
	al_json_add_string(o, "rev", doc->since);
	al_json_add_string(o, "commit", doc->base->commit);
	cJSON *changes = cJSON_AddArrayToObject(o, "changes");
	for (size_t i = 0; i < doc->changes.len; i++) {
		const al_report_change *ch = doc->changes.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "kind", change_name(ch->kind));
		al_json_add_string(x, "component", ch->after ? ch->after->id : ch->before->id);
		if (ch->before)
			cJSON_AddItemToObject(x, "before", component_ref(ch->before));
		else
			cJSON_AddNullToObject(x, "before");
		if (ch->after)
			cJSON_AddItemToObject(x, "after", component_ref(ch->after));
		else
			cJSON_AddNullToObject(x, "after");
		cJSON_AddItemToArray(changes, x);
	}
	cJSON *added = cJSON_AddArrayToObject(o, "findings_added");
	for (size_t i = 0; i < doc->added.len; i++)
		cJSON_AddItemToArray(added, finding_json(doc->added.items[i], doc->result->rules));
	cJSON *resolved = cJSON_AddArrayToObject(o, "findings_resolved");
	for (size_t i = 0; i < doc->resolved.len; i++) {
		const al_finding *f = doc->resolved.items[i];
		cJSON *x = finding_json(f, doc->base->rules);
		/* Still there but accepted now (a waiver), or gone. */
		const al_finding *now = al_report_find_finding(doc->result, f->fingerprint);
		cJSON_AddItemToObject(x, "accepted_now",
		                      suppression_json(now ? now->suppressed : NULL));
		cJSON_AddItemToArray(resolved, x);
	}
	return o;
}

static cJSON *history_json(const al_report_doc *doc)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "asked", doc->history_asked);
	cJSON_AddNumberToObject(o, "walked", (double)doc->history_walked);
	cJSON *points = cJSON_AddArrayToObject(o, "commits");
	for (size_t i = 0; i < doc->history.len; i++) {
		const al_report_point *p = doc->history.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "commit", p->commit);
		cJSON_AddNumberToObject(x, "time", (double)p->time);
		al_json_add_string(x, "subject", p->subject);
		al_json_add_string(x, "error", p->error);
		cJSON_AddNumberToObject(x, "services", (double)p->services);
		cJSON_AddItemToObject(x, "matrix", matrix_json(p->matrix));
		cJSON_AddItemToObject(x, "findings", levels_json(p->levels));
		cJSON_AddItemToArray(points, x);
	}
	return o;
}

static cJSON *guideline_json(const al_report_doc *doc)
{
	cJSON *arr = cJSON_CreateArray();
	const al_ruleset *rules = doc->result->rules;
	for (size_t i = 0; rules && i < rules->rules.len; i++) {
		const al_rule *r = rules->rules.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "id", r->id);
		al_json_add_string(x, "level", al_level_name(r->level));
		al_json_add_string(x, "title", r->title);
		al_json_add_string(x, "rationale", r->rationale);
		cJSON *when = cJSON_AddObjectToObject(x, "when");
		if (r->when_language >= 0)
			al_json_add_string(when, "language",
			                   al_language_name((al_language)r->when_language));
		if (r->when_role >= 0)
			al_json_add_string(when, "role", al_role_name((al_role)r->when_role));
		if (r->when_hybrid >= 0)
			cJSON_AddBoolToObject(when, "hybrid", r->when_hybrid);
		cJSON_AddItemToArray(arr, x);
	}
	return arr;
}

cJSON *al_report_doc_json(const al_report_doc *doc)
{
	const al_result *r = doc->result;
	cJSON *o = al_report_json_doc(r);
	size_t i = 0, s = 0;
	cJSON *comps = cJSON_GetObjectItemCaseSensitive(o, "components");
	for (cJSON *c = comps ? comps->child : NULL, *next; c; c = next, i++) {
		next = c->next;
		if (al_report_owned(doc, r->components.items[i]) && s < doc->services.len)
			add_component_fields(c, doc->services.items[s++]);
		else /* --owner: another owner's */
			cJSON_Delete(cJSON_DetachItemViaPointer(comps, c));
	}
	/* check lists open findings under "findings" and accepted ones under "suppressed",
	 * each in the result's order. */
	cJSON *open = cJSON_GetObjectItemCaseSensitive(o, "findings");
	cJSON *accepted = cJSON_GetObjectItemCaseSensitive(o, "suppressed");
	cJSON *next_open = open ? open->child : NULL,
	      *next_accepted = accepted ? accepted->child : NULL;
	for (i = 0; i < r->findings.len; i++) {
		const al_finding *f = r->findings.items[i];
		cJSON **next = f->suppressed ? &next_accepted : &next_open;
		if (*next && !al_report_owned(doc, f->component)) {
			cJSON *other = *next;
			*next = other->next;
			cJSON_Delete(
			    cJSON_DetachItemViaPointer(f->suppressed ? accepted : open, other));
		} else if (*next) {
			add_rule_text(*next, f, r->rules);
			cJSON *sup = cJSON_GetObjectItemCaseSensitive(*next, "suppressed");
			if (f->suppressed && cJSON_IsObject(sup) &&
			    !cJSON_HasObjectItem(sup, "expires"))
				al_json_add_string(sup, "expires", f->suppressed->expires);
			*next = (*next)->next;
		}
	}

	al_json_add_string(o, "repository", doc->repo_name);
	cJSON *totals = cJSON_AddObjectToObject(o, "totals");
	cJSON_AddNumberToObject(totals, "services", (double)doc->services.len);
	cJSON_AddNumberToObject(totals, "files", (double)doc->files);
	cJSON_AddNumberToObject(totals, "lines", (double)doc->lines);
	cJSON_AddNumberToObject(totals, "edges", (double)doc->links.len);
	cJSON_AddItemToObject(totals, "findings", levels_json(doc->levels));
	cJSON_AddNumberToObject(totals, "accepted", (double)doc->accepted);
	cJSON_AddItemToObject(o, "matrix", matrix_json(doc->matrix));
	cJSON_AddItemToObject(o, "guideline", guideline_json(doc));
	cJSON *edges = cJSON_AddArrayToObject(o, "edges");
	for (i = 0; i < doc->links.len; i++) {
		const al_report_link *l = doc->links.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "kind", link_kind_name(l->kind));
		al_json_add_string(x, "a", l->a->component->id);
		al_json_add_string(x, "b", l->b->component->id);
		cJSON *via = cJSON_AddArrayToObject(x, "via");
		for (size_t k = 0; k < l->via.len; k++)
			cJSON_AddItemToArray(via, al_json_string_item(l->via.items[k]));
		cJSON_AddNumberToObject(x, "specific", (double)l->specific);
		if (l->ffi)
			al_json_add_string(x, "library", l->ffi->library);
		cJSON_AddItemToArray(edges, x);
	}
	/* Only when there are any: the report of an ordinary repository stays as it was. */
	cJSON *hubs = doc->hubs.len ? cJSON_AddArrayToObject(o, "shared_packages") : NULL;
	for (i = 0; i < doc->hubs.len; i++) {
		const al_report_hub *h = doc->hubs.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "dir", h->dir);
		cJSON_AddNumberToObject(x, "services", (double)h->services);
		cJSON_AddItemToArray(hubs, x);
	}
	if (doc->base)
		cJSON_AddItemToObject(o, "since", since_json(doc));
	else
		cJSON_AddNullToObject(o, "since");
	if (doc->history_asked)
		cJSON_AddItemToObject(o, "history", history_json(doc));
	else
		cJSON_AddNullToObject(o, "history");
	return o;
}

void al_report_doc_write_json(FILE *out, const al_report_doc *doc)
{
	al_json_write(out, al_report_doc_json(doc));
}
