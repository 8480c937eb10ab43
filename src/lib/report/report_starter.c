/*
 * report_starter.c: the configuration `archlint init` writes — every classified component
 * declared with its current role and confidence, to review rather than to fill in, and the
 * active rules at their levels.
 */
#include <stdlib.h>

#include "report.h"
#include "rules.h"

char *al_report_starter_config(const al_result *result)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON *components = cJSON_AddObjectToObject(doc, "components");
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		if (c->role == AL_ROLE_UNCLASSIFIED || cJSON_HasObjectItem(components, c->id))
			continue; /* no role to declare; one id for a Go and a Rust component */
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "role", al_role_name(c->role));
		cJSON_AddNumberToObject(o, "confidence",
		                        (double)(long)(c->confidence * 100 + 0.5) / 100);
		cJSON_AddItemToObject(components, c->id, o);
	}
	cJSON *rules = cJSON_AddObjectToObject(doc, "rules");
	for (size_t i = 0; i < result->rules->rules.len; i++) {
		const al_rule *r = result->rules->rules.items[i];
		cJSON *o = cJSON_AddObjectToObject(rules, r->id);
		cJSON_AddStringToObject(o, "level", al_level_name(r->level));
	}
	cJSON_AddArrayToObject(doc, "exclude");
	cJSON_AddArrayToObject(doc, "signals");
	char *printed = cJSON_Print(doc);
	cJSON_Delete(doc);
	char *text = al_sprintf("%s\n", printed);
	free(printed);
	return text;
}
