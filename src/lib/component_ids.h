/*
 * component_ids.h: ids that a repository's own files name — the configuration's
 * "components", waivers, baseline entries — checked against the components found. An id
 * that matches none is most often a typo or a rename, and would otherwise quietly do
 * nothing (a declared role never applied, a waiver or baseline entry never matching), so
 * it is a notice with the nearest existing id.
 */
#ifndef AL_COMPONENT_IDS_H
#define AL_COMPONENT_IDS_H

#include "config.h"

#include "strmap.h"

/* The components' ids of one result and their findings, indexed once for the many names
 * of waivers and baseline entries (each looked up in constant time). */
typedef struct {
	al_strmap known;  /* each id, and its valid-UTF-8 spelling -> its findings */
	al_vec findings;  /* al_vec * of al_finding *, one per component (owned) */
	const char **ids; /* borrowed from the result */
	size_t n;
	size_t suggested; /* nearest ids looked up so far (they are bounded) */
} al_component_ids;

void al_component_ids_init(al_component_ids *self, const al_result *result);
void al_component_ids_dispose(al_component_ids *self);
/* The findings of the component id names (al_finding *, in the result's order), or NULL
 * when it names none. */
const al_vec *al_component_ids_findings(const al_component_ids *self, const char *id);
/* NULL when id names a component; else the notice "ORIGIN: WHAT names 'ID', which matches
 * no component: did you mean 'NEAREST'?", or without a near id (or past the first hundred
 * looked up), ADVICE after "component" (allocated). */
char *al_component_ids_unknown(al_component_ids *self, const char *origin, const char *what,
                               const char *id, const char *advice);
/* A notice for each id under the configuration's "components" that matches no component
 * (ids indexes result's components). */
void al_config_check_component_ids(const al_config *config, al_component_ids *ids,
                                   al_result *result);

#endif
