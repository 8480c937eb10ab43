/*
 * test_classify.c: the classification stage on hand-built closures and facts — no
 * repository, no parse: a hit counts by its distance from main, shared plumbing counts
 * least, tool evidence only in the own package, shipping becomes a feature, and the
 * verdict follows the evidence.
 */
#include <math.h>

#include "unit.h"

#include "stage_inputs.h"
#include "classify.h"

typedef struct {
	al_result *result; /* owns the components and the ruleset */
	al_strmap facts;   /* path -> al_file_facts * */
	al_vec found;      /* al_found * */
	int ships;
} fixture;

static int setup(void **state)
{
	fixture *f = al_calloc(1, sizeof(*f));
	f->result = stage_result();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	al_vec_dispose_with(&f->found, al_found_free);
	al_strmap_dispose_with(&f->facts, stage_free_facts);
	al_result_free(f->result);
	free(f);
	return 0;
}

/* A Go file at path importing import at line 3. */
static void go_file(fixture *f, const char *path, const char *import)
{
	al_file_facts *facts = al_calloc(1, sizeof(*facts));
	facts->language = AL_LANG_GO;
	facts->package = al_strdup("main");
	al_import *imp = al_calloc(1, sizeof(*imp));
	imp->path = al_strdup(import);
	imp->line = 3;
	al_vec_push(&facts->imports, imp);
	al_strmap_set(&f->facts, path, facts);
}

/* A Go component in dir whose own package holds dir/main.go. */
static al_found *go_component(fixture *f, const char *dir)
{
	al_component *c = al_calloc(1, sizeof(*c));
	c->id = al_strdup(dir);
	c->language = AL_LANG_GO;
	c->kind = "go-main-package";
	c->name = al_strdup(strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir);
	c->entry_path = al_sprintf("%s/main.go", dir);
	c->entry_line = 5;
	c->package_dir = al_strdup(dir);
	al_vec_push(&f->result->components, c);
	al_found *found = al_found_new(c);
	al_unit *own = al_found_add_unit(found, dir, 1, NULL);
	al_vec_push(&own->files, al_strdup(c->entry_path));
	al_vec_push(&f->found, found);
	return found;
}

/* A dependency of found in dir, depth hops from main, holding dir/lib.go. */
static void dependency(al_found *found, const char *dir, unsigned depth)
{
	al_unit *u = al_found_add_unit(found, dir, 0, NULL);
	u->depth = depth;
	u->via = found->units.items[found->units.len - 2];
	al_vec_push(&u->files, al_sprintf("%s/lib.go", dir));
}

static void classify(fixture *f)
{
	al_classify_input in = {f->result->rules, NULL, &f->facts, f->ships};
	al_classifier cl;
	al_classifier_init(&cl, &in, &f->found);
	for (size_t i = 0; i < f->found.len; i++)
		al_classify(&cl, f->found.items[i]);
	al_classifier_dispose(&cl);
}

static const al_evidence *evidence_of(const al_component *c, const char *signal)
{
	for (size_t i = 0; i < c->evidence.len; i++) {
		const al_evidence *e = c->evidence.items[i];
		if (strcmp(e->signal, signal) == 0)
			return e;
	}
	return NULL;
}

/* The weight rules/ gives the signal id. */
static double signal_weight(const fixture *f, const char *id)
{
	const al_vec *signals = &f->result->rules->signals;
	for (size_t i = 0; i < signals->len; i++) {
		const al_signal *s = signals->items[i];
		if (strcmp(s->id, id) == 0)
			return s->weight;
	}
	fail_msg("no signal %s", id);
	return NAN;
}

static double feature(const al_component *c, const char *name)
{
	for (size_t i = 0; i < c->features.len; i++) {
		const al_feature *x = c->features.items[i];
		if (strcmp(x->name, name) == 0)
			return x->value;
	}
	fail_msg("no feature %s", name);
	return NAN;
}

static double round2(double v)
{
	return floor(v * 100 + 0.5) / 100;
}

static void own_package_evidence_decides(void **state)
{
	fixture *f = *state;
	al_found *store = go_component(f, "cmd/store");
	go_file(f, "cmd/store/main.go", "github.com/cockroachdb/pebble");
	classify(f);
	const al_component *c = store->component;
	const al_evidence *e = evidence_of(c, "go.import.storage-engine");
	assert_non_null(e);
	assert_int_equal(e->distance, 0);
	assert_int_equal(e->line, 3);
	assert_string_equal(e->path, "cmd/store/main.go");
	assert_true(e->weight > 0);
	assert_true(c->scores[AL_ROLE_DATA_PATH] >= e->weight);
	assert_true(c->scores[AL_ROLE_CONTROL_PLANE] == 0);
	assert_int_equal(c->role, AL_ROLE_DATA_PATH);
	assert_string_equal(c->closure.items[0], "cmd/store");
	assert_int_equal(c->closure_files, 1);
	assert_true(fabs(feature(c, "evidence.data-path") -
	                 round2(log1p(c->scores[AL_ROLE_DATA_PATH]))) < 1e-9);
}

static void a_hit_counts_by_its_distance(void **state)
{
	fixture *f = *state;
	const al_thresholds *t = &f->result->rules->thresholds;
	al_found *near = go_component(f, "cmd/near");
	dependency(near, "internal/engine", 1);
	al_found *far = go_component(f, "cmd/far");
	dependency(far, "internal/glue", 1);
	dependency(far, "internal/deep", 2);
	go_file(f, "cmd/near/main.go", "fmt");
	go_file(f, "cmd/far/main.go", "fmt");
	go_file(f, "internal/engine/lib.go", "github.com/cockroachdb/pebble");
	go_file(f, "internal/glue/lib.go", "fmt");
	go_file(f, "internal/deep/lib.go", "github.com/cockroachdb/pebble");
	classify(f);
	const al_evidence *one = evidence_of(near->component, "go.import.storage-engine");
	const al_evidence *two = evidence_of(far->component, "go.import.storage-engine");
	assert_non_null(one);
	assert_non_null(two);
	assert_int_equal(one->distance, 1);
	assert_int_equal(two->distance, 2);
	assert_string_equal(two->path, "internal/deep/lib.go");
	double w = signal_weight(f, "go.import.storage-engine");
	assert_true(fabs(one->weight - round2(w * t->dependency_factor)) < 1e-9);
	assert_true(fabs(two->weight - round2(w * t->dependency_factor * t->depth_decay)) < 1e-9);
	assert_true(two->weight < one->weight);
}

static void shared_plumbing_counts_least(void **state)
{
	fixture *f = *state;
	const al_thresholds *t = &f->result->rules->thresholds;
	const char *dirs[] = {"cmd/a", "cmd/b", "cmd/c"};
	al_found *a = NULL;
	for (size_t i = 0; i < 3; i++) {
		al_found *x = go_component(f, dirs[i]);
		dependency(x, "internal/common", 1);
		char *main_go = al_sprintf("%s/main.go", dirs[i]);
		go_file(f, main_go, "fmt");
		free(main_go);
		a = a ? a : x;
	}
	go_file(f, "internal/common/lib.go", "github.com/cockroachdb/pebble");
	classify(f);
	const al_evidence *e = evidence_of(a->component, "go.import.storage-engine");
	assert_non_null(e);
	assert_true(t->shared_factor < 1);
	double alone = signal_weight(f, "go.import.storage-engine") * t->dependency_factor;
	assert_true(fabs(e->weight - round2(alone * t->shared_factor)) < 1e-9);
}

static void tool_evidence_only_in_own_package(void **state)
{
	fixture *f = *state;
	al_found *svc = go_component(f, "cmd/svc");
	dependency(svc, "internal/testutil", 1);
	go_file(f, "cmd/svc/main.go", "fmt");
	go_file(f, "internal/testutil/lib.go", "github.com/stretchr/testify/assert");
	al_found *gen = go_component(f, "cmd/gen");
	go_file(f, "cmd/gen/main.go", "github.com/stretchr/testify/assert");
	classify(f);
	assert_true(svc->component->scores[AL_ROLE_TOOL] == 0);
	assert_true(gen->component->scores[AL_ROLE_TOOL] > 0);
}

static void unshipped_when_the_repository_ships_others(void **state)
{
	fixture *f = *state;
	al_found *x = go_component(f, "cmd/x");
	go_file(f, "cmd/x/main.go", "fmt");
	f->ships = 1;
	classify(f);
	assert_true(feature(x->component, "unshipped") == 1);
}

static void unshipped_needs_a_repository_that_ships(void **state)
{
	fixture *f = *state;
	al_found *x = go_component(f, "cmd/x");
	go_file(f, "cmd/x/main.go", "fmt");
	classify(f);
	assert_true(feature(x->component, "unshipped") == 0);
}

static void an_unknown_import_is_no_evidence(void **state)
{
	fixture *f = *state;
	al_found *x = go_component(f, "cmd/x");
	go_file(f, "cmd/x/main.go", "example.com/nothing/known");
	classify(f);
	const al_component *c = x->component;
	assert_int_equal(c->evidence.len, 0);
	for (int r = 0; r < AL_ROLE__COUNT - 1; r++)
		assert_true(c->scores[r] == 0);
	assert_true(feature(c, "evidence.data-path") == 0);
	assert_non_null(c->decided_by);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(own_package_evidence_decides, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_hit_counts_by_its_distance, setup, teardown),
	    cmocka_unit_test_setup_teardown(shared_plumbing_counts_least, setup, teardown),
	    cmocka_unit_test_setup_teardown(tool_evidence_only_in_own_package, setup, teardown),
	    cmocka_unit_test_setup_teardown(unshipped_when_the_repository_ships_others, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(unshipped_needs_a_repository_that_ships, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(an_unknown_import_is_no_evidence, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
