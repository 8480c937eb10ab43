/*
 * report_gitlab.c: a GitLab Code Quality report (artifacts:reports:codequality) — a JSON
 * array of CodeClimate issues, one per open finding: description, check_name, a
 * fingerprint unique in the report (the finding's: rule, component and language, so it
 * stays the same when lines move and GitLab can tell new issues from fixed ones),
 * severity, location.path relative to the repository root and location.lines.begin.
 * Strings are made valid UTF-8 before cJSON escapes them.
 */
#include <stdlib.h>

#include "json.h"
#include "report.h"
#include "utf8.h"
#include "rules.h"

static const char *severity(al_level level)
{
	return level == AL_LEVEL_ERROR ? "critical" : level == AL_LEVEL_WARNING ? "major" : "info";
}

static void add_text(cJSON *obj, const char *key, const char *value)
{
	char *clean = al_utf8_sanitize(value ? value : "");
	cJSON_AddStringToObject(obj, key, clean);
	free(clean);
}

void al_report_gitlab(FILE *out, const al_result *result)
{
	cJSON *doc = cJSON_CreateArray();
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			continue;
		const al_component *c = f->component;
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "type", "issue");
		add_text(o, "check_name", f->rule);
		add_text(o, "description", f->message);
		const al_rule *rule = al_ruleset_find_rule(result->rules, f->rule);
		if (rule) {
			cJSON *content = cJSON_AddObjectToObject(o, "content");
			char *body = al_sprintf("%s: %s", rule->title, rule->rationale);
			add_text(content, "body", body);
			free(body);
		}
		cJSON_AddStringToObject(o, "fingerprint", f->fingerprint);
		cJSON_AddStringToObject(o, "severity", severity(f->level));
		cJSON *loc = cJSON_AddObjectToObject(o, "location");
		add_text(loc, "path", c->entry_path);
		cJSON *lines = cJSON_AddObjectToObject(loc, "lines");
		cJSON_AddNumberToObject(lines, "begin", c->entry_line ? c->entry_line : 1);
		if (c->owners.len) {
			cJSON *owners = cJSON_AddArrayToObject(o, "owners");
			for (size_t k = 0; k < c->owners.len; k++)
				cJSON_AddItemToArray(owners,
				                     al_json_string_item(c->owners.items[k]));
		}
		cJSON_AddItemToArray(doc, o);
	}
	al_json_write(out, doc);
}
