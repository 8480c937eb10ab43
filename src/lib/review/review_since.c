/*
 * review_since.c: `report --since REV` — the pipeline run once more at REV, and the two
 * results compared: components added, removed, or changed in role or language (by id and
 * language), and findings opened or resolved (by fingerprint).
 */
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"

static al_report_change *add_change(al_report_doc *doc, al_change_kind kind,
                                    const al_component *before, const al_component *after)
{
	al_report_change *ch = al_calloc(1, sizeof(*ch));
	ch->kind = kind;
	ch->before = before;
	ch->after = after;
	al_vec_push(&doc->changes, ch);
	return ch;
}

static const char *change_id(const al_report_change *ch)
{
	return ch->after ? ch->after->id : ch->before->id;
}

static int cmp_change(const void *x, const void *y)
{
	const al_report_change *a = *(al_report_change *const *)x,
	                       *b = *(al_report_change *const *)y;
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	return strcmp(change_id(a), change_id(b));
}

static const al_component *find_exact(const al_result *r, const char *id, al_language lang)
{
	for (size_t i = 0; i < r->components.len; i++) {
		const al_component *c = r->components.items[i];
		if (c->language == lang && strcmp(c->id, id) == 0)
			return c;
	}
	return NULL;
}

static void compare(al_report_doc *doc)
{
	const al_result *now = doc->result, *then = doc->base;
	al_strmap matched_before = AL_STRMAP_INIT; /* "lang id" of base components matched */
	for (size_t i = 0; i < now->components.len; i++) {
		const al_component *c = now->components.items[i];
		const al_component *b = find_exact(then, c->id, c->language);
		if (!b) {
			/* The same id in another language that now has no match is a rewrite. */
			const al_component *other = find_exact(
			    then, c->id, c->language == AL_LANG_GO ? AL_LANG_RUST : AL_LANG_GO);
			if (other && !find_exact(now, c->id, other->language)) {
				add_change(doc, AL_CHANGE_LANGUAGE, other, c);
				char *key = al_sprintf("%d %s", other->language, other->id);
				al_strmap_set(&matched_before, key, NULL);
				free(key);
			} else {
				add_change(doc, AL_CHANGE_ADDED, NULL, c);
			}
			continue;
		}
		char *key = al_sprintf("%d %s", b->language, b->id);
		al_strmap_set(&matched_before, key, NULL);
		free(key);
		if (b->role != c->role)
			add_change(doc, AL_CHANGE_ROLE, b, c);
	}
	for (size_t i = 0; i < then->components.len; i++) {
		const al_component *b = then->components.items[i];
		char *key = al_sprintf("%d %s", b->language, b->id);
		if (!al_strmap_has(&matched_before, key))
			add_change(doc, AL_CHANGE_REMOVED, b, NULL);
		free(key);
	}
	al_strmap_dispose(&matched_before);
	al_vec_sort(&doc->changes, cmp_change);

	/* Open findings only: one accepted since (a waiver) counts as resolved. */
	al_strmap fp_now = AL_STRMAP_INIT, fp_then = AL_STRMAP_INIT;
	for (size_t i = 0; i < now->findings.len; i++) {
		const al_finding *f = now->findings.items[i];
		if (!f->suppressed)
			al_strmap_set(&fp_now, f->fingerprint, NULL);
	}
	for (size_t i = 0; i < then->findings.len; i++) {
		const al_finding *f = then->findings.items[i];
		if (!f->suppressed)
			al_strmap_set(&fp_then, f->fingerprint, NULL);
	}
	for (size_t i = 0; i < now->findings.len; i++) {
		const al_finding *f = now->findings.items[i];
		if (!f->suppressed && !al_strmap_has(&fp_then, f->fingerprint))
			al_vec_push(&doc->added, (void *)f);
	}
	for (size_t i = 0; i < then->findings.len; i++) {
		const al_finding *f = then->findings.items[i];
		if (!f->suppressed && !al_strmap_has(&fp_now, f->fingerprint))
			al_vec_push(&doc->resolved, (void *)f);
	}
	al_strmap_dispose(&fp_now);
	al_strmap_dispose(&fp_then);
}

const al_finding *al_report_find_finding(const al_result *result, const char *fingerprint)
{
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (strcmp(f->fingerprint, fingerprint) == 0)
			return f;
	}
	return NULL;
}

/* With --owner, only the changes and findings of that owner's services (as owned at either
 * end). */
static void keep_owned(al_report_doc *doc)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->changes.len; i++) {
		al_report_change *ch = doc->changes.items[i];
		if ((ch->after && al_report_owned(doc, ch->after)) ||
		    (ch->before && al_report_owned(doc, ch->before)))
			doc->changes.items[n++] = ch;
		else
			free(ch);
	}
	doc->changes.len = n;
	al_vec *lists[] = {&doc->added, &doc->resolved};
	for (size_t k = 0; k < 2; k++) {
		n = 0;
		for (size_t i = 0; i < lists[k]->len; i++) {
			const al_finding *f = lists[k]->items[i];
			if (al_report_owned(doc, f->component))
				lists[k]->items[n++] = lists[k]->items[i];
		}
		lists[k]->len = n;
	}
}

int al_review_since(al_report_doc *doc, const al_report_options *opts)
{
	doc->since = al_strdup(opts->since);
	al_scan_options so = *opts->scan;
	so.mode = AL_SOURCE_REV;
	so.rev = opts->since;
	int err = al_scan_run(&doc->base, &so);
	if (!err)
		compare(doc);
	if (!err && doc->owner)
		keep_owned(doc);
	return err;
}
