/*
 * policy.c: applies the guideline rules (rules/policy.json, levels adjusted by the
 * configuration) to classified components and produces the findings, sorted by location.
 * A fingerprint identifies a finding by rule, component and language only, so it stays
 * stable when lines move.
 */
#include <stdlib.h>
#include <string.h>

#include "policy.h"

#include "blob_id.h"

static int rule_applies(const al_rule *r, const al_component *c)
{
	if (r->level == AL_LEVEL_OFF)
		return 0;
	if (r->when_language >= 0 && r->when_language != (int)c->language)
		return 0;
	if (r->when_role >= 0 && r->when_role != (int)c->role)
		return 0;
	if (r->when_hybrid >= 0 && r->when_hybrid != c->hybrid)
		return 0;
	if (r->when_contradicted >= 0 && r->when_contradicted != c->contradicted)
		return 0;
	return 1;
}

/* Expands {id}, {language}, {role} and {evidence_role} in a rule's message. */
static char *render_message(const char *tmpl, const al_component *c)
{
	al_buf out = AL_BUF_INIT;
	for (const char *p = tmpl; *p; p++) {
		if (strncmp(p, "{id}", 4) == 0) {
			al_buf_puts(&out, c->id);
			p += 3;
		} else if (strncmp(p, "{language}", 10) == 0) {
			al_buf_puts(&out, c->language == AL_LANG_GO ? "Go" : "Rust");
			p += 9;
		} else if (strncmp(p, "{role}", 6) == 0) {
			al_buf_puts(&out, al_role_name(c->role));
			p += 5;
		} else if (strncmp(p, "{evidence_role}", 15) == 0) {
			al_buf_puts(&out, al_role_name(c->evidence_role));
			p += 14;
		} else {
			al_buf_putc(&out, *p);
		}
	}
	return al_buf_detach(&out);
}

static int cmp_finding(const void *a, const void *b)
{
	const al_finding *x = *(al_finding *const *)a, *y = *(al_finding *const *)b;
	int c = strcmp(x->component->entry_path, y->component->entry_path);
	if (c)
		return c;
	if (x->component->entry_line != y->component->entry_line)
		return x->component->entry_line < y->component->entry_line ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	return c ? c : strcmp(x->component->id, y->component->id);
}

void al_policy_apply(al_result *result, const al_ruleset *rules)
{
	for (size_t i = 0; i < result->components.len; i++) {
		al_component *c = result->components.items[i];
		for (size_t k = 0; k < rules->rules.len; k++) {
			const al_rule *r = rules->rules.items[k];
			if (!rule_applies(r, c))
				continue;
			al_finding *f = al_calloc(1, sizeof(*f));
			f->rule = r->id;
			f->level = r->level;
			f->component = c;
			f->message = render_message(r->message, c);
			char *key =
			    al_sprintf("%s\n%s\n%s", r->id, c->id, al_language_name(c->language));
			al_blob_id(f->fingerprint, key, strlen(key));
			free(key);
			al_vec_push(&result->findings, f);
		}
	}
	al_vec_sort(&result->findings, cmp_finding);
}
