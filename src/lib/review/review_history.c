/*
 * review_history.c: `report --history N` — the pipeline run once per commit of the
 * first-parent chain (the repository module lists it), oldest first, each scan counted into
 * a point: services per role and language, open findings per level. A commit the scan
 * fails on is a point with its error, not the end of the chart. Only the commits that
 * change a count are kept, with the oldest and the newest: a hundred commits that touch
 * no service make no hundred identical rows.
 */
#include <stdlib.h>
#include <string.h>

#include "first_parents.h"
#include "report_doc.h"

static void count_result(const al_result *r, size_t *services, size_t matrix[][AL_LANG__COUNT],
                         size_t *levels)
{
	*services = r->components.len;
	for (size_t i = 0; i < r->components.len; i++) {
		const al_component *c = r->components.items[i];
		matrix[c->role][c->language]++;
	}
	for (size_t i = 0; i < r->findings.len; i++) {
		const al_finding *f = r->findings.items[i];
		if (!f->suppressed)
			levels[f->level]++;
	}
}

static int same_counts(const al_report_point *a, const al_report_point *b)
{
	return !a->error && !b->error && a->services == b->services &&
	       memcmp(a->matrix, b->matrix, sizeof a->matrix) == 0 &&
	       memcmp(a->levels, b->levels, sizeof a->levels) == 0;
}

static void free_point(al_report_point *p)
{
	free(p->subject);
	free(p->error);
	free(p);
}

int al_review_history(al_report_doc *doc, const al_report_options *opts)
{
	const char *where = opts->scan->path ? opts->scan->path : ".";
	const char *spec =
	    opts->scan->mode == AL_SOURCE_REV && opts->scan->rev ? opts->scan->rev : "HEAD";
	al_vec chain = AL_VEC_INIT; /* al_commit_info *, newest first */
	doc->history_asked = opts->history;
	int err = al_repo_first_parents(&chain, where, spec, opts->history);
	for (size_t i = chain.len; !err && i-- > 0;) {
		const al_commit_info *c = chain.items[i];
		al_report_point *p = al_calloc(1, sizeof(*p));
		memcpy(p->commit, c->commit, sizeof(p->commit));
		p->subject = al_strdup(c->subject);
		p->time = c->time;
		unsigned done = (unsigned)(chain.len - 1 - i);
		const al_result *r = NULL;
		al_result *own = NULL;
		if (doc->result->mode == AL_SOURCE_REV && doc->result->commit &&
		    strcmp(doc->result->commit, p->commit) == 0) {
			r = doc->result;
		} else {
			if (opts->progress)
				opts->progress(done, (unsigned)chain.len, p->commit,
				               opts->progress_ctx);
			al_scan_options so = *opts->scan;
			so.mode = AL_SOURCE_REV;
			so.rev = p->commit;
			if (al_scan_run(&own, &so) != 0)
				p->error = al_strdup(al_error_last());
			r = own;
		}
		if (r)
			count_result(r, &p->services, p->matrix, p->levels);
		al_result_free(own);
		doc->history_walked++;
		const al_report_point *last =
		    doc->history.len ? doc->history.items[doc->history.len - 1] : NULL;
		if (last && i > 0 && same_counts(last, p))
			free_point(p);
		else
			al_vec_push(&doc->history, p);
	}
	al_vec_dispose_with(&chain, al_commit_info_free);
	return err;
}
