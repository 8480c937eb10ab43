/*
 * policy.h: the findings stage — the guideline rules (rules/policy.json, levels adjusted by
 * the configuration) applied to classified components. Pure: components and rules in,
 * findings (sorted by location, fingerprinted by rule, component and language) out.
 */
#ifndef AL_POLICY_H
#define AL_POLICY_H

#include "archlint.h"
#include "rules.h"

/* Appends to result->findings a finding for every rule whose conditions a component of
 * result->components meets. */
void al_policy_apply(al_result *result, const al_ruleset *rules);

#endif
