/*
 * component_ids.c: notices for ids in the configuration, waivers and the baseline that
 * match no component (component_ids.h), with the nearest id (util/nearest.h).
 */
#include "component_ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util/nearest.h"

/* Ids are written to the baseline as valid UTF-8, so a sanitized id counts too. */
static int names_component(const al_component *c, const char *id)
{
	if (strcmp(c->id, id) == 0)
		return 1;
	char *clean = al_utf8_sanitize(c->id);
	int same = strcmp(clean, id) == 0;
	free(clean);
	return same;
}

char *al_unknown_component_notice(const al_result *result, const char *origin, const char *what,
                                  const char *id, const char *advice)
{
	const al_vec *comps = &result->components;
	const char **ids = al_calloc(comps->len + 1, sizeof(*ids));
	for (size_t i = 0; i < comps->len; i++) {
		const al_component *c = comps->items[i];
		if (names_component(c, id)) {
			free(ids);
			return NULL;
		}
		ids[i] = c->id;
	}
	const char *near = al_nearest(id, ids, comps->len);
	char *text = near ? al_sprintf("%s: %s names '%s', which matches no component: did you "
	                               "mean '%s'?",
	                               origin, what, id, near)
	                  : al_sprintf("%s: %s names '%s', which matches no component%s", origin,
	                               what, id, advice);
	free(ids);
	return text;
}

void al_config_check_component_ids(const al_config *config, al_result *result)
{
	for (size_t i = 0; i < config->role_lines.cap; i++) {
		const al_strmap_slot *s = &config->role_lines.slots[i];
		if (!s->key)
			continue;
		char *origin = al_sprintf("%s:%u", config->path, (unsigned)(uintptr_t)s->value);
		char *text = al_unknown_component_notice(result, origin, "\"components\"", s->key,
		                                         " ('archlint components' lists them)");
		if (text)
			al_vec_push(&result->notices, text);
		free(origin);
	}
}
