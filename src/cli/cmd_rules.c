/*
 * cmd_rules.c: `archlint rules` — the active guideline rules and every signal, with
 * their rationale. Loading the rules here also validates them: a query that does not
 * compile or a malformed table is reported with its file and position.
 */
#include <stdlib.h>
#include <string.h>

#include "../rules.h"
#include "cli.h"
#include "report.h"

static const char *const kind_names[] = {"import", "crate", "path", "name", "fact", "query"};

static void rules_text(FILE *out, const al_ruleset *rs)
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

static void rules_json(FILE *out, const al_ruleset *rs)
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

int al_cmd_rules(al_cli_options *opts)
{
	al_ruleset *rs = al_ruleset_new();
	const char *dir = opts->scan.rules_dir ? opts->scan.rules_dir : getenv("ARCHLINT_RULES");
	int err = dir && *dir ? al_ruleset_load_dir(rs, dir) : al_ruleset_load_embedded(rs);
	if (!err)
		err = al_ruleset_finish(rs);
	if (err) {
		al_ruleset_free(rs);
		return al_cli_fail();
	}
	FILE *out = al_cli_open_output(opts);
	if (!out) {
		al_ruleset_free(rs);
		return al_cli_fail();
	}
	if (strcmp(opts->format, "json") == 0)
		rules_json(out, rs);
	else
		rules_text(out, rs);
	err = al_cli_close_output(opts, out);
	al_ruleset_free(rs);
	return err ? al_cli_fail() : AL_EXIT_OK;
}
