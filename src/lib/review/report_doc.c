/*
 * report_doc.c: collects what `archlint report` shows from one scan — per service its
 * closure's size (files, and lines counted from the snapshot's own blobs), its findings,
 * the links between components, the role x language matrix — and, when asked, the
 * changes since an earlier revision and the drift over the first-parent history.
 *
 * Invariants: every per-commit piece of work goes through al_scan_run (so whatever makes
 * scans cheap, such as the blob cache, makes --history cheap too); sizes are counted from
 * the same snapshot the result was scanned from (the resolved commit in rev mode); output
 * order depends only on the snapshot, never on hash-map order.
 */
#include "report_doc.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "rules.h"
#include "repo_open.h"
#include "source.h"
#include "path.h"

/* ---- escaping shared by the formats ------------------------------------------------- */

char *al_report_display(const char *s)
{
	char *clean = al_utf8_sanitize(s ? s : "");
	al_buf b = AL_BUF_INIT;
	al_buf_puts(&b, "");
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		if (*p == '\n')
			al_buf_puts(&b, "\\n");
		else if (*p == '\t')
			al_buf_puts(&b, "\\t");
		else if (*p == '\r')
			al_buf_puts(&b, "\\r");
		else if (*p == '\\')
			al_buf_puts(&b, "\\\\");
		else if (*p < 0x20 || *p == 0x7f)
			al_buf_printf(&b, "\\x%02x", *p);
		else
			al_buf_putc(&b, (char)*p);
	}
	free(clean);
	return al_buf_detach(&b);
}

void al_html_escape_display(FILE *out, const char *display)
{
	for (const char *p = display; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*p, out);
		}
	}
}

void al_html_escape(FILE *out, const char *s)
{
	char *d = al_report_display(s);
	al_html_escape_display(out, d);
	free(d);
}

const char *al_report_role_title(al_role role)
{
	static const char *const titles[] = {"Data path", "Control plane", "Tool", "Unclassified"};
	return role < AL_ROLE__COUNT ? titles[role] : "?";
}

const char *al_report_language_title(al_language lang)
{
	return lang == AL_LANG_GO ? "Go" : lang == AL_LANG_RUST ? "Rust" : "?";
}

/* ---- prose shared by the html and md reports -------------------------------------- */

char *al_report_rule_when(const al_rule *r)
{
	al_buf b = AL_BUF_INIT;
	const char *sep = "";
	if (r->when_role >= 0) {
		al_buf_puts(&b, al_role_name((al_role)r->when_role));
		sep = ", ";
	}
	if (r->when_language >= 0) {
		al_buf_printf(&b, "%s%s", sep,
		              al_report_language_title((al_language)r->when_language));
		sep = ", ";
	}
	if (r->when_hybrid >= 0)
		al_buf_printf(&b, "%s%s", sep, r->when_hybrid ? "hybrid" : "not hybrid");
	else if (!*sep)
		al_buf_puts(&b, "\xE2\x80\x94");
	return al_buf_detach(&b);
}

size_t al_report_role_count(const size_t matrix[][AL_LANG__COUNT], al_role role)
{
	size_t n = 0;
	for (int l = 0; l < AL_LANG__COUNT; l++)
		n += matrix[role][l];
	return n;
}

size_t al_report_language_count(const size_t matrix[][AL_LANG__COUNT], al_language lang)
{
	size_t n = 0;
	for (int r = 0; r < AL_ROLE__COUNT; r++)
		n += matrix[r][lang];
	return n;
}

size_t al_report_change_count(const al_report_doc *doc, al_change_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->changes.len; i++)
		n += ((const al_report_change *)doc->changes.items[i])->kind == kind;
	return n;
}

const char *al_report_change_title(al_change_kind kind)
{
	static const char *const titles[] = {"New services", "Removed services", "Role changed",
	                                     "Language changed"};
	return titles[kind];
}

const al_report_service *al_report_link_other(const al_report_link *l, const al_report_service *s)
{
	return l->a == s ? l->b : l->a;
}

char *al_report_history_intro(const al_report_doc *doc)
{
	if (doc->history.len < doc->history_asked)
		return al_sprintf("The last %zu commits of the first-parent history (%u asked; the "
		                  "history ends there)",
		                  doc->history.len, doc->history_asked);
	return al_sprintf("The last %zu commits of the first-parent history", doc->history.len);
}

void al_report_date(char buf[AL_REPORT_DATE_SIZE], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	strcpy(buf, "?");
	if (gmtime_r(&tt, &tm))
		strftime(buf, AL_REPORT_DATE_SIZE, "%Y-%m-%d", &tm);
}

void al_report_history_row(const al_report_point *p, size_t cols[AL_REPORT_HISTORY_COLS])
{
	cols[0] = p->services;
	cols[1] = p->matrix[AL_ROLE_DATA_PATH][AL_LANG_GO];
	cols[2] = p->matrix[AL_ROLE_DATA_PATH][AL_LANG_RUST];
	cols[3] = p->matrix[AL_ROLE_CONTROL_PLANE][AL_LANG_GO];
	cols[4] = p->matrix[AL_ROLE_CONTROL_PLANE][AL_LANG_RUST];
	cols[5] = al_report_role_count(p->matrix, AL_ROLE_TOOL);
	cols[6] = al_report_role_count(p->matrix, AL_ROLE_UNCLASSIFIED);
	cols[7] =
	    p->levels[AL_LEVEL_NOTE] + p->levels[AL_LEVEL_WARNING] + p->levels[AL_LEVEL_ERROR];
}

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
	while (!(d = al_strmap_get(dirs, dir)) && strcmp(dir, ".") != 0) {
		char *up = al_path_dirname(dir);
		free(dir);
		dir = up;
	}
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

/* ---- links -------------------------------------------------------------------------- */

typedef struct {
	size_t service;
	int own;
} dir_user;

static int cmp_link(const void *x, const void *y)
{
	const al_report_link *a = *(al_report_link *const *)x, *b = *(al_report_link *const *)y;
	if (a->a->index != b->a->index)
		return a->a->index < b->a->index ? -1 : 1;
	if (a->b->index != b->b->index)
		return a->b->index < b->b->index ? -1 : 1;
	return (int)a->kind - (int)b->kind;
}

static void free_dir_users(void *p)
{
	al_vec_dispose_with(p, free);
	free(p);
}

const al_report_service *al_report_service_of(const al_report_doc *doc, const al_component *c)
{
	char key[AL_PTR_KEY_SIZE];
	al_ptr_key(key, c);
	return al_strmap_get(&doc->by_component, key);
}

/* The first service of this language and id ("0cmd/x": the language's digit, then the id). */
static al_report_service *service_by_id(const al_strmap *by_id, const char *id, al_language lang)
{
	char *key = al_sprintf("%d%s", (int)lang, id);
	al_report_service *s = al_strmap_get(by_id, key);
	free(key);
	return s;
}

static void index_by_id(al_strmap *by_id, const al_report_doc *doc)
{
	for (size_t i = 0; i < doc->services.len; i++) {
		al_report_service *s = doc->services.items[i];
		char *key = al_sprintf("%d%s", (int)s->component->language, s->component->id);
		if (!al_strmap_has(by_id, key))
			al_strmap_set(by_id, key, s);
		free(key);
	}
}

/* FFI: the Go component that links a Rust library meets every Rust component built
 * from that library's package. */
static void ffi_links(al_report_doc *doc, al_strmap *pairs)
{
	char key[64];
	al_strmap by_id = AL_STRMAP_INIT;
	index_by_id(&by_id, doc);
	for (size_t i = 0; i < doc->result->links.len; i++) {
		const al_link *l = doc->result->links.items[i];
		al_report_service *from = service_by_id(&by_id, l->from, AL_LANG_GO);
		if (!from)
			continue;
		al_vec_push(&from->ffi, (void *)l);
		for (size_t k = 0; k < l->to_components.len; k++) {
			al_report_service *to =
			    service_by_id(&by_id, l->to_components.items[k], AL_LANG_RUST);
			if (!to || to == from)
				continue;
			size_t a = from->index < to->index ? from->index : to->index;
			size_t b = from->index < to->index ? to->index : from->index;
			snprintf(key, sizeof(key), "ffi %zu %zu", a, b);
			if (al_strmap_has(pairs, key))
				continue;
			al_report_link *r = al_calloc(1, sizeof(*r));
			r->kind = AL_LINK_FFI;
			r->a = doc->services.items[a];
			r->b = doc->services.items[b];
			r->ffi = l;
			r->specific = 1;
			al_vec_push(&r->via, l->to_package);
			al_strmap_set(pairs, key, r);
			al_vec_push(&doc->links, r);
		}
	}
	al_strmap_dispose(&by_id);
}

/* The link of services a and b (a < b) through shared code, made on first use. */
static al_report_link *shared_link(al_report_doc *doc, al_strmap *pairs, size_t a, size_t b)
{
	char key[64];
	snprintf(key, sizeof(key), "%zu %zu", a, b);
	al_report_link *l = al_strmap_get(pairs, key);
	if (!l) {
		l = al_calloc(1, sizeof(*l));
		l->kind = AL_LINK_SHARED;
		l->a = doc->services.items[a];
		l->b = doc->services.items[b];
		al_strmap_set(pairs, key, l);
		al_vec_push(&doc->links, l);
	}
	return l;
}

static void link_users(al_report_doc *doc, al_strmap *pairs, const dir_user *x, const dir_user *y,
                       const char *dir, int ubiquitous)
{
	if (x->service == y->service)
		return;
	al_report_link *l = x->service < y->service
	                        ? shared_link(doc, pairs, x->service, y->service)
	                        : shared_link(doc, pairs, y->service, x->service);
	al_vec_push(&l->via, (void *)dir);
	l->specific += !ubiquitous;
}

/* Links every two services that have dir in their closure, unless it is the own package of
 * both (two binaries of one Cargo package are one package, not a dependency) — or records dir
 * as a hub when that would take more than AL_REPORT_MAX_DIR_LINKS links. */
static void link_through(al_report_doc *doc, al_strmap *pairs, const char *dir, const al_vec *users)
{
	al_vec own = AL_VEC_INIT, other = AL_VEC_INIT;
	for (size_t i = 0; i < users->len; i++) {
		const dir_user *u = users->items[i];
		al_vec_push(u->own ? &own : &other, (void *)u);
	}
	size_t pairs_n = own.len * other.len + (other.len ? other.len * (other.len - 1) / 2 : 0);
	if (pairs_n > AL_REPORT_MAX_DIR_LINKS) {
		al_report_hub *h = al_calloc(1, sizeof(*h));
		h->dir = dir;
		h->services = users->len;
		al_vec_push(&doc->hubs, h);
	} else {
		/* Code most services are built from (logging, config) says little about how two
		 * of them relate: such a link is drawn faint. */
		size_t n = doc->services.len;
		int ubiquitous = n >= 4 && 2 * users->len > n;
		for (size_t i = 0; i < other.len; i++) {
			for (size_t j = 0; j < own.len; j++)
				link_users(doc, pairs, other.items[i], own.items[j], dir,
				           ubiquitous);
			for (size_t j = i + 1; j < other.len; j++)
				link_users(doc, pairs, other.items[i], other.items[j], dir,
				           ubiquitous);
		}
	}
	al_vec_dispose(&own);
	al_vec_dispose(&other);
}

static void find_links(al_report_doc *doc)
{
	al_strmap users = AL_STRMAP_INIT; /* dir -> al_vec * of dir_user * */
	al_vec dirs = AL_VEC_INIT;        /* the keys, for a deterministic order */
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		for (size_t k = 0; k < s->dirs.len; k++) {
			const al_report_dir *d = s->dirs.items[k];
			al_vec *v = al_strmap_get(&users, d->dir);
			if (!v) {
				v = al_calloc(1, sizeof(*v));
				al_strmap_set(&users, d->dir, v);
				al_vec_push(&dirs, (void *)d->dir);
			}
			dir_user *u = al_calloc(1, sizeof(*u));
			u->service = i;
			u->own = d->own;
			al_vec_push(v, u);
		}
	}
	al_vec_sort(&dirs, al_vec_cmp_str);
	al_strmap pairs = AL_STRMAP_INIT; /* "a b" -> al_report_link * */
	for (size_t k = 0; k < dirs.len; k++)
		link_through(doc, &pairs, dirs.items[k], al_strmap_get(&users, dirs.items[k]));
	ffi_links(doc, &pairs);
	al_vec_sort(&doc->links, cmp_link);
	for (size_t i = 0; i < doc->links.len; i++) {
		al_report_link *l = doc->links.items[i];
		al_vec_push(&((al_report_service *)l->a)->links, l);
		al_vec_push(&((al_report_service *)l->b)->links, l);
	}
	al_strmap_dispose(&pairs);
	al_strmap_dispose_with(&users, free_dir_users);
	al_vec_dispose(&dirs);
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

/* ---- --since ---------------------------------------------------------------------------- */

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

/* ---- --history ---------------------------------------------------------------------------- */

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

static char *first_line(const char *msg)
{
	if (!msg)
		return al_strdup("");
	const char *nl = strchr(msg, '\n');
	return nl ? al_strndup(msg, (size_t)(nl - msg)) : al_strdup(msg);
}

static int walk_history(al_report_doc *doc, const al_report_options *opts)
{
	const char *where = opts->scan->path ? opts->scan->path : ".";
	const char *spec =
	    opts->scan->mode == AL_SOURCE_REV && opts->scan->rev ? opts->scan->rev : "HEAD";
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_commit *commit = NULL;
	al_vec chain = AL_VEC_INIT; /* al_report_point *, newest first */
	int err = 0;
	if ((err = al_repo_open_checked(&repo, where)))
		goto done;
	if (git_revparse_single(&obj, repo, spec) < 0 ||
	    git_object_peel((git_object **)&commit, obj, GIT_OBJECT_COMMIT) < 0) {
		al_error_set("'%s': --history: unknown revision '%s'", where, spec);
		err = AL_EREPO;
		goto done;
	}
	/* The chain first, so progress can say "k of n"; a shallow clone simply ends early. */
	while (commit && chain.len < opts->history) {
		al_report_point *p = al_calloc(1, sizeof(*p));
		git_oid_tostr(p->commit, sizeof(p->commit), git_commit_id(commit));
		p->subject = first_line(git_commit_message(commit));
		p->time = (int64_t)git_commit_time(commit);
		al_vec_push(&chain, p);
		git_commit *parent = NULL;
		if (git_commit_parentcount(commit) == 0 ||
		    git_commit_parent(&parent, commit, 0) < 0)
			parent = NULL;
		git_commit_free(commit);
		commit = parent;
	}
	for (size_t i = chain.len; i-- > 0;) {
		al_report_point *p = chain.items[i];
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
		al_vec_push(&doc->history, p);
	}
	chain.len = 0;
done:
	al_vec_dispose(&chain);
	git_commit_free(commit);
	git_object_free(obj);
	git_repository_free(repo);
	return err;
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
	al_strmap all_files = AL_STRMAP_INIT;
	char key[AL_PTR_KEY_SIZE];
	for (size_t i = 0; i < result->components.len; i++) {
		al_report_service *s = al_calloc(1, sizeof(*s));
		s->component = result->components.items[i];
		s->index = i;
		size_service(&sz, s, &all_files, doc);
		al_report_verdict_lines(s);
		al_vec_push(&doc->services, s);
		al_ptr_key(key, s->component);
		al_strmap_set(&doc->by_component, key, s);
		doc->matrix[s->component->role][s->component->language]++;
	}
	al_strmap_dispose(&all_files);
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed)
			doc->accepted++;
		else
			doc->levels[f->level]++;
		al_report_service *s = (al_report_service *)al_report_service_of(doc, f->component);
		if (!s)
			continue;
		al_vec_push(&s->findings, (void *)f);
		if (!f->suppressed) {
			s->open++;
			if ((int)f->level > s->worst)
				s->worst = (int)f->level;
		}
	}
	find_links(doc);

	if (opts->since) {
		doc->since = al_strdup(opts->since);
		al_scan_options so = *opts->scan;
		so.mode = AL_SOURCE_REV;
		so.rev = opts->since;
		err = al_scan_run(&doc->base, &so);
		if (err)
			goto done;
		compare(doc);
	}
	if (opts->history) {
		doc->history_asked = opts->history;
		err = walk_history(doc, opts);
	}

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

#define MAX_HUBS 12

void al_report_hubs_caption(FILE *out, const al_report_doc *doc,
                            void (*code)(FILE *out, const char *dir))
{
	fprintf(out,
	        "Not drawn as links: code in the closure of so many services that linking every "
	        "two of them would take over %d links:",
	        AL_REPORT_MAX_DIR_LINKS);
	for (size_t i = 0; i < doc->hubs.len && i < MAX_HUBS; i++) {
		const al_report_hub *h = doc->hubs.items[i];
		fputs(i ? ", " : " ", out);
		code(out, h->dir);
		fprintf(out, " (%zu services)", h->services);
	}
	if (doc->hubs.len > MAX_HUBS)
		fprintf(out, " and %zu more", doc->hubs.len - MAX_HUBS);
	fputs(". The services below list it among their packages.", out);
}
