/*
 * test_verdict.c: the decision stage (verdict.h) on hand-built components and a hand-written
 * model — the most probable role wins; below min_confidence, or a server with no role
 * evidence, is unclassified; a shipped program or one without tool grounds is never a tool;
 * a hybrid needs the data-path evidence to be the stronger; a declaration wins and strong
 * contrary evidence marks it contradicted (AL005).
 */
#include "unit.h"

#include <math.h>

#include "model.h"
#include "rules.h"
#include "verdict.h"

/* Each class follows its own evidence; tool also follows "unshipped". */
static const char model_json[] =
    "{ \"intercepts\": { \"data-path\": 0, \"control-plane\": 0, \"tool\": 0 },"
    "  \"coefficients\": {"
    "    \"data-path\": { \"evidence.data-path\": 2 },"
    "    \"control-plane\": { \"evidence.control-plane\": 2 },"
    "    \"tool\": { \"evidence.tool\": 2, \"unshipped\": 2 } } }";

typedef struct {
	al_ruleset *rules;
	al_component c;
	double x[AL_FEATURE__COUNT];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	f->rules = al_ruleset_new();
	f->rules->thresholds.min_confidence = 0.4;
	f->rules->thresholds.server_min_evidence = 1;
	f->rules->thresholds.hybrid_min = 8;
	f->rules->thresholds.hybrid_ratio = 0.6;
	f->rules->thresholds.contradiction_min = 6;
	if (al_model_parse(&f->rules->model, "model.json", model_json, strlen(model_json)))
		return -1;
	f->c.id = "cmd/x";
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	free(f->c.decided_by);
	free(f->c.declared);
	al_vec_dispose_with(&f->c.shipped, free); /* paths are literals */
	al_ruleset_free(f->rules);
	free(f);
	return 0;
}

/* Sets the evidence scores and their features (log1p, as classify.c computes them). */
static void evidence(fixture *f, double dp, double cp, double tool)
{
	f->c.scores[AL_ROLE_DATA_PATH] = dp;
	f->c.scores[AL_ROLE_CONTROL_PLANE] = cp;
	f->c.scores[AL_ROLE_TOOL] = tool;
	f->x[AL_F_DATA_PATH] = log1p(dp);
	f->x[AL_F_CONTROL_PLANE] = log1p(cp);
	f->x[AL_F_TOOL] = log1p(tool);
}

static void decide(fixture *f)
{
	free(f->c.decided_by);
	f->c.decided_by = NULL;
	al_verdict_decide(f->rules, NULL, &f->c, f->x);
}

static void most_probable_wins(void **state)
{
	fixture *f = *state;
	evidence(f, 6, 1, 1);
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_DATA_PATH);
	assert_true(f->c.confidence > 0.4);
	assert_contains(f->c.decided_by, "data-path");
	assert_contains(f->c.decided_by, "evidence.data-path");
}

static void abstains(void **state)
{
	fixture *f = *state;
	evidence(f, 2, 2, 2); /* a three-way tie: 0.33 each */
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_UNCLASSIFIED);
	assert_contains(f->c.decided_by, "min_confidence");
	/* A server whose only role evidence is very weak. */
	evidence(f, 0, 0.5, 0);
	f->c.lifecycle = AL_LIFE_SERVER;
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_UNCLASSIFIED);
	assert_contains(f->c.decided_by, "no evidence of its role");
}

static void tool_needs_grounds(void **state)
{
	fixture *f = *state;
	/* No tool signal and not left out of the deployments: not a tool, whatever the odds. */
	evidence(f, 0.5, 0, 0);
	f->x[AL_F_UNSHIPPED] = 0;
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_DATA_PATH);
	assert_contains(f->c.decided_by, "not a tool: no tool signal");
	/* A strong tool signal, but shipped as a service. */
	evidence(f, 1, 2, 8);
	al_shipment *s = calloc(1, sizeof(*s));
	s->kind = AL_SHIP_SERVICE;
	s->path = "deploy/agent.yaml";
	s->line = 9;
	al_vec_push(&f->c.shipped, s);
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_CONTROL_PLANE);
	assert_contains(f->c.decided_by, "shipped as a service by deploy/agent.yaml:9");
	/* Only built by the repository: a tool stays possible. */
	s->kind = AL_SHIP_BUILD;
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_TOOL);
}

static void hybrid_needs_stronger_data_path(void **state)
{
	fixture *f = *state;
	evidence(f, 12, 10, 0);
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_DATA_PATH);
	assert_true(f->c.hybrid);
	evidence(f, 10, 12, 0);
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_CONTROL_PLANE);
	assert_false(f->c.hybrid);
}

static void declaration_wins(void **state)
{
	fixture *f = *state;
	evidence(f, 20, 0, 0);
	f->c.declared = strdup("cmd/x/main.go: //archlint:role");
	f->c.declared_as = AL_ROLE_CONTROL_PLANE;
	decide(f);
	assert_int_equal(f->c.role, AL_ROLE_CONTROL_PLANE);
	assert_int_equal(f->c.evidence_role, AL_ROLE_DATA_PATH);
	assert_true(f->c.contradicted);
	assert_contains(f->c.decided_by, "declared control-plane");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(most_probable_wins, setup, teardown),
	    cmocka_unit_test_setup_teardown(abstains, setup, teardown),
	    cmocka_unit_test_setup_teardown(tool_needs_grounds, setup, teardown),
	    cmocka_unit_test_setup_teardown(hybrid_needs_stronger_data_path, setup, teardown),
	    cmocka_unit_test_setup_teardown(declaration_wins, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
