/*
 * json.h: cJSON parsing with errors a user can act on ("file:line:col: invalid JSON"),
 * and small typed getters. Parsed documents are freed by the caller with cJSON_Delete.
 */
#ifndef AL_JSON_H
#define AL_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "util/strmap.h"

/* The most archlint reads of one JSON input (configuration, baseline, rules file). */
#define AL_JSON_MAX_BYTES ((size_t)16 << 20)

/* Parses text[0..len) as one JSON value: a NUL byte, bytes after the value or a key twice
 * in one object is an error like malformed JSON ("path:line:col: cause"). */
int al_json_parse(cJSON **out, const char *path, const char *text, size_t len);
/* Line and column (1-based) of a byte offset in text. */
void al_text_position(const char *text, size_t offset, unsigned *line, unsigned *col);
/* al_json_parse, and the line of every key and element by path (json_lines.h). */
int al_json_parse_lines(cJSON **out, al_strmap *lines, const char *path, const char *text,
                        size_t len);
const char *al_json_string(const cJSON *obj, const char *key);

#endif
