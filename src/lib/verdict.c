/*
 * verdict.c: decides a component's role from the verdict model (model.h) and its
 * declarations.
 *
 * The model gives a probability per role; the most probable wins when it reaches
 * min_confidence, else the component is unclassified (AL003 asks for a declaration): a
 * wrong warning costs more trust than a note. A server with no evidence of its role (no role
 * scores server_min_evidence) is unclassified too: the model's lean would come from
 * priors and very weak signals alone. A program shipped as a service, job, container
 * or package is never a tool, nor is one without a tool signal or being left out of what
 * the repository ships. A service with strong evidence for both
 * roles is a hybrid (AL004) only when the model puts it on the data path and its
 * data-path evidence, weighted by distance from main, is the stronger. Declarations win
 * over all of it; evidence that strongly says otherwise is kept, so AL005 can point at a
 * stale declaration.
 */
#include "verdict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

double al_round2(double v)
{
	return floor(v * 100 + 0.5) / 100;
}

/* "evidence.data-path +1.20, lifecycle.server +0.85": the inputs that pushed class k most. */
static void strongest_inputs(al_buf *b, const al_model *m, int k, const double *x)
{
	int used[AL_FEATURE__COUNT] = {0};
	for (int n = 0; n < 3; n++) {
		int best = -1;
		double top = 0.005;
		for (int f = 0; f < AL_FEATURE__COUNT; f++) {
			double v = al_model_contribution(m, k, f, x);
			if (!used[f] && v > top) {
				top = v;
				best = f;
			}
		}
		if (best < 0)
			break;
		used[best] = 1;
		al_buf_printf(b, "%s%s %+.2f", n ? ", " : "; mostly ", al_feature_name(best), top);
	}
}

/* Whether any role's evidence reaches `least` (lifecycle-only signals weigh none). */
static int has_role_evidence(const al_component *c, double least)
{
	for (int k = 0; k < AL_MODEL_CLASSES; k++)
		if (c->scores[k] >= least)
			return 1;
	return 0;
}

/* "tool" says a program is repository-internal. A program the repository ships as a
 * service, job, container or package is not; nor is one with no tool signal in a
 * repository that does not leave it out of its deployments (the model's lean to tool would
 * come from the corpus's share of tools alone). Returns why tool is ruled out, or NULL. */
static char *tool_ruled_out(const al_component *c, const double *x)
{
	for (size_t i = 0; i < c->shipped.len; i++) {
		const al_shipment *s = c->shipped.items[i];
		if (s->kind != AL_SHIP_BUILD)
			return al_sprintf("not a tool: shipped as a %s by %s:%u",
			                  al_ship_kind_name(s->kind), s->path, s->line);
	}
	if (x[AL_F_TOOL] > 0 || x[AL_F_UNSHIPPED] > 0)
		return NULL;
	return al_strdup("not a tool: no tool signal, and not left out of the repository's "
	                 "deployments");
}

/* The probabilities with tool ruled out: the other two, renormalised. */
static void drop_tool(double *p)
{
	double rest = p[AL_ROLE_DATA_PATH] + p[AL_ROLE_CONTROL_PLANE];
	if (rest <= 0)
		rest = 1;
	p[AL_ROLE_DATA_PATH] /= rest;
	p[AL_ROLE_CONTROL_PLANE] /= rest;
	p[AL_ROLE_TOOL] = 0;
}

static void judge_by_model(const al_ruleset *rules, al_component *c, const double *x)
{
	const al_thresholds *t = &rules->thresholds;
	double *p = c->probabilities;
	al_model_predict(rules->model, x, p);
	char *not_tool = tool_ruled_out(c, x);
	if (not_tool)
		drop_tool(p);
	int best = 0;
	for (int k = 1; k < AL_MODEL_CLASSES; k++)
		if (p[k] > p[best])
			best = k;
	al_buf why = AL_BUF_INIT;
	c->hybrid = 0;
	c->confidence = al_round2(p[best]);
	if (c->unread) {
		c->role = AL_ROLE_UNCLASSIFIED;
		c->confidence = 0;
		al_buf_printf(&why, "its entry file was not read (%s): no verdict without it",
		              c->unread);
	} else if (c->lifecycle == AL_LIFE_SERVER &&
	           !has_role_evidence(c, t->server_min_evidence)) {
		c->role = AL_ROLE_UNCLASSIFIED;
		c->confidence = 0;
		al_buf_puts(&why, "a long-running server with no evidence of its role: the model's "
		                  "lean would be a guess");
	} else if (p[best] < t->min_confidence) {
		c->role = AL_ROLE_UNCLASSIFIED;
		c->confidence = 0;
		al_buf_printf(&why,
		              "no role reached min_confidence %.2f (data-path %.2f, "
		              "control-plane %.2f, tool %.2f)",
		              t->min_confidence, p[0], p[1], p[2]);
	} else {
		c->role = (al_role)best;
		al_buf_printf(&why, "%s %.2f over %s %.2f and %s %.2f", al_role_name(c->role),
		              p[best], al_role_name((al_role)((best + 1) % 3)), p[(best + 1) % 3],
		              al_role_name((al_role)((best + 2) % 3)), p[(best + 2) % 3]);
		strongest_inputs(&why, rules->model, best, x);
	}
	if (not_tool && !c->unread)
		al_buf_printf(&why, "; %s", not_tool);
	free(not_tool);
	double dp = c->scores[AL_ROLE_DATA_PATH], cp = c->scores[AL_ROLE_CONTROL_PLANE];
	double hi = dp > cp ? dp : cp, lo = dp > cp ? cp : dp;
	if (c->role == AL_ROLE_DATA_PATH && dp >= cp && lo >= t->hybrid_min &&
	    lo >= t->hybrid_ratio * hi) {
		c->hybrid = 1;
		al_buf_printf(&why,
		              "; strong evidence for both data-path (%.2f) and control-plane "
		              "(%.2f): a hybrid, on the data path",
		              dp, cp);
	}
	for (int k = 0; k < AL_MODEL_CLASSES; k++)
		p[k] = al_round2(p[k]);
	c->decided_by = al_buf_detach(&why);
}

void al_verdict_decide(const al_ruleset *rules, const al_config *config, al_component *c,
                       const double *features)
{
	const al_thresholds *t = &rules->thresholds;
	judge_by_model(rules, c, features);
	c->evidence_role = c->role;
	c->evidence_confidence = c->confidence;

	unsigned line = 0;
	int configured = config ? al_config_role(config, c->id, &line) : -1;
	if (configured >= 0) {
		free(c->declared);
		c->declared = al_sprintf("%s: components.\"%s\"", config->path, c->id);
		c->declared_as = (al_role)configured;
		c->declared_line = line;
	}
	if (!c->declared)
		return;
	double strongest =
	    c->scores[c->evidence_role < AL_ROLE_UNCLASSIFIED ? c->evidence_role : 0];
	c->contradicted = c->evidence_role != c->declared_as &&
	                  c->evidence_role != AL_ROLE_UNCLASSIFIED &&
	                  strongest >= t->contradiction_min && c->evidence_confidence >= 0.5;
	free(c->decided_by);
	c->role = c->declared_as;
	c->confidence = 1.0;
	c->hybrid = 0;
	c->decided_by = al_sprintf("declared %s in %s (line %u); the evidence alone says %s "
	                           "(confidence %.2f)",
	                           al_role_name(c->role), c->declared, c->declared_line,
	                           al_role_name(c->evidence_role), c->evidence_confidence);
}
