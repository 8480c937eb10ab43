/*
 * report.h: the output formats of a scan. Each reporter writes one whole document to a
 * stream and escapes every repository-controlled string for its format.
 */
#ifndef AL_REPORT_H
#define AL_REPORT_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "archlint.h"

/* Compiler-style findings: "path:line: level: message [RULE]". */
void al_report_text(FILE *out, const al_result *result);
/* The discovered components as an aligned table. */
void al_report_components_text(FILE *out, const al_result *result);
/* The JSON contract (see README): version, tool, source, components, findings. The caller
 * frees the document with cJSON_Delete. */
cJSON *al_report_json_doc(const al_result *result);
void al_report_json(FILE *out, const al_result *result);
/* Writes s with control characters escaped as \n, \t, \xHH: one record stays one line. */
void al_text_escape(FILE *out, const char *s);
/* A copy of s that is valid UTF-8: invalid bytes become U+FFFD. */
char *al_utf8_sanitize(const char *s);

#endif
