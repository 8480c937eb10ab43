/*
 * report_rules.c: `archlint rules` — the active guideline rules and every signal, with
 * their rationale, as text or JSON.
 */
#include "json.h"
#include "report.h"
#include "rules.h"

static const char *const kind_names[] = {"import", "crate", "path", "name", "fact", "query"};

void al_report_rules_text(FILE *out, const al_ruleset *rs)
{
	fprintf(out, "guideline rules:\n");
	for (size_t i = 0; i < rs->rules.len; i++) {
		const al_rule *r = rs->rules.items[i];
		fprintf(out, "  %s  %-7s  %s\n         %s\n", r->id, al_level_name(r->level),
		        r->title, r->rationale);
	}
	fprintf(out, "\nsignals (%zu):\n", rs->signals.len);
	for (size_t i = 0; i < rs->signals.len; i++) {
		const al_signal *s = rs->signals.items[i];
		const char *role =
		    s->role == AL_ROLE_UNCLASSIFIED ? "lifecycle" : al_role_name(s->role);
		fprintf(out, "  %-40s %-13s %5.2f  %-6s %s", s->id, role, s->weight,
		        kind_names[s->kind], s->why);
		if (s->lifecycle != AL_LIFE_UNKNOWN)
			fprintf(out, " [runs as: %s]", al_lifecycle_name(s->lifecycle));
		fputc('\n', out);
	}
	fprintf(out, "\nruleset hash: %s\n", rs->hash);
}

void al_report_rules_json(FILE *out, const al_ruleset *rs)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "hash", rs->hash);
	cJSON *rules = cJSON_AddArrayToObject(doc, "rules");
	for (size_t i = 0; i < rs->rules.len; i++) {
		const al_rule *r = rs->rules.items[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", r->id);
		cJSON_AddStringToObject(o, "level", al_level_name(r->level));
		cJSON_AddStringToObject(o, "title", r->title);
		cJSON_AddStringToObject(o, "message", r->message);
		cJSON_AddStringToObject(o, "rationale", r->rationale);
		cJSON_AddItemToArray(rules, o);
	}
	cJSON *signals = cJSON_AddArrayToObject(doc, "signals");
	for (size_t i = 0; i < rs->signals.len; i++) {
		const al_signal *s = rs->signals.items[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", s->id);
		cJSON_AddStringToObject(o, "kind", kind_names[s->kind]);
		cJSON_AddStringToObject(o, "role", al_role_name(s->role));
		cJSON_AddNumberToObject(o, "weight", s->weight);
		if (s->lifecycle != AL_LIFE_UNKNOWN)
			cJSON_AddStringToObject(o, "lifecycle", al_lifecycle_name(s->lifecycle));
		cJSON_AddStringToObject(o, "why", s->why);
		cJSON_AddStringToObject(o, "origin", s->origin);
		cJSON_AddItemToArray(signals, o);
	}
	al_json_write(out, doc);
}
