/*
 * config.h: a repository's .archlint.json or .archlint.yaml (the same keys) — declared
 * component roles, rule levels, extra signals and path excludes.
 *
 *   { "components": { "cmd/proxy": { "role": "data-path", "confidence": 0.91 } },
 *     "rules": { "AL002": { "level": "warning" } },
 *     "signals": [ { "id": ..., "role": ..., "weight": ..., "why": ..., "imports": [...] } ],
 *     "exclude": [ "legacy" ],
 *     "groups": { "services/billing": "billing" },
 *     "max_file_bytes": 1048576,
 *     "min_confidence": 0.6,
 *     "waivers": [ { "component": "cmd/proxy", "rule": "AL001", "reason": "...",
 *                    "expires": "2025-09-30" } ] }
 *
 * A component's "confidence" is what archlint had in the role when `archlint init` wrote
 * the declaration, for its reviewer; it is checked (0 to 1) and never read back.
 * al_config_parse allocates; al_config_free frees. Unknown keys are errors, naming the key
 * meant when one is close: a typo in a gate's configuration must not silently pass.
 */
#ifndef AL_CONFIG_H
#define AL_CONFIG_H

#include <cjson/cJSON.h>

#include "rules.h"

/* Accepted debt: one rule on one component, with a reason, until an expiry date. */
typedef struct {
	char *component;
	char *rule;
	char *reason;
	char *expires; /* YYYY-MM-DD: hides its finding through that day (UTC) */
	unsigned line; /* of the waiver in the configuration file */
} al_waiver;

typedef struct {
	char *path;            /* where it was read from, for messages */
	cJSON *doc;            /* owned */
	al_strmap lines;       /* "0.components.cmd/x" -> line, for messages (json_lines.h) */
	al_strmap roles;       /* component id -> al_role + 1, as (void *)(uintptr_t) */
	al_vec excludes;       /* char * globs */
	size_t max_file_bytes; /* larger source files are data or generated: skipped, noticed */
	double min_confidence; /* overrides rules/classify.json's when >= 0 */
	al_vec waivers;        /* al_waiver * (waivers.c) */
} al_config;

/* Files over 1 MiB are tables and generated code, not hand-written service logic; parsing
 * them costs more memory than the rest of a repository together. */
#define AL_DEFAULT_MAX_FILE_BYTES ((size_t)1 << 20)
/* Past 8 MiB a parse tree costs gigabytes (a 50 MB generated file: 5.5 GB): never allowed. */
#define AL_MAX_MAX_FILE_BYTES ((size_t)8 << 20)

/* Reads text as YAML when path ends in .yaml or .yml (al_config_is_yaml), else as JSON. */
int al_config_parse(al_config **out, const char *path, const char *text, size_t len);
int al_config_is_yaml(const char *path);
/* The line of a key or element by its dotted path within the file ("waivers.2"), printf-
 * style; 1 when the file has no such path. */
unsigned al_config_line(const al_config *self, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The system a component's package directory is grouped in: the name of the first
 * "groups" glob that matches it or, failing that, its nearest parent (and its line), or
 * NULL. */
const char *al_config_group(const al_config *self, const char *dir, unsigned *line);
/* Adds the config's signals and rule levels to a ruleset that has not been finished. */
int al_config_apply(const al_config *self, al_ruleset *rules);
/* The declared role of a component id, or -1. */
int al_config_role(const al_config *self, const char *id, unsigned *line);
int al_config_excludes(const al_config *self, const char *path);
void al_config_free(al_config *self);

/* waivers.c: parses and validates "waivers" (called by al_config_parse); checks their rule
 * ids against the ruleset (called by al_config_apply); frees one waiver. */
int al_config_parse_waivers(al_config *self);
int al_config_check_waivers(const al_config *self, const al_ruleset *rules);
void al_waiver_free(void *waiver);

#endif
