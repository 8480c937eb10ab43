/*
 * classify.c: turns the signals found in a component's closure into ranked evidence and
 * the verdict model's features (verdict_features.h), then lets verdict.c decide.
 *
 * Per signal, hits add up with diminishing returns (each further hit counts repeat_decay
 * times the one before). A hit counts by its distance from main: fully in the component's
 * own package, dependency_factor times in a package main imports, depth_decay times less
 * for every further hop, and shared_factor times less again in plumbing most components
 * of the language share: linked code says less about a binary than its own, and shared
 * plumbing never decides. Signals with a lifecycle (a listener, a signal wait, a command
 * tree) say how the program runs; the strongest of each kind becomes a feature.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "verdict.h"
#include "verdict_features.h"
#include "glob.h"
#include "path.h"

#define MAX_COUNTED_HITS 32

typedef struct {
	const al_signal *signal;
	double factors[MAX_COUNTED_HITS]; /* per counted hit: what its distance leaves of it */
	size_t nfactors;
	unsigned hits;
	const char *path; /* best location: the nearest hit to main, first of those */
	unsigned line;
	double best_factor;
	unsigned distance;
} tally;

/* The strongest hit of one lifecycle kind. */
typedef struct {
	double strength;
	const al_signal *signal;
	const char *path;
	unsigned line;
	const al_unit *unit; /* where it hit: its via chain is the way from main */
} life_mark;

typedef struct {
	al_classifier *cl;
	tally *tallies; /* indexed by signal index */
	life_mark life[AL_LIFE_COMMAND + 1];
} classify_ctx;

/* A hit at some distance from main; factor is what that distance leaves of it (1: own). */
typedef struct {
	double factor;
	unsigned distance;
	const char *path;
	unsigned line;
	const al_unit *unit;
} hit_at;

static void mark_lifecycle(classify_ctx *ctx, const al_signal *s, const hit_at *at)
{
	life_mark *m = &ctx->life[s->lifecycle];
	if (at->factor > m->strength) {
		*m = (life_mark){at->factor, s, at->path, at->line, at->unit};
	}
}

static void add_hits(classify_ctx *ctx, const al_signal *s, unsigned count, const hit_at *at)
{
	int own = at->distance == 0;
	if (s->lifecycle != AL_LIFE_UNKNOWN)
		mark_lifecycle(ctx, s, at);
	if (s->role == AL_ROLE_UNCLASSIFIED)
		return; /* a lifecycle signal only */
	/* What a binary is (a tool or a service) is decided by its own package: test helpers
	 * and generators living beside shared code do not make every user of it a tool. */
	if (s->role == AL_ROLE_TOOL && !own)
		return;
	tally *t = &ctx->tallies[s->index];
	t->signal = s;
	t->hits += count;
	for (unsigned i = 0; i < count && t->nfactors < MAX_COUNTED_HITS; i++)
		t->factors[t->nfactors++] = at->factor;
	if (!t->path || at->factor > t->best_factor) {
		t->path = at->path;
		t->line = at->line;
		t->best_factor = at->factor;
		t->distance = at->distance;
	}
}

static int cmp_factor_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The tally's score: its hits by strength, each further one repeat_decay times less. */
static double tally_score(tally *t, double decay)
{
	qsort(t->factors, t->nfactors, sizeof(double), cmp_factor_desc);
	double sum = 0, step = 1;
	for (size_t i = 0; i < t->nfactors; i++) {
		sum += t->factors[i] * step;
		step *= decay;
	}
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

/* Counts how many components of each language have each directory in their closure (a
 * closure lists a directory at most once). */
static void count_sharing(al_classifier *cl, const al_vec *found)
{
	for (size_t i = 0; i < found->len; i++) {
		const al_found *f = found->items[i];
		al_language lang = f->component->language;
		cl->components_of[lang]++;
		for (size_t k = 0; k < f->units.len; k++) {
			char *key = sharing_key(lang, ((al_unit *)f->units.items[k])->dir);
			uintptr_t n = (uintptr_t)al_strmap_get(&cl->sharing, key);
			al_strmap_set(&cl->sharing, key, (void *)(n + 1));
			free(key);
		}
	}
}

static double unit_factor(const al_classifier *cl, const al_found *found, const al_unit *u)
{
	const al_thresholds *t = &cl->in.rules->thresholds;
	if (u->own)
		return 1.0;
	double distance =
	    t->dependency_factor * pow(t->depth_decay, u->depth > 1 ? u->depth - 1 : 0);
	al_language lang = found->component->language;
	char *key = sharing_key(lang, u->dir);
	size_t sharing = (size_t)(uintptr_t)al_strmap_get(&cl->sharing, key);
	free(key);
	size_t total = cl->components_of[lang];
	int shared = total >= 3 && (double)sharing >= t->shared_share * (double)total;
	return distance * (shared ? t->shared_factor : 1.0);
}

/* The import signals an import path matches, worked out once per run. */
static const al_vec *import_signals(al_classifier *cl, const char *import)
{
	al_vec *matched = al_strmap_get(&cl->import_signals, import);
	if (!matched) {
		matched = al_calloc(1, sizeof(*matched));
		al_ruleset_match_import(cl->in.rules, import, matched);
		al_strmap_set(&cl->import_signals, import, matched);
	}
	return matched;
}

static void unit_signals(classify_ctx *ctx, al_found *found, const al_unit *u)
{
	const al_ruleset *rules = ctx->cl->in.rules;
	hit_at at = {unit_factor(ctx->cl, found, u), u->depth, NULL, 0, u};
	for (size_t i = 0; i < u->files.len; i++) {
		at.path = u->files.items[i];
		const al_file_facts *f = al_strmap_get(ctx->cl->in.facts, at.path);
		if (!f)
			continue;
		for (size_t k = 0; k < f->hits.len; k++) {
			const al_hit *h = f->hits.items[k];
			at.line = h->line;
			add_hits(ctx, h->signal, h->count, &at);
		}
		for (size_t k = 0; k < f->imports.len; k++) {
			const al_import *imp = f->imports.items[k];
			const al_vec *matched = import_signals(ctx->cl, imp->path);
			at.line = imp->line;
			for (size_t m = 0; m < matched->len; m++)
				add_hits(ctx, matched->items[m], 1, &at);
		}
	}
	if (u->manifest) {
		at.path = u->manifest->manifest_path;
		for (size_t k = 0; k < u->manifest->deps.len; k++) {
			const al_cargo_dep *d = u->manifest->deps.items[k];
			const al_vec *sigs = al_ruleset_match_crate(rules, d->crate);
			if (d->workspace && !sigs)
				sigs = al_ruleset_match_crate(rules, d->key);
			at.line = d->line;
			for (size_t m = 0; sigs && m < sigs->len; m++) {
				const al_signal *sig = sigs->items[m];
				/* A feature-gated profiler or test harness does not make the
				 * binary a tool. */
				if (!(d->optional && sig->role == AL_ROLE_TOOL))
					add_hits(ctx, sig, 1, &at);
			}
		}
	}
}

static void component_signals(classify_ctx *ctx, al_found *found)
{
	al_component *c = found->component;
	const al_vec *signals = &ctx->cl->in.rules->signals;
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
				hit_at at = {1.0, 0, c->entry_path, c->entry_line,
				             found->units.items[0]};
				add_hits(ctx, s, 1, &at);
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

/* The features of the model's kinds that come from deployment references. */
static void shipping_features(int repository_ships, const al_component *c, double *x)
{
	static const int feature_of[AL_SHIP__COUNT] = {
	    [AL_SHIP_SERVICE] = AL_F_SHIPPED_SERVICE,     [AL_SHIP_JOB] = AL_F_SHIPPED_JOB,
	    [AL_SHIP_CONTAINER] = AL_F_SHIPPED_CONTAINER, [AL_SHIP_PACKAGE] = AL_F_SHIPPED_PACKAGE,
	    [AL_SHIP_BUILD] = AL_F_SHIPPED_BUILD,
	};
	for (size_t i = 0; i < c->shipped.len; i++)
		x[feature_of[((const al_shipment *)c->shipped.items[i])->kind]] = 1;
	x[AL_F_UNSHIPPED] = repository_ships && c->shipped.len == 0;
}

/* "cmd/x -> internal/server -> internal/net": the packages from main's to u. */
static char *way_from_main(const al_unit *u)
{
	al_vec chain = AL_VEC_INIT;
	for (; u; u = u->via)
		al_vec_push(&chain, u->dir);
	al_buf b = AL_BUF_INIT;
	for (size_t i = chain.len; i-- > 0;)
		al_buf_printf(&b, "%s%s", i + 1 < chain.len ? " -> " : "", (char *)chain.items[i]);
	al_vec_dispose(&chain);
	return al_buf_detach(&b);
}

static void lifecycle_of(const classify_ctx *ctx, al_component *c, double *x)
{
	const life_mark *server = &ctx->life[AL_LIFE_SERVER],
	                *command = &ctx->life[AL_LIFE_COMMAND];
	x[AL_F_SERVER] = al_round2(server->strength);
	x[AL_F_COMMAND] = al_round2(command->strength);
	const life_mark *m = server->strength >= command->strength ? server : command;
	if (!m->signal)
		return;
	c->lifecycle = m == server ? AL_LIFE_SERVER : AL_LIFE_COMMAND;
	if (!m->unit->via) {
		c->lifecycle_why = al_sprintf("%s:%u: %s in main's package: %s", m->path, m->line,
		                              m->signal->id, m->signal->why);
		return;
	}
	char *way = way_from_main(m->unit);
	c->lifecycle_why = al_sprintf("%s:%u: %s, reached from main through %s: %s", m->path,
	                              m->line, m->signal->id, way, m->signal->why);
	free(way);
}

static void add_features(al_component *c, const double *x)
{
	for (int f = 0; f < AL_FEATURE__COUNT; f++) {
		al_feature *feat = al_calloc(1, sizeof(*feat));
		feat->name = al_feature_name(f);
		feat->value = al_round2(x[f]);
		al_vec_push(&c->features, feat);
	}
}

void al_classifier_init(al_classifier *self, const al_classify_input *in, const al_vec *found)
{
	memset(self, 0, sizeof(*self));
	self->in = *in;
	count_sharing(self, found);
}

static void free_signal_list(void *p)
{
	al_vec_dispose(p); /* the signals belong to the ruleset */
	free(p);
}

void al_classifier_dispose(al_classifier *self)
{
	al_strmap_dispose(&self->sharing);
	al_strmap_dispose_with(&self->import_signals, free_signal_list);
}

void al_classify(al_classifier *self, al_found *found)
{
	al_component *c = found->component;
	const al_ruleset *rules = self->in.rules;
	const al_vec *signals = &rules->signals;
	classify_ctx ctx;
	memset(&ctx, 0, sizeof(ctx));
	ctx.cl = self;
	ctx.tallies = al_calloc(signals->len ? signals->len : 1, sizeof(tally));
	for (size_t i = 0; i < found->units.len; i++) {
		const al_unit *u = found->units.items[i];
		al_vec_push(&c->closure, al_strdup(u->dir));
		c->closure_files += u->files.len;
		for (size_t k = 0; k < u->files.len; k++)
			al_vec_push(&c->closure_paths, al_strdup(u->files.items[k]));
		unit_signals(&ctx, found, u);
	}
	component_signals(&ctx, found);
	for (size_t i = 0; i < signals->len; i++) {
		tally *t = &ctx.tallies[i];
		if (!t->signal)
			continue;
		double w = tally_score(t, rules->thresholds.repeat_decay);
		c->scores[t->signal->role] += w;
		al_evidence *e = al_calloc(1, sizeof(*e));
		e->signal = t->signal->id;
		e->why = t->signal->why;
		e->role = t->signal->role;
		e->weight = al_round2(w);
		e->path = al_strdup(t->path);
		e->line = t->line;
		e->hits = t->hits;
		e->distance = t->distance;
		al_vec_push(&c->evidence, e);
	}
	double x[AL_FEATURE__COUNT] = {0};
	x[AL_F_DATA_PATH] = log1p(c->scores[AL_ROLE_DATA_PATH]);
	x[AL_F_CONTROL_PLANE] = log1p(c->scores[AL_ROLE_CONTROL_PLANE]);
	x[AL_F_TOOL] = log1p(c->scores[AL_ROLE_TOOL]);
	lifecycle_of(&ctx, c, x);
	shipping_features(self->in.repository_ships, c, x);
	for (int r = 0; r < AL_ROLE__COUNT - 1; r++)
		c->scores[r] = al_round2(c->scores[r]);
	/* The model sees what the output shows: features rounded as printed. */
	for (int f = 0; f < AL_FEATURE__COUNT; f++)
		x[f] = al_round2(x[f]);
	add_features(c, x);
	al_vec_sort(&c->evidence, cmp_evidence);
	free(ctx.tallies);
	al_verdict_decide(rules, self->in.config, found->component, x);
}
