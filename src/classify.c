/*
 * classify.c: turns the signals found in a component's closure into a role, a
 * confidence and ranked evidence.
 *
 * Per signal, hits add up with diminishing returns (each further hit counts repeat_decay
 * times the one before), and hits in in-repo dependencies count dependency_factor times
 * a hit in the component's own package: shared code must not drown each binary's own
 * signals. Declarations win over evidence; tool evidence at or above tool_min makes a tool.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "util/path.h"

#define MAX_COUNTED_HITS 32

typedef struct {
	const al_signal *signal;
	double factors[MAX_COUNTED_HITS]; /* per counted hit: 1 own, dependency_factor else */
	size_t nfactors;
	unsigned hits;
	const char *path; /* best location: first own hit, else first dependency hit */
	unsigned line;
	int own_location;
} tally;

typedef struct {
	al_scan *scan;
	tally *tallies; /* indexed by signal index */
} classify_ctx;

/* factor: what one hit counts (1 in the component's own package, less in dependencies). */
static void add_hits(classify_ctx *ctx, const al_signal *s, unsigned count, double factor,
		     const char *path, unsigned line)
{
	int own = factor >= 1.0;
	/* What a binary is (a tool or a service) is decided by its own package: test helpers
	 * and generators living beside shared code do not make every user of it a tool. */
	if (s->role == AL_ROLE_TOOL && !own)
		return;
	tally *t = &ctx->tallies[s->index];
	t->signal = s;
	t->hits += count;
	for (unsigned i = 0; i < count && t->nfactors < MAX_COUNTED_HITS; i++)
		t->factors[t->nfactors++] = factor;
	if (!t->path || (own && !t->own_location)) {
		t->path = path;
		t->line = line;
		t->own_location = own;
	}
}

static int cmp_factor_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The tally's score over all hits, and (own_out) over the own package's hits alone. */
static double tally_score(tally *t, double decay, double *own_out)
{
	qsort(t->factors, t->nfactors, sizeof(double), cmp_factor_desc);
	double sum = 0, own = 0, step = 1, own_step = 1;
	for (size_t i = 0; i < t->nfactors; i++) {
		sum += t->factors[i] * step;
		step *= decay;
		if (t->factors[i] >= 1.0) {
			own += own_step;
			own_step *= decay;
		}
	}
	*own_out = t->signal->weight * own;
	return t->signal->weight * sum;
}

static int language_fits(const al_signal *s, al_language lang)
{
	return s->language < 0 || s->language == (int)lang;
}

/*
 * What a hit in unit u counts. A package in the closure of most of the repository's
 * components of the language (shared plumbing: config, logging, clients) says little
 * about any one of them, so its hits count shared_factor times a dependency's.
 */
static char *sharing_key(al_language lang, const char *dir)
{
	return al_sprintf("%s:%s", al_language_name(lang), dir);
}

/* Counts, once per scan, how many components of each language have each directory in
 * their closure (a closure lists a directory at most once). */
static void count_sharing(al_scan *scan)
{
	for (size_t i = 0; i < scan->found.len; i++) {
		const al_found *f = scan->found.items[i];
		al_language lang = f->component->language;
		scan->components_of[lang]++;
		for (size_t k = 0; k < f->units.len; k++) {
			char *key = sharing_key(lang, ((al_unit *)f->units.items[k])->dir);
			uintptr_t n = (uintptr_t)al_strmap_get(&scan->sharing, key);
			al_strmap_set(&scan->sharing, key, (void *)(n + 1));
			free(key);
		}
	}
	scan->sharing_counted = 1;
}

static double unit_factor(al_scan *scan, const al_found *found, const al_unit *u)
{
	const al_thresholds *t = &scan->rules->thresholds;
	if (u->own)
		return 1.0;
	if (!scan->sharing_counted)
		count_sharing(scan);
	al_language lang = found->component->language;
	char *key = sharing_key(lang, u->dir);
	size_t sharing = (size_t)(uintptr_t)al_strmap_get(&scan->sharing, key);
	free(key);
	size_t total = scan->components_of[lang];
	int shared = total >= 3 && (double)sharing >= t->shared_share * (double)total;
	return t->dependency_factor * (shared ? t->shared_factor : 1.0);
}

/* The import signals an import path matches, worked out once per scan. */
static const al_vec *import_signals(al_scan *scan, const char *import)
{
	al_vec *matched = al_strmap_get(&scan->import_signals, import);
	if (!matched) {
		matched = al_calloc(1, sizeof(*matched));
		al_ruleset_match_import(scan->rules, import, matched);
		al_strmap_set(&scan->import_signals, import, matched);
	}
	return matched;
}

static void unit_signals(classify_ctx *ctx, al_found *found, const al_unit *u)
{
	const al_ruleset *rules = ctx->scan->rules;
	double factor = unit_factor(ctx->scan, found, u);
	for (size_t i = 0; i < u->files.len; i++) {
		const char *path = u->files.items[i];
		const al_file_facts *f = al_strmap_get(&ctx->scan->facts, path);
		if (!f)
			continue;
		for (size_t k = 0; k < f->hits.len; k++) {
			const al_hit *h = f->hits.items[k];
			add_hits(ctx, h->signal, h->count, factor, path, h->line);
		}
		for (size_t k = 0; k < f->imports.len; k++) {
			const al_import *imp = f->imports.items[k];
			const al_vec *matched = import_signals(ctx->scan, imp->path);
			for (size_t m = 0; m < matched->len; m++)
				add_hits(ctx, matched->items[m], 1, factor, path, imp->line);
		}
	}
	if (u->manifest) {
		for (size_t k = 0; k < u->manifest->deps.len; k++) {
			const al_cargo_dep *d = u->manifest->deps.items[k];
			const al_vec *sigs = al_ruleset_match_crate(rules, d->crate);
			if (d->workspace && !sigs)
				sigs = al_ruleset_match_crate(rules, d->key);
			for (size_t m = 0; sigs && m < sigs->len; m++)
				add_hits(ctx, sigs->items[m], 1, factor, u->manifest->manifest_path,
					 d->line);
		}
	}
	(void)found;
}

static void component_signals(classify_ctx *ctx, al_found *found)
{
	al_component *c = found->component;
	const al_vec *signals = &ctx->scan->rules->signals;
	for (size_t i = 0; i < signals->len; i++) {
		const al_signal *s = signals->items[i];
		if (!language_fits(s, c->language))
			continue;
		for (size_t k = 0; k < s->patterns.len; k++) {
			const char *pat = s->patterns.items[k];
			int hit = 0;
			if (s->kind == AL_SIG_PATH)
				hit = al_glob_match(pat, c->entry_path);
			else if (s->kind == AL_SIG_NAME)
				hit = c->name[0] && al_glob_match(pat, c->name);
			else if (s->kind == AL_SIG_FACT)
				for (size_t f = 0; f < found->facts.len && !hit; f++)
					hit = strcmp(pat, found->facts.items[f]) == 0;
			if (hit) {
				add_hits(ctx, s, 1, 1.0, c->entry_path, c->entry_line);
				break;
			}
		}
	}
}

static int cmp_evidence(const void *a, const void *b)
{
	const al_evidence *x = *(al_evidence *const *)a, *y = *(al_evidence *const *)b;
	if (x->weight != y->weight)
		return x->weight < y->weight ? 1 : -1;
	int c = strcmp(x->signal, y->signal);
	if (c)
		return c;
	c = strcmp(x->path, y->path);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static double round2(double v)
{
	return floor(v * 100 + 0.5) / 100;
}

/*
 * The verdict of the evidence alone. own_scores: data-path and control-plane scores from
 * the component's own package. Tool evidence beats service evidence that comes only from
 * shared code: a generator or debug client in tools/ that imports the whole product is
 * still a tool.
 */
static void judge_evidence(const al_thresholds *t, al_component *c, const double *own_scores)
{
	double dp = c->scores[AL_ROLE_DATA_PATH], cp = c->scores[AL_ROLE_CONTROL_PLANE];
	double tool = c->scores[AL_ROLE_TOOL];
	double hi = dp > cp ? dp : cp, lo = dp > cp ? cp : dp;
	double own_hi = own_scores[AL_ROLE_DATA_PATH] > own_scores[AL_ROLE_CONTROL_PLANE] ?
				own_scores[AL_ROLE_DATA_PATH] :
				own_scores[AL_ROLE_CONTROL_PLANE];
	c->hybrid = 0;
	if (tool >= t->tool_min || (tool >= t->min_score && tool > own_hi)) {
		c->role = AL_ROLE_TOOL;
		c->confidence = round2(tool / (tool + own_hi + 1));
		c->decided_by = tool >= t->tool_min ?
					al_sprintf("tool score %.2f reached tool_min %.2f", tool, t->tool_min) :
					al_sprintf("tool score %.2f outweighs the service evidence of its "
						   "own package (%.2f)",
						   tool, own_hi);
		return;
	}
	if (hi < t->min_score) {
		c->role = AL_ROLE_UNCLASSIFIED;
		c->confidence = 0;
		c->decided_by = al_sprintf("neither data-path (%.2f) nor control-plane (%.2f) reached "
					   "min_score %.2f",
					   dp, cp, t->min_score);
		return;
	}
	if (dp >= t->hybrid_min && cp >= t->hybrid_min && lo >= t->hybrid_ratio * hi) {
		/* A service with a strong hot path is on the data path, whatever else it does;
		 * AL004 suggests moving the rest out. */
		c->hybrid = 1;
		c->role = AL_ROLE_DATA_PATH;
		c->confidence = round2(dp / (dp + cp));
		c->decided_by = al_sprintf("strong evidence for both data-path (%.2f) and "
					   "control-plane (%.2f): a hybrid, on the data path",
					   dp, cp);
		return;
	}
	c->role = dp >= cp ? AL_ROLE_DATA_PATH : AL_ROLE_CONTROL_PLANE;
	c->confidence = round2((hi - lo) / (hi + lo + 1));
	c->decided_by = al_sprintf("%s score %.2f over %s %.2f", al_role_name(c->role), hi,
				   al_role_name(c->role == AL_ROLE_DATA_PATH ? AL_ROLE_CONTROL_PLANE :
									      AL_ROLE_DATA_PATH),
				   lo);
}

/* Declarations win over evidence; evidence that strongly says otherwise is kept, so
 * AL005 can point at a stale declaration. */
static void decide(al_scan *scan, al_found *found, const double *own_scores)
{
	al_component *c = found->component;
	const al_thresholds *t = &scan->rules->thresholds;
	judge_evidence(t, c, own_scores);
	c->evidence_role = c->role;
	c->evidence_confidence = c->confidence;

	unsigned line = 0;
	int configured = scan->config ? al_config_role(scan->config, c->id, &line) : -1;
	if (configured >= 0) {
		free(c->declared);
		c->declared = al_sprintf("%s: components.\"%s\"", scan->config->path, c->id);
		c->declared_as = (al_role)configured;
		c->declared_line = line;
	}
	if (!c->declared)
		return;
	double strongest = c->scores[c->evidence_role < AL_ROLE_UNCLASSIFIED ? c->evidence_role : 0];
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

void al_classify(al_scan *scan, al_found *found)
{
	al_component *c = found->component;
	const al_vec *signals = &scan->rules->signals;
	classify_ctx ctx = { scan, al_calloc(signals->len ? signals->len : 1, sizeof(tally)) };
	for (size_t i = 0; i < found->units.len; i++) {
		const al_unit *u = found->units.items[i];
		al_vec_push(&c->closure, al_strdup(u->dir));
		c->closure_files += u->files.len;
		for (size_t k = 0; k < u->files.len; k++)
			al_vec_push(&c->closure_paths, al_strdup(u->files.items[k]));
		unit_signals(&ctx, found, u);
	}
	component_signals(&ctx, found);
	double own_scores[AL_ROLE__COUNT - 1] = { 0 };
	for (size_t i = 0; i < signals->len; i++) {
		tally *t = &ctx.tallies[i];
		if (!t->signal)
			continue;
		double own;
		double w = tally_score(t, scan->rules->thresholds.repeat_decay, &own);
		c->scores[t->signal->role] += w;
		own_scores[t->signal->role] += own;
		al_evidence *e = al_calloc(1, sizeof(*e));
		e->signal = t->signal->id;
		e->why = t->signal->why;
		e->role = t->signal->role;
		e->weight = round2(w);
		e->path = al_strdup(t->path);
		e->line = t->line;
		e->hits = t->hits;
		al_vec_push(&c->evidence, e);
	}
	for (int r = 0; r < AL_ROLE__COUNT - 1; r++)
		c->scores[r] = round2(c->scores[r]);
	al_vec_sort(&c->evidence, cmp_evidence);
	free(ctx.tallies);
	decide(scan, found, own_scores);
}
