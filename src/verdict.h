/*
 * verdict.h: the decision stage — a component's features (verdict_features.h) and declarations
 * in, its role, confidence, hybrid mark and the one line that explains them out.
 */
#ifndef AL_VERDICT_H
#define AL_VERDICT_H

#include "verdict_features.h"
#include "scan.h"

/* features: AL_FEATURE__COUNT values, as classify.c computed them for found. */
void al_verdict_decide(al_scan *scan, al_found *found, const double *features);

#endif
