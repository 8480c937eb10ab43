/*
 * report_json.c: the JSON contract other tools read. Keys and order are fixed; numbers
 * are rounded to two decimals; strings are made valid UTF-8 before cJSON escapes them,
 * so any path a repository holds yields a parseable document.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "report_json.h"

static void add_number(cJSON *obj, const char *key, double v)
{
	cJSON_AddNumberToObject(obj, key, floor(v * 100 + 0.5) / 100);
}

static const char *mode_name(al_source_mode mode)
{
	return mode == AL_SOURCE_REV ? "rev" : mode == AL_SOURCE_STAGED ? "staged" : "worktree";
}

/* The three answers behind a verdict: shipped as what, how it runs, and the model's
 * inputs and probabilities. */
static void add_verdict_inputs(cJSON *o, const al_component *c)
{
	cJSON *shipped = cJSON_AddArrayToObject(o, "shipped");
	for (size_t i = 0; i < c->shipped.len; i++) {
		const al_shipment *s = c->shipped.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "kind", al_ship_kind_name(s->kind));
		al_json_add_string(x, "format", s->format);
		al_json_add_string(x, "path", s->path);
		cJSON_AddNumberToObject(x, "line", s->line);
		cJSON_AddItemToArray(shipped, x);
	}
	cJSON *life = cJSON_AddObjectToObject(o, "lifecycle");
	al_json_add_string(life, "verdict", al_lifecycle_name(c->lifecycle));
	al_json_add_string(life, "why", c->lifecycle_why);
	cJSON *probs = cJSON_AddObjectToObject(o, "probabilities");
	for (int r = 0; r < AL_ROLE__COUNT - 1; r++)
		add_number(probs, al_role_name((al_role)r), c->probabilities[r]);
	cJSON *features = cJSON_AddObjectToObject(o, "features");
	for (size_t i = 0; i < c->features.len; i++) {
		const al_feature *f = c->features.items[i];
		add_number(features, f->name, f->value);
	}
}

static cJSON *component_json(const al_component *c)
{
	cJSON *o = cJSON_CreateObject();
	al_json_add_string(o, "id", c->id);
	al_json_add_string(o, "language", al_language_name(c->language));
	al_json_add_string(o, "kind", c->kind);
	al_json_add_string(o, "name", c->name);
	al_json_add_string(o, "role", al_role_name(c->role));
	add_number(o, "confidence", c->confidence);
	if (c->declared)
		al_json_add_string(o, "declared", c->declared);
	else
		cJSON_AddNullToObject(o, "declared");
	cJSON_AddBoolToObject(o, "hybrid", c->hybrid);
	cJSON *owners = cJSON_AddArrayToObject(o, "owners");
	for (size_t i = 0; i < c->owners.len; i++)
		cJSON_AddItemToArray(owners, al_json_string_item(c->owners.items[i]));
	if (c->owners_from)
		al_json_add_string(o, "owners_from", c->owners_from);
	else
		cJSON_AddNullToObject(o, "owners_from");
	if (c->system) {
		al_json_add_string(o, "system", c->system);
		al_json_add_string(o, "system_from", c->system_from);
	} else {
		cJSON_AddNullToObject(o, "system");
		cJSON_AddNullToObject(o, "system_from");
	}
	cJSON *entry = cJSON_AddObjectToObject(o, "entry");
	al_json_add_string(entry, "path", c->entry_path);
	cJSON_AddNumberToObject(entry, "line", c->entry_line);
	cJSON *scores = cJSON_AddObjectToObject(o, "scores");
	for (int r = 0; r < AL_ROLE__COUNT - 1; r++)
		add_number(scores, al_role_name((al_role)r), c->scores[r]);
	al_json_add_string(o, "decided_by", c->decided_by);
	al_json_add_string(o, "evidence_role", al_role_name(c->evidence_role));
	cJSON_AddNumberToObject(o, "closure_files", (double)c->closure_files);
	cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
	for (size_t i = 0; i < c->evidence.len; i++) {
		const al_evidence *e = c->evidence.items[i];
		cJSON *x = cJSON_CreateObject();
		al_json_add_string(x, "signal", e->signal);
		al_json_add_string(x, "role", al_role_name(e->role));
		add_number(x, "weight", e->weight);
		al_json_add_string(x, "path", e->path);
		cJSON_AddNumberToObject(x, "line", e->line);
		cJSON_AddNumberToObject(x, "hits", e->hits);
		cJSON_AddNumberToObject(x, "distance", e->distance);
		cJSON_AddItemToArray(ev, x);
	}
	add_verdict_inputs(o, c);
	return o;
}

cJSON *al_report_json_doc(const al_result *result)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddNumberToObject(doc, "version", 1);
	cJSON *tool = cJSON_AddObjectToObject(doc, "tool");
	al_json_add_string(tool, "name", "archlint");
	al_json_add_string(tool, "version", AL_VERSION);
	cJSON *source = cJSON_AddObjectToObject(doc, "source");
	al_json_add_string(source, "mode", mode_name(result->mode));
	al_json_add_string(source, "rev", result->commit);
	cJSON_AddBoolToObject(source, "complete", !result->incomplete);
	cJSON *notices = cJSON_AddArrayToObject(source, "notices");
	for (size_t i = 0; i < result->notices.len; i++)
		cJSON_AddItemToArray(notices, al_json_string_item(result->notices.items[i]));
	cJSON *comps = cJSON_AddArrayToObject(doc, "components");
	for (size_t i = 0; i < result->components.len; i++)
		cJSON_AddItemToArray(comps, component_json(result->components.items[i]));
	cJSON *links = cJSON_AddArrayToObject(doc, "links");
	for (size_t i = 0; i < result->links.len; i++) {
		const al_link *l = result->links.items[i];
		cJSON *o = cJSON_CreateObject();
		al_json_add_string(o, "kind", l->kind);
		al_json_add_string(o, "from", l->from);
		al_json_add_string(o, "to_package", l->to_package);
		al_json_add_string(o, "library", l->library);
		cJSON *to = cJSON_AddArrayToObject(o, "to_components");
		for (size_t k = 0; k < l->to_components.len; k++)
			cJSON_AddItemToArray(to, al_json_string_item(l->to_components.items[k]));
		al_json_add_string(o, "path", l->path);
		cJSON_AddNumberToObject(o, "line", l->line);
		cJSON_AddItemToArray(links, o);
	}
	/* Open findings; accepted ones (waiver, inline, baseline, --new-from-rev) go to a
	 * "suppressed" array that is only present when there are any. */
	cJSON *findings = cJSON_AddArrayToObject(doc, "findings");
	cJSON *suppressed = NULL;
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		cJSON *o = cJSON_CreateObject();
		al_json_add_string(o, "rule", f->rule);
		al_json_add_string(o, "level", al_level_name(f->level));
		al_json_add_string(o, "component", f->component->id);
		al_json_add_string(o, "path", f->component->entry_path);
		cJSON_AddNumberToObject(o, "line", f->component->entry_line);
		al_json_add_string(o, "message", f->message);
		al_json_add_string(o, "fingerprint", f->fingerprint);
		if (!f->suppressed) {
			cJSON_AddItemToArray(findings, o);
			continue;
		}
		cJSON *why = cJSON_AddObjectToObject(o, "suppressed");
		al_json_add_string(why, "kind", al_suppress_kind_name(f->suppressed->kind));
		al_json_add_string(why, "reason", f->suppressed->reason);
		al_json_add_string(why, "origin", f->suppressed->origin);
		if (!suppressed)
			suppressed = cJSON_CreateArray();
		cJSON_AddItemToArray(suppressed, o);
	}
	if (suppressed)
		cJSON_AddItemToObject(doc, "suppressed", suppressed);
	return doc;
}

void al_report_json(FILE *out, const al_result *result)
{
	al_json_write(out, al_report_json_doc(result));
}
