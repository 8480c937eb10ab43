/*
 * report_json.h: the JSON contract as a cJSON document, for the formats built on it
 * (explain, the review report's JSON) inside the core.
 */
#ifndef AL_REPORT_JSON_H
#define AL_REPORT_JSON_H

#include <cjson/cJSON.h>

#include "archlint.h"

/* version, tool, source, components, findings; the caller frees it with cJSON_Delete. */
cJSON *al_report_json_doc(const al_result *result);

#endif
