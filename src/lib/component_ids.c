/*
 * component_ids.c: notices for ids in the configuration, waivers and the baseline that
 * match no component (component_ids.h), with the nearest id (util/nearest.h).
 */
#include "component_ids.h"

#include <stdint.h>
#include <stdlib.h>

#include "nearest.h"
#include "utf8.h"

/* Past this many suggestions in one check, an unknown id is named without one: each costs
 * an edit distance to every component, and thousands of stale entries need no more. */
#define MAX_SUGGESTIONS 100

void al_component_ids_init(al_component_ids *self, const al_result *result)
{
	const al_vec *comps = &result->components;
	*self = (al_component_ids){AL_STRMAP_INIT, AL_VEC_INIT,
	                           al_calloc(comps->len + 1, sizeof(char *)), comps->len, 0};
	for (size_t i = 0; i < comps->len; i++) {
		const al_component *c = comps->items[i];
		self->ids[i] = c->id;
		al_vec *v = al_calloc(1, sizeof(*v));
		al_vec_push(&self->findings, v);
		al_strmap_set(&self->known, c->id, v);
	}
	for (size_t i = 0; i < result->findings.len; i++) {
		al_finding *f = result->findings.items[i];
		al_vec *v = al_strmap_get(&self->known, f->component->id);
		if (v)
			al_vec_push(v, f);
	}
	/* Ids are written to the baseline as valid UTF-8, so a sanitized id counts too. */
	for (size_t i = 0; i < comps->len; i++) {
		char *clean = al_utf8_sanitize(self->ids[i]);
		if (!al_strmap_has(&self->known, clean))
			al_strmap_set(&self->known, clean, self->findings.items[i]);
		free(clean);
	}
}

static void free_findings(void *p)
{
	al_vec_dispose(p);
	free(p);
}

void al_component_ids_dispose(al_component_ids *self)
{
	al_strmap_dispose(&self->known);
	al_vec_dispose_with(&self->findings, free_findings);
	free(self->ids);
}

const al_vec *al_component_ids_findings(const al_component_ids *self, const char *id)
{
	return al_strmap_get(&self->known, id);
}

char *al_component_ids_unknown(al_component_ids *self, const char *origin, const char *what,
                               const char *id, const char *advice)
{
	if (al_strmap_has(&self->known, id))
		return NULL;
	const char *near = NULL;
	if (self->suggested < MAX_SUGGESTIONS) {
		self->suggested++;
		near = al_nearest(id, self->ids, self->n);
	}
	return near ? al_sprintf("%s: %s names '%s', which matches no component: did you "
	                         "mean '%s'?",
	                         origin, what, id, near)
	            : al_sprintf("%s: %s names '%s', which matches no component%s", origin, what,
	                         id, advice);
}

void al_config_check_component_ids(const al_config *config, al_component_ids *ids,
                                   al_result *result)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(config->doc, "components"))
	{
		char *origin = al_sprintf("%s:%u", config->path,
		                          al_config_line(config, "components.%s", it->string));
		char *text = al_component_ids_unknown(ids, origin, "\"components\"", it->string,
		                                      " ('archlint components' lists them)");
		if (text)
			al_vec_push(&result->notices, text);
		free(origin);
	}
}
