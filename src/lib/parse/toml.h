/*
 * toml.h: TOML documents (Cargo.toml) read with the tree-sitter TOML grammar into cJSON.
 *
 * al_toml_parse returns a cJSON object the caller frees with cJSON_Delete. When lines is
 * not NULL it receives, for every key, its dotted path ("dependencies.tokio"; array-of-table
 * elements as "bin.0.name") mapped to its 1-based line, stored as (void *)(uintptr_t)line.
 * A syntax error fails with AL_ECONFIG and a message naming path, line and column.
 */
#ifndef AL_TOML_H
#define AL_TOML_H

#include <cjson/cJSON.h>
#include <tree_sitter/api.h>

#include "archlint.h"

int al_toml_parse(cJSON **out, al_strmap *lines, TSParser *parser, const char *path,
                  const char *source, size_t len);

#endif
