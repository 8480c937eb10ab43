/*
 * verdict.h: the decision stage — a component's features (verdict_features.h) and declarations
 * in, its role, confidence, hybrid mark and the one line that explains them out.
 */
#ifndef AL_VERDICT_H
#define AL_VERDICT_H

#include "archlint.h"
#include "config.h"
#include "rules.h"
#include "verdict_features.h"

/* v to two decimals, as scores, features and probabilities are reported. */
double al_round2(double v);

/* features: AL_FEATURE__COUNT values, as classify.c computed them for c (whose scores,
 * lifecycle, shipments and inline declaration are set). config may be NULL. Pure: reads
 * nothing else, writes only c. */
void al_verdict_decide(const al_ruleset *rules, const al_config *config, al_component *c,
                       const double *features);

#endif
