/*
 * report_links.c: the links between the report's services — two services built from common
 * in-repo code that most services do not share, or joined by FFI — kept linear in the size
 * of the closures: code shared too widely is listed once as a hub instead of linked pairwise.
 */
#include <stdlib.h>
#include <string.h>

#include "report_doc.h"

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

void al_report_find_links(al_report_doc *doc)
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
