/*
 * report_doc.c: collects what `archlint report` shows from one scan — per service its
 * closure's size (files, and lines counted from the snapshot's own blobs), its findings,
 * the role x language matrix — then the links (report_links.c) and, when asked, the changes
 * since an earlier revision (review_since.c) and the drift over the first-parent history
 * (review_history.c).
 *
 * Invariants: every per-commit piece of work goes through al_scan_run (so whatever makes
 * scans cheap, such as the blob cache, makes --history cheap too); sizes are counted from
 * the same snapshot the result was scanned from (the resolved commit in rev mode); output
 * order depends only on the snapshot, never on hash-map order.
 */
#include "report_doc.h"

#include <stdlib.h>
#include <string.h>

#include "nearest.h"
#include "path.h"
#include "rules.h"
#include "source.h"

/* ---- sizes ------------------------------------------------------------------------ */

static size_t count_lines(const al_buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += b->ptr[i] == '\n';
	if (b->len && b->ptr[b->len - 1] != '\n')
		n++;
	return n;
}

typedef struct {
	al_source *source;
	al_strmap lines; /* path -> (size_t)(lines + 1), cast to a pointer */
} sizer;

/* Lines of one file of the snapshot, counted once per report. An unreadable file counts
 * 0 lines: the scan has already recorded a notice for it. */
static size_t file_lines(sizer *sz, const char *path)
{
	void *v = al_strmap_get(&sz->lines, path);
	if (v)
		return (size_t)(uintptr_t)v - 1;
	size_t n = 0;
	al_buf b = AL_BUF_INIT;
	if (al_source_read_path(sz->source, path, &b) == 0)
		n = count_lines(&b);
	al_buf_dispose(&b);
	al_strmap_set(&sz->lines, path, (void *)(uintptr_t)(n + 1));
	return n;
}

/* The closure directory a file belongs to: the longest one containing it, the nearest of
 * its ancestors that is in dirs (dir -> al_report_dir *). */
static al_report_dir *dir_of(const al_strmap *dirs, const char *path)
{
	char *dir = al_path_dirname(path);
	al_report_dir *d;
	while (!(d = al_strmap_get(dirs, dir)) && al_path_up(&dir))
		;
	free(dir);
	return d;
}

static void size_service(sizer *sz, al_report_service *s, al_strmap *all_files, al_report_doc *doc)
{
	const al_component *c = s->component;
	al_strmap dirs = AL_STRMAP_INIT;
	for (size_t i = 0; i < c->closure.len; i++) {
		al_report_dir *d = al_calloc(1, sizeof(*d));
		d->dir = c->closure.items[i];
		d->own = i == 0;
		al_vec_push(&s->dirs, d);
		if (!al_strmap_has(&dirs, d->dir))
			al_strmap_set(&dirs, d->dir, d);
	}
	al_strmap seen = AL_STRMAP_INIT;
	for (size_t i = 0; i < c->closure_paths.len; i++) {
		const char *path = c->closure_paths.items[i];
		if (al_strmap_has(&seen, path))
			continue;
		al_strmap_set(&seen, path, NULL);
		size_t n = file_lines(sz, path);
		s->files++;
		s->lines += n;
		al_report_dir *d = dir_of(&dirs, path);
		if (d) {
			d->files++;
			d->lines += n;
		}
		if (!al_strmap_has(all_files, path)) {
			al_strmap_set(all_files, path, NULL);
			doc->files++;
			doc->lines += n;
		}
	}
	al_strmap_dispose(&seen);
	al_strmap_dispose(&dirs);
}

/* ---- the matrix and the guideline --------------------------------------------------- */

void al_report_cell_rules(const al_report_doc *doc, al_role role, al_language lang, al_vec *out)
{
	const al_ruleset *rules = doc->result->rules;
	for (size_t i = 0; rules && i < rules->rules.len; i++) {
		const al_rule *r = rules->rules.items[i];
		if (r->level == AL_LEVEL_OFF || r->when_hybrid == 1)
			continue;
		if (r->when_role < 0 && r->when_language < 0)
			continue;
		if (r->when_role >= 0 && r->when_role != (int)role)
			continue;
		if (r->when_language >= 0 && r->when_language != (int)lang)
			continue;
		al_vec_push(out, (void *)r);
	}
}

char *al_report_file_link(const al_report_doc *doc, const char *path, unsigned line, int dir)
{
	return doc->linked ? al_forge_link(&doc->forge, doc->result->commit, path, line, dir)
	                   : NULL;
}

/* ---- owners ------------------------------------------------------------------------ */

/* --owner that owns nothing: the error names the owners there are, the nearest first. */
static int unknown_owner(const al_report_doc *doc)
{
	al_strmap seen = AL_STRMAP_INIT;
	al_vec owners = AL_VEC_INIT;
	for (size_t i = 0; i < doc->result->components.len; i++) {
		const al_component *c = doc->result->components.items[i];
		for (size_t k = 0; k < c->owners.len; k++)
			if (!al_strmap_has(&seen, c->owners.items[k])) {
				al_strmap_set(&seen, c->owners.items[k], NULL);
				al_vec_push(&owners, c->owners.items[k]);
			}
	}
	const char *near = al_nearest(doc->owner, (const char *const *)owners.items, owners.len);
	if (!owners.len)
		al_error_set("--owner '%s': nobody owns a service here (no CODEOWNERS file and no "
		             "Backstage spec.owner)",
		             doc->owner);
	else if (near)
		al_error_set("--owner '%s' owns no service (did you mean '%s'?)", doc->owner, near);
	else
		al_error_set("--owner '%s' owns no service; %zu owners do, such as '%s'",
		             doc->owner, owners.len, (const char *)owners.items[0]);
	al_strmap_dispose(&seen);
	al_vec_dispose(&owners);
	return AL_EUSAGE;
}

/* ---- build and free ------------------------------------------------------------------------ */

static char *repository_name(const al_source *src)
{
	const char *p = src->workdir ? src->workdir : src->open_path;
	char *dir = al_strdup(p ? p : "");
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	if (!src->workdir && n > 5 && strcmp(dir + n - 5, "/.git") == 0)
		dir[n -= 5] = '\0';
	const char *slash = strrchr(dir, '/');
	char *name = al_strdup(slash && slash[1] ? slash + 1 : dir);
	free(dir);
	return name;
}

int al_report_doc_build(al_report_doc **out, const al_result *result, const al_report_options *opts)
{
	*out = NULL;
	al_report_doc *doc = al_calloc(1, sizeof(*doc));
	doc->result = result;
	int err = 0;
	al_git_init();

	/* Sizes come from the very snapshot that was scanned. */
	sizer sz = {NULL, AL_STRMAP_INIT};
	const char *rev =
	    result->mode == AL_SOURCE_REV ? (result->commit ? result->commit : result->rev) : NULL;
	err = al_source_open(&sz.source, opts->scan->path, result->mode, rev);
	if (err)
		goto done;
	doc->repo_name = repository_name(sz.source);
	doc->linked = result->mode == AL_SOURCE_REV && result->commit &&
	              al_forge_of(sz.source->repo, &doc->forge);
	al_strmap all_files = AL_STRMAP_INIT;
	char key[AL_PTR_KEY_SIZE];
	doc->owner = opts->owner;
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		doc->owned |= c->owners_from != NULL;
		if (!al_report_owned(doc, c))
			continue;
		al_report_service *s = al_calloc(1, sizeof(*s));
		s->component = c;
		s->index = doc->services.len;
		size_service(&sz, s, &all_files, doc);
		al_report_verdict_lines(s);
		al_vec_push(&doc->services, s);
		al_ptr_key(key, s->component);
		al_strmap_set(&doc->by_component, key, s);
		doc->matrix[s->component->role][s->component->language]++;
	}
	al_strmap_dispose(&all_files);
	if (doc->owner && !doc->services.len) {
		err = unknown_owner(doc);
		goto done;
	}
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		al_report_service *s = (al_report_service *)al_report_service_of(doc, f->component);
		if (!s)
			continue;
		if (f->suppressed)
			doc->accepted++;
		else
			doc->levels[f->level]++;
		al_vec_push(&s->findings, (void *)f);
		if (!f->suppressed) {
			s->open++;
			if ((int)f->level > s->worst)
				s->worst = (int)f->level;
		}
	}
	al_report_find_groups(doc);
	al_report_find_links(doc);
	if (opts->since)
		err = al_review_since(doc, opts);
	if (!err && opts->history)
		err = al_review_history(doc, opts);

done:
	al_strmap_dispose(&sz.lines);
	al_source_free(sz.source);
	git_libgit2_shutdown();
	if (err) {
		al_report_doc_free(doc);
		return err;
	}
	*out = doc;
	return 0;
}

static void free_service(void *p)
{
	al_report_service *s = p;
	al_vec_dispose_with(&s->dirs, free);
	al_vec_dispose(&s->findings);
	al_vec_dispose(&s->links);
	al_vec_dispose(&s->ffi);
	free(s->shipped_line);
	free(s->runs_line);
	free(s->reached_line);
	free(s);
}

static void free_link(void *p)
{
	al_report_link *l = p;
	al_vec_dispose(&l->via);
	free(l);
}

static void free_point(void *p)
{
	al_report_point *pt = p;
	free(pt->subject);
	free(pt->error);
	free(pt);
}

void al_report_doc_free(al_report_doc *doc)
{
	if (!doc)
		return;
	al_vec_dispose_with(&doc->services, free_service);
	al_report_groups_free(doc);
	al_forge_dispose(&doc->forge);
	al_vec_dispose_with(&doc->links, free_link);
	al_vec_dispose_with(&doc->hubs, free);
	al_strmap_dispose(&doc->by_component);
	al_vec_dispose_with(&doc->changes, free);
	al_vec_dispose(&doc->added);
	al_vec_dispose(&doc->resolved);
	al_vec_dispose_with(&doc->history, free_point);
	al_result_free(doc->base);
	free(doc->since);
	free(doc->repo_name);
	free(doc);
}
