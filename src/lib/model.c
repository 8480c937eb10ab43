/*
 * model.c: reads rules/model.json and evaluates the multinomial logistic model: each
 * class's score is its intercept plus the sum of coefficient times feature, and the
 * probabilities are the softmax of the scores. Reading is strict (unknown classes or
 * features, non-numbers are errors naming the file), so a model fitted against another
 * feature set cannot be used by mistake.
 */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "archlint.h"
#include "json.h"

const char *al_feature_name(int feature)
{
	static const char *const names[AL_FEATURE__COUNT] = {
	    "evidence.data-path", "evidence.control-plane", "evidence.tool", "lifecycle.server",
	    "lifecycle.command",  "shipped.service",        "shipped.job",   "shipped.container",
	    "shipped.package",    "shipped.build",          "unshipped",
	};
	return feature >= 0 && feature < AL_FEATURE__COUNT ? names[feature] : NULL;
}

int al_feature_find(const char *name)
{
	for (int f = 0; f < AL_FEATURE__COUNT; f++)
		if (strcmp(al_feature_name(f), name) == 0)
			return f;
	return -1;
}

static int class_of(const char *name)
{
	al_role r;
	return al_role_parse(&r, name) == 0 && (int)r < AL_MODEL_CLASSES ? (int)r : -1;
}

static int read_classes(al_model *m, const cJSON *doc, const char *path)
{
	int intercepts = 0, coefficients = 0; /* bit k: class k was given */
	const cJSON *k;
	cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(doc, "intercepts"))
	{
		int c = class_of(k->string);
		if (c < 0 || !cJSON_IsNumber(k)) {
			al_error_set("%s: intercepts: '%s' is not a class with a number", path,
			             k->string);
			return AL_ECONFIG;
		}
		m->intercept[c] = k->valuedouble;
		intercepts |= 1 << c;
	}
	cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(doc, "coefficients"))
	{
		int c = class_of(k->string);
		if (c < 0 || !cJSON_IsObject(k)) {
			al_error_set("%s: coefficients: '%s' is not a class", path, k->string);
			return AL_ECONFIG;
		}
		coefficients |= 1 << c;
		const cJSON *f;
		cJSON_ArrayForEach(f, k)
		{
			int id = al_feature_find(f->string);
			if (id < 0 || !cJSON_IsNumber(f)) {
				al_error_set(
				    "%s: coefficients.%s: unknown feature '%s' or not a number",
				    path, k->string, f->string);
				return AL_ECONFIG;
			}
			m->coef[c][id] = f->valuedouble;
		}
	}
	for (int c = 0; c < AL_MODEL_CLASSES; c++)
		if (!(intercepts & coefficients & (1 << c))) {
			al_error_set("%s: class '%s' needs an intercept and coefficients", path,
			             al_role_name((al_role)c));
			return AL_ECONFIG;
		}
	return 0;
}

int al_model_parse(al_model **out, const char *path, const char *text, size_t len)
{
	*out = NULL;
	cJSON *doc = NULL;
	int err = al_json_parse(&doc, path, text, len);
	if (err)
		return err;
	al_model *m = al_calloc(1, sizeof(*m));
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(doc, "coefficients"))) {
		al_error_set("%s: expected {\"intercepts\": {...}, \"coefficients\": {...}}", path);
		err = AL_ECONFIG;
	}
	if (!err)
		err = read_classes(m, doc, path);
	cJSON_Delete(doc);
	if (err) {
		free(m);
		return err;
	}
	*out = m;
	return 0;
}

void al_model_predict(const al_model *self, const double *features, double *probabilities)
{
	double score[AL_MODEL_CLASSES], top = -INFINITY, sum = 0;
	for (int k = 0; k < AL_MODEL_CLASSES; k++) {
		score[k] = self->intercept[k];
		for (int f = 0; f < AL_FEATURE__COUNT; f++)
			score[k] += self->coef[k][f] * features[f];
		if (score[k] > top)
			top = score[k];
	}
	for (int k = 0; k < AL_MODEL_CLASSES; k++)
		sum += probabilities[k] = exp(score[k] - top);
	for (int k = 0; k < AL_MODEL_CLASSES; k++)
		probabilities[k] /= sum;
}

double al_model_contribution(const al_model *self, int k, int f, const double *features)
{
	return self->coef[k][f] * features[f];
}

void al_model_free(al_model *self)
{
	free(self);
}
