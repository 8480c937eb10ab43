/*
 * test_model.c: the verdict model (model.h) read from hand-written model.json texts —
 * probabilities that sum to one and follow the coefficients, a feature's contribution,
 * a feature left out (coefficient 0), and the errors a broken model file gets: invalid
 * JSON, an unknown feature name, a missing class, a coefficient that is not a number.
 */
#include "unit.h"

#include <math.h>

#include "model.h"

static al_model *parse(const char *text)
{
	al_model *m = NULL;
	assert_ok(al_model_parse(&m, "rules/model.json", text, strlen(text)));
	return m;
}

static const char good[] =
    "{ \"intercepts\": { \"data-path\": 0, \"control-plane\": 0, \"tool\": 1 },"
    "  \"coefficients\": {"
    "    \"data-path\": { \"evidence.data-path\": 2, \"lifecycle.server\": 1 },"
    "    \"control-plane\": { \"evidence.control-plane\": 2 },"
    "    \"tool\": { \"evidence.tool\": 2, \"unshipped\": 1 } } }";

static void predicts(void **state)
{
	(void)state;
	al_model *m = parse(good);
	double x[AL_FEATURE__COUNT] = {0}, p[AL_MODEL_CLASSES];
	al_model_predict(m, x, p);
	assert_true(fabs(p[0] + p[1] + p[2] - 1) < 1e-9);
	assert_true(p[2] > p[0] && fabs(p[0] - p[1]) < 1e-9); /* only the tool intercept */
	x[AL_F_DATA_PATH] = 2;
	x[AL_F_SERVER] = 1;
	al_model_predict(m, x, p);
	assert_true(p[0] > 0.9);
	assert_true(fabs(al_model_contribution(m, 0, AL_F_DATA_PATH, x) - 4) < 1e-9);
	assert_true(fabs(al_model_contribution(m, 1, AL_F_DATA_PATH, x)) < 1e-9); /* left out */
	al_model_free(m);
}

static void rejects(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "{ \"intercepts\": ",
	    "{ \"intercepts\": { \"data-path\": 0, \"control-plane\": 0, \"tool\": 0 },"
	    "  \"coefficients\": { \"data-path\": { \"own.magic\": 1 }, \"control-plane\": {},"
	    "  \"tool\": {} } }",
	    "{ \"intercepts\": { \"data-path\": 0, \"control-plane\": 0 },"
	    "  \"coefficients\": { \"data-path\": {}, \"control-plane\": {}, \"tool\": {} } }",
	    "{ \"intercepts\": { \"data-path\": 0, \"control-plane\": 0, \"tool\": 0 },"
	    "  \"coefficients\": { \"data-path\": { \"unshipped\": \"1\" }, \"control-plane\": {},"
	    "  \"tool\": {} } }",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		al_model *m = NULL;
		int rc = al_model_parse(&m, "rules/model.json", bad[i], strlen(bad[i]));
		if (rc == 0)
			fail_msg("model %zu was accepted: %s", i, bad[i]);
		assert_null(m);
		assert_contains(al_error_last(), "rules/model.json");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(predicts),
	    cmocka_unit_test(rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
