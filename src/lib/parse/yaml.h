/*
 * yaml.h: YAML documents read with the tree-sitter YAML grammar into cJSON — enough for
 * Backstage catalog files and the configuration: mappings, sequences and scalars (every
 * scalar as a string, or with AL_YAML_TYPED the plain ones typed as the YAML core schema
 * reads them: null, true/false, numbers; quoted scalars stay strings).
 *
 * al_yaml_parse returns a cJSON array with one item per document; the caller frees it with
 * cJSON_Delete. When lines is not NULL it receives each mapping key's dotted path within
 * its document ("0.metadata.annotations.archlint.io/role"), and each sequence item's
 * ("0.spec.providesApis.2"), mapped to its 1-based line,
 * stored as (void *)(uintptr_t)line. A syntax error fails with AL_ECONFIG naming
 * path:line:column, and so does a file of more than 32,767 lines (the grammar's scanner
 * counts rows in 16 bits and cannot parse past them).
 */
#ifndef AL_YAML_H
#define AL_YAML_H

#include <cjson/cJSON.h>
#include <tree_sitter/api.h>

#include "archlint.h"

#define AL_YAML_TYPED 1u

int al_yaml_parse(cJSON **out, al_strmap *lines, TSParser *parser, const char *path,
                  const char *source, size_t len, unsigned flags);

#endif
