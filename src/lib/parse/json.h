/*
 * json.h: cJSON parsing with errors a user can act on ("file:line:col: invalid JSON"),
 * small typed getters, and writing (json_write.c). Parsed documents are freed by the caller with
 * cJSON_Delete.
 */
#ifndef AL_JSON_H
#define AL_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>

#include "strmap.h"

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

/* al_json_add_string adds value made valid UTF-8 under key, or null when value is NULL;
 * al_json_string_item returns a new string item made valid UTF-8; al_json_write prints doc
 * and a newline to out, then frees doc. */
void al_json_add_string(cJSON *obj, const char *key, const char *value);
cJSON *al_json_string_item(const char *value);
void al_json_write(FILE *out, cJSON *doc);

#endif
