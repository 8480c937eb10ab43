/*
 * suppress.h: the acceptance stage's first half — inline `//archlint:ignore` directives
 * (collected by extraction from each component's entry file) and the configuration's
 * waivers mark findings accepted; the baseline (gate.h) comes after. Problems with either
 * are notices in the result, never fatal: a bad directive leaves its finding open.
 */
#ifndef AL_SUPPRESS_H
#define AL_SUPPRESS_H

#include "archlint.h"
#include "config.h"
#include "extract.h"
#include "rules.h"

typedef struct {
	const al_ruleset *rules; /* the rule ids a directive may name */
	const al_config *config; /* waivers and declared ids; may be NULL */
	const al_strmap *facts;  /* path -> al_file_facts *: the entry files' directives */
} al_suppress_input;

void al_suppress_apply(al_result *result, const al_suppress_input *in);

#endif
