/*
 * model.h: the verdict model — a multinomial logistic model over a component's features
 * (verdict_features.h), read from rules/model.json, whose coefficients scripts/fit-model writes.
 *
 *   { "classes": ["data-path", "control-plane", "tool"],
 *     "intercepts": { "data-path": 0.1, ... },
 *     "coefficients": { "data-path": { "evidence.data-path": 1.3, ... }, ... } }
 *
 * A feature the model does not name has coefficient 0; a name archlint does not compute
 * is an error naming the file. al_model_parse allocates; al_model_free frees.
 */
#ifndef AL_MODEL_H
#define AL_MODEL_H

#include <stddef.h>

#include "verdict_features.h"

struct al_model {
	double intercept[AL_MODEL_CLASSES];
	double coef[AL_MODEL_CLASSES][AL_FEATURE__COUNT];
};
typedef struct al_model al_model;

int al_model_parse(al_model **out, const char *path, const char *text, size_t len);
/* Class probabilities (data-path, control-plane, tool) of one feature vector. */
void al_model_predict(const al_model *self, const double *features, double *probabilities);
/* What feature f added to class k's score for this vector (coefficient times value). */
double al_model_contribution(const al_model *self, int k, int f, const double *features);
void al_model_free(al_model *self);

#endif
