/*
 * test_accept.c: the findings and acceptance stages on hand-built components — the policy
 * flags by role, language and hybrid mark with fingerprints git would compute; inline
 * directives and waivers mark findings accepted, and every way they can be wrong is a
 * notice that leaves the finding open.
 */
#include <stdio.h>

#include "unit.h"

#include "stage_inputs.h"
#include "config.h"
#include "policy.h"
#include "suppress.h"

typedef struct {
	al_result *result;
	al_strmap facts; /* path -> al_file_facts * */
	al_config *config;
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
	al_strmap_dispose_with(&f->facts, stage_free_facts);
	al_config_free(f->config);
	al_result_free(f->result);
	free(f);
	return 0;
}

static al_component *component(fixture *f, const char *id, al_language lang, al_role role)
{
	al_component *c = al_calloc(1, sizeof(*c));
	c->id = al_strdup(id);
	c->language = lang;
	c->kind = lang == AL_LANG_GO ? "go-main-package" : "cargo-bin";
	c->name = al_strdup(id);
	c->entry_path = al_sprintf("%s/main.%s", id, lang == AL_LANG_GO ? "go" : "rs");
	c->entry_line = 1;
	c->package_dir = al_strdup(id);
	c->role = role;
	c->evidence_role = role;
	al_vec_push(&f->result->components, c);
	return c;
}

/* An //archlint:ignore comment (text whole) at line of c's entry file. */
static void directive(fixture *f, const al_component *c, const char *text, unsigned line)
{
	al_file_facts *facts = al_strmap_get(&f->facts, c->entry_path);
	if (!facts) {
		facts = al_calloc(1, sizeof(*facts));
		al_strmap_set(&f->facts, c->entry_path, facts);
	}
	al_import *d = al_calloc(1, sizeof(*d));
	d->path = al_strdup(text);
	d->line = line;
	al_vec_push(&facts->ignores, d);
}

static void configure(fixture *f, const char *json)
{
	assert_ok(al_config_parse(&f->config, ".archlint.json", json, strlen(json)));
}

static void accept(fixture *f)
{
	al_policy_apply(f->result, f->result->rules);
	al_suppress_input in = {f->result->rules, f->config, &f->facts};
	al_suppress_apply(f->result, &in);
}

static const al_finding *finding_of(const fixture *f, const al_component *c, const char *rule)
{
	for (size_t i = 0; i < f->result->findings.len; i++) {
		const al_finding *x = f->result->findings.items[i];
		if (x->component == c && strcmp(x->rule, rule) == 0)
			return x;
	}
	return NULL;
}

static void policy_flags_against_the_guideline(void **state)
{
	fixture *f = *state;
	al_component *go_dp = component(f, "cmd/proxy", AL_LANG_GO, AL_ROLE_DATA_PATH);
	al_component *rust_dp = component(f, "crates/engine", AL_LANG_RUST, AL_ROLE_DATA_PATH);
	al_component *go_cp = component(f, "cmd/api", AL_LANG_GO, AL_ROLE_CONTROL_PLANE);
	al_component *rust_cp = component(f, "crates/ctl", AL_LANG_RUST, AL_ROLE_CONTROL_PLANE);
	al_component *tool = component(f, "cmd/gen", AL_LANG_GO, AL_ROLE_TOOL);
	accept(f);
	const al_finding *x = finding_of(f, go_dp, "AL001");
	assert_non_null(x);
	assert_contains(x->message, "cmd/proxy");
	assert_null(x->suppressed);
	for (size_t i = 0; i < f->result->findings.len; i++) {
		const al_finding *y = f->result->findings.items[i];
		assert_true(y->component != rust_dp && y->component != go_cp &&
		            y->component != tool);
	}
	assert_non_null(finding_of(f, rust_cp, "AL002"));
	/* printf 'AL001\ncmd/proxy\ngo' | git hash-object --stdin */
	assert_string_equal(x->fingerprint, "42e7f70c636183cd9c55b7e489a3b7feb950f57b");
}

static void policy_sorts_by_location(void **state)
{
	fixture *f = *state;
	component(f, "cmd/zeta", AL_LANG_GO, AL_ROLE_DATA_PATH);
	component(f, "cmd/alpha", AL_LANG_GO, AL_ROLE_DATA_PATH);
	accept(f);
	assert_true(f->result->findings.len >= 2);
	const al_finding *first = f->result->findings.items[0];
	assert_string_equal(first->component->id, "cmd/alpha");
}

static void inline_directive_accepts_with_its_reason(void **state)
{
	fixture *f = *state;
	al_component *c = component(f, "cmd/proxy", AL_LANG_GO, AL_ROLE_DATA_PATH);
	directive(f, c, "//archlint:ignore AL001 -- rewrite planned for Q3", 4);
	accept(f);
	const al_finding *x = finding_of(f, c, "AL001");
	assert_non_null(x->suppressed);
	assert_int_equal(x->suppressed->kind, AL_SUPPRESS_INLINE);
	assert_string_equal(x->suppressed->reason, "rewrite planned for Q3");
	assert_string_equal(x->suppressed->origin, "cmd/proxy/main.go:4");
	assert_int_equal(f->result->notices.len, 0);
}

static void a_wrong_directive_is_a_notice_and_the_finding_stays_open(void **state)
{
	fixture *f = *state;
	al_component *c = component(f, "cmd/proxy", AL_LANG_GO, AL_ROLE_DATA_PATH);
	directive(f, c, "//archlint:ignore AL001", 4);
	directive(f, c, "//archlint:ignore AL999 -- no such rule", 5);
	directive(f, c, "//archlint:ignore AL002 -- not this component's finding", 6);
	accept(f);
	assert_null(finding_of(f, c, "AL001")->suppressed);
	char *all = stage_notices(f->result);
	assert_contains(all, "cmd/proxy/main.go:4: //archlint:ignore needs a reason");
	assert_contains(all, "cmd/proxy/main.go:5: //archlint:ignore names unknown rule 'AL999'");
	assert_contains(all, "cmd/proxy/main.go:6: //archlint:ignore AL002 matches no finding");
	free(all);
	assert_false(f->result->incomplete);
}

static void waiver_accepts_until_it_expires(void **state)
{
	fixture *f = *state;
	al_component *live = component(f, "cmd/live", AL_LANG_GO, AL_ROLE_DATA_PATH);
	al_component *old = component(f, "cmd/old", AL_LANG_GO, AL_ROLE_DATA_PATH);
	configure(f, "{\"waivers\": [\n"
	             " {\"rule\": \"AL001\", \"component\": \"cmd/live\", \"reason\": \"r1\",\n"
	             "  \"expires\": \"2999-01-01\"},\n"
	             " {\"rule\": \"AL001\", \"component\": \"cmd/old\", \"reason\": \"r2\",\n"
	             "  \"expires\": \"2001-01-01\"},\n"
	             " {\"rule\": \"AL001\", \"component\": \"cmd/lvie\", \"reason\": \"r3\",\n"
	             "  \"expires\": \"2999-01-01\"}\n"
	             "]}\n");
	accept(f);
	const al_finding *a = finding_of(f, live, "AL001");
	assert_non_null(a->suppressed);
	assert_int_equal(a->suppressed->kind, AL_SUPPRESS_WAIVER);
	assert_string_equal(a->suppressed->reason, "r1");
	assert_string_equal(a->suppressed->expires, "2999-01-01");
	assert_null(finding_of(f, old, "AL001")->suppressed);
	char *all = stage_notices(f->result);
	assert_contains(all, "expired on 2001-01-01: its finding is reported again");
	assert_contains(all, "cmd/lvie");
	assert_contains(all, "cmd/live");
	free(all);
}

static void an_inline_directive_wins_over_a_waiver(void **state)
{
	fixture *f = *state;
	al_component *c = component(f, "cmd/proxy", AL_LANG_GO, AL_ROLE_DATA_PATH);
	directive(f, c, "//archlint:ignore AL001 -- inline first", 2);
	configure(f, "{\"waivers\": [{\"rule\": \"AL001\", \"component\": \"cmd/proxy\", "
	             "\"reason\": \"w\", \"expires\": \"2999-01-01\"}]}");
	accept(f);
	const al_finding *x = finding_of(f, c, "AL001");
	assert_int_equal(x->suppressed->kind, AL_SUPPRESS_INLINE);
	assert_string_equal(x->suppressed->reason, "inline first");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(policy_flags_against_the_guideline, setup, teardown),
	    cmocka_unit_test_setup_teardown(policy_sorts_by_location, setup, teardown),
	    cmocka_unit_test_setup_teardown(inline_directive_accepts_with_its_reason, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        a_wrong_directive_is_a_notice_and_the_finding_stays_open, setup, teardown),
	    cmocka_unit_test_setup_teardown(waiver_accepts_until_it_expires, setup, teardown),
	    cmocka_unit_test_setup_teardown(an_inline_directive_wins_over_a_waiver, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
