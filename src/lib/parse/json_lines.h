/*
 * json_lines.h: the positions cJSON does not keep (json_lines.c).
 *
 * al_json_lines walks text[0..len), a JSON value cJSON has accepted. When lines is not
 * NULL it receives the 1-based line of every object key and array element under its
 * dotted path from "0" (the document, as al_yaml_parse numbers YAML documents):
 * "0.components.cmd/proxy", "0.waivers.2", stored as (void *)(uintptr_t)line; the first
 * of two equal paths keeps its line. Returns the byte offset of the first key written
 * twice in one object, or -1; *dup_key (when not NULL) receives that key, malloc'ed, or
 * NULL.
 */
#ifndef AL_JSON_LINES_H
#define AL_JSON_LINES_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "strmap.h"

long al_json_lines(const char *text, size_t len, al_strmap *lines, char **dup_key);

/* The line recorded for path (printf-style), or 0 when none is. */
unsigned al_doc_line(const al_strmap *lines, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
