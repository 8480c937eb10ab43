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

/* NULL when id names a component of result; else the notice "ORIGIN: WHAT names 'ID', which
 * matches no component: did you mean 'NEAREST'?", or without a near id, ADVICE after
 * "component" (allocated). */
char *al_unknown_component_notice(const al_result *result, const char *origin, const char *what,
                                  const char *id, const char *advice);
/* A notice for each id under the configuration's "components" that matches no component. */
void al_config_check_component_ids(const al_config *config, al_result *result);

#endif
