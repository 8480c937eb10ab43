/*
 * report_groups.c: what the report groups services in, so a fleet of hundreds reads as a
 * dozen systems. First families — near-identical services (one group, one role and
 * language, the same shared code, package directories that differ only in their own name
 * and in parents holding a digit, as settings migrations one per release do) shown as one.
 * Then groups: the service's system (Backstage spec.system, else the config's "groups")
 * or else the nearest directory above it holding several services, a family counting as
 * one service. Last the uses between groups: a group building from packages in another
 * group's home that most services do not build from.
 *
 * Everything is linear in the services' directory depth and closure sizes: directories are
 * counted in a map once per service and closure directory, never compared pairwise. Order
 * follows the doc's services, never a hash map's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"
#include "report_doc.h"

/* ---- families ---------------------------------------------------------------------- */

/* dir with every segment that holds a digit written as '*': "migrations/v1.2.0" ->
 * "migrations/ *" (without the space). */
static void masked(al_buf *b, const char *dir)
{
	const char *seg = dir;
	while (*seg) {
		size_t n = strcspn(seg, "/");
		if (strcspn(seg, "0123456789") < n)
			al_buf_puts(b, "*");
		else
			al_buf_printf(b, "%.*s", (int)n, seg);
		seg += n;
		if (*seg == '/')
			al_buf_puts(b, "/"), seg++;
	}
}

/* What makes services near-identical: group-to-be, role, language, where they sit and
 * the code they share (their closure outside their own package). */
static char *family_key(const al_report_service *s)
{
	const al_component *c = s->component;
	al_buf b = AL_BUF_INIT;
	al_buf_printf(&b, "%s\n%d %d\n", c->system ? c->system : "", (int)c->role,
	              (int)c->language);
	char *parent = al_path_dirname(c->package_dir);
	masked(&b, parent);
	free(parent);
	size_t own = strlen(c->package_dir);
	for (size_t i = 1; i < c->closure.len; i++) {
		const char *d = c->closure.items[i];
		if (!(strncmp(d, c->package_dir, own) == 0 && d[own] == '/'))
			al_buf_printf(&b, "\n%s", d);
	}
	return al_buf_detach(&b);
}

/* The members' package directories, segment by segment: kept where all agree, else '*'. */
static char *family_pattern(const al_vec *members)
{
	const al_report_service *first = members->items[0];
	const char *dir = first->component->package_dir;
	al_buf b = AL_BUF_INIT;
	size_t at = 0;
	while (1) {
		size_t n = strcspn(dir + at, "/");
		int same = 1;
		for (size_t i = 1; i < members->len && same; i++) {
			const char *other =
			    ((al_report_service *)members->items[i])->component->package_dir;
			same = strlen(other) >= at + n && strncmp(other + at, dir + at, n) == 0 &&
			       (other[at + n] == '/' || other[at + n] == '\0');
		}
		if (same)
			al_buf_printf(&b, "%.*s", (int)n, dir + at);
		else
			al_buf_puts(&b, "*");
		at += n;
		if (dir[at] != '/')
			break;
		al_buf_puts(&b, "/");
		at++;
	}
	return al_buf_detach(&b);
}

static void find_families(al_report_doc *doc)
{
	al_strmap by_key = AL_STRMAP_INIT; /* key -> al_vec * of services */
	al_vec candidates = AL_VEC_INIT;   /* al_vec *, in the order of their first service */
	for (size_t i = 0; i < doc->services.len; i++) {
		al_report_service *s = doc->services.items[i];
		char *key = family_key(s);
		al_vec *members = al_strmap_get(&by_key, key);
		if (!members) {
			members = al_calloc(1, sizeof *members);
			al_strmap_set(&by_key, key, members);
			al_vec_push(&candidates, members);
		}
		al_vec_push(members, s);
		free(key);
	}
	for (size_t i = 0; i < candidates.len; i++) {
		al_vec *members = candidates.items[i];
		if (members->len >= AL_REPORT_FAMILY_MIN) {
			al_report_family *f = al_calloc(1, sizeof *f);
			f->index = doc->families.len;
			f->pattern = family_pattern(members);
			f->members = *members;
			const al_report_service *first = members->items[0];
			f->role = first->component->role;
			f->language = first->component->language;
			for (size_t k = 0; k < members->len; k++) {
				al_report_service *s = members->items[k];
				s->family = f;
				f->open += s->open;
				if (s->worst > f->worst)
					f->worst = s->worst;
			}
			al_vec_push(&doc->families, f);
		} else {
			al_vec_dispose(members);
		}
		free(members);
	}
	al_vec_dispose(&candidates);
	al_strmap_dispose(&by_key);
}

/* ---- groups ------------------------------------------------------------------------ */

/* Where a service counts when directories are counted: its package's parent, or for a
 * family the part of its pattern before the first '*' (its package's parent when none). */
static char *base_dir(const al_report_service *s)
{
	if (!s->family)
		return al_path_dirname(s->component->package_dir);
	const char *p = s->family->pattern;
	const char *star = strstr(p, "*");
	if (!star)
		return al_path_dirname(p);
	size_t n = (size_t)(star - p);
	while (n && p[n - 1] == '/')
		n--;
	return n ? al_strndup(p, n) : al_strdup(".");
}

const al_report_service *al_report_shown_as(const al_report_service *s)
{
	return s->family ? s->family->members.items[0] : s;
}

const char *al_report_group_title(const al_report_group *g)
{
	return strcmp(g->name, ".") ? g->name : "(top level)";
}

/* dir -> services whose base is dir or below it, + 1. A family counts twice, whatever its
 * size: it holds several services, so its base is a group of its own, but no more than
 * two services in deciding where its siblings go. */
static void count_dirs(const al_report_doc *doc, al_strmap *held)
{
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		if (s->component->system || al_report_shown_as(s) != s)
			continue;
		size_t weight = s->family ? 2 : 1;
		char *dir = base_dir(s);
		do {
			size_t n = (size_t)(uintptr_t)al_strmap_get(held, dir);
			al_strmap_set(held, dir, (void *)(uintptr_t)((n ? n : 1) + weight));
		} while (al_path_up(&dir));
		free(dir);
	}
}

/* The nearest directory at or above s's base that holds several services. */
static char *group_dir(const al_report_service *s, const al_strmap *held)
{
	char *dir = base_dir(s);
	while ((size_t)(uintptr_t)al_strmap_get(held, dir) < 3 && al_path_up(&dir))
		;
	return dir;
}

/* a shortened in place to the deepest directory holding both a and b ("." for none). */
static void common_dir(char *a, const char *b)
{
	size_t keep = 0;
	for (size_t i = 0;; i++) {
		int a_end = a[i] == '/' || a[i] == '\0', b_end = b[i] == '/' || b[i] == '\0';
		if (a_end && b_end) {
			keep = i;
			if (!a[i] || !b[i])
				break;
		} else if (a[i] != b[i]) {
			break;
		}
	}
	if (keep == 0)
		strcpy(a, ".");
	else
		a[keep] = '\0';
}

static al_report_group *group_for(al_report_doc *doc, al_strmap *by_key, const al_report_service *s,
                                  const al_strmap *held)
{
	const al_component *c = s->component;
	char *dir = NULL, *key;
	if (al_report_shown_as(s) != s)
		return (al_report_group *)al_report_shown_as(s)->group;
	if (c->system) {
		key = al_sprintf("s%s", c->system);
	} else {
		dir = group_dir(s, held);
		key = al_sprintf("d%s", dir);
	}
	al_report_group *g = al_strmap_get(by_key, key);
	if (!g) {
		g = al_calloc(1, sizeof *g);
		g->index = doc->groups.len;
		g->kind = c->system ? AL_GROUP_SYSTEM : AL_GROUP_DIRECTORY;
		g->home = dir ? dir : al_strdup(c->package_dir);
		g->name = c->system ? c->system : g->home;
		g->from = c->system_from;
		dir = NULL;
		al_strmap_set(by_key, key, g);
		al_vec_push(&doc->groups, g);
	} else if (g->kind == AL_GROUP_SYSTEM) {
		common_dir(g->home, c->package_dir);
	}
	free(dir);
	free(key);
	return g;
}

static void group_services(al_report_doc *doc)
{
	al_strmap held = AL_STRMAP_INIT, by_key = AL_STRMAP_INIT;
	count_dirs(doc, &held);
	for (size_t i = 0; i < doc->services.len; i++) {
		al_report_service *s = doc->services.items[i];
		al_report_group *g = group_for(doc, &by_key, s, &held);
		s->group = g;
		al_vec_push(&g->services, s);
		if (s->family && al_report_shown_as(s) == s)
			al_vec_push(&g->families, (void *)s->family);
		g->open += s->open;
		if (s->worst > g->worst)
			g->worst = s->worst;
	}
	al_strmap_dispose(&held);
	al_strmap_dispose(&by_key);
}

/* ---- uses between groups ----------------------------------------------------------- */

typedef struct {
	size_t users; /* services built from the directory */
	size_t last;  /* the last of them counted, + 1 */
} dir_use;

/* The group whose home is dir or its nearest parent (the top level is no one's home). */
static al_report_group *home_of(const al_strmap *homes, const char *dir)
{
	char *d = al_strdup(dir);
	al_report_group *g = NULL;
	while (!(g = al_strmap_get(homes, d)) && al_path_up(&d))
		;
	free(d);
	return g;
}

static int cmp_use(const void *x, const void *y)
{
	const al_report_group_use *a = *(al_report_group_use *const *)x,
	                          *b = *(al_report_group_use *const *)y;
	if (a->from->index != b->from->index)
		return a->from->index < b->from->index ? -1 : 1;
	return a->to->index < b->to->index ? -1 : a->to->index > b->to->index;
}

static void count_users(const al_report_doc *doc, al_strmap *users, al_vec *all)
{
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_component *c = ((al_report_service *)doc->services.items[i])->component;
		for (size_t k = 0; k < c->closure.len; k++) {
			dir_use *u = al_strmap_get(users, c->closure.items[k]);
			if (!u) {
				u = al_calloc(1, sizeof *u);
				al_strmap_set(users, c->closure.items[k], u);
				al_vec_push(all, u);
			}
			if (u->last != i + 1)
				u->users++, u->last = i + 1;
		}
	}
}

static void find_group_uses(al_report_doc *doc)
{
	al_strmap homes = AL_STRMAP_INIT, users = AL_STRMAP_INIT, uses = AL_STRMAP_INIT;
	al_strmap listed = AL_STRMAP_INIT; /* "from to\ndir": the dir is in that use's dirs */
	al_vec user_counts = AL_VEC_INIT;
	for (size_t i = 0; i < doc->groups.len; i++) {
		al_report_group *g = doc->groups.items[i];
		if (strcmp(g->home, ".") != 0 && !al_strmap_has(&homes, g->home))
			al_strmap_set(&homes, g->home, g);
	}
	count_users(doc, &users, &user_counts);
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		const al_component *c = s->component;
		for (size_t k = 1; k < c->closure.len; k++) {
			const char *d = c->closure.items[k];
			dir_use *u = al_strmap_get(&users, d);
			if (u->users * 2 > doc->services.len)
				continue; /* most services build from it: it tells nothing */
			const al_report_group *to = home_of(&homes, d);
			if (!to || to == s->group)
				continue;
			char *key = al_sprintf("%zu %zu", s->group->index, to->index);
			al_report_group_use *use = al_strmap_get(&uses, key);
			if (!use) {
				use = al_calloc(1, sizeof *use);
				use->from = s->group, use->to = to;
				al_strmap_set(&uses, key, use);
				al_vec_push(&doc->group_uses, use);
			}
			char *listed_key = al_sprintf("%s\n%s", key, d);
			if (!al_strmap_has(&listed, listed_key)) {
				al_strmap_set(&listed, listed_key, NULL);
				al_vec_push(&use->dirs, (void *)d);
			}
			free(listed_key);
			free(key);
			if (use->last_service != s)
				use->services++, use->last_service = s;
		}
	}
	for (size_t i = 0; i < doc->group_uses.len; i++)
		al_vec_sort(&((al_report_group_use *)doc->group_uses.items[i])->dirs,
		            al_vec_cmp_str);
	al_vec_sort(&doc->group_uses, cmp_use);
	al_vec_dispose_with(&user_counts, free);
	al_strmap_dispose(&users);
	al_strmap_dispose(&homes);
	al_strmap_dispose(&uses);
	al_strmap_dispose(&listed);
}

/* ---- entry points ------------------------------------------------------------------ */

void al_report_find_groups(al_report_doc *doc)
{
	find_families(doc);
	group_services(doc);
	find_group_uses(doc);
}

static void free_group(void *p)
{
	al_report_group *g = p;
	al_vec_dispose(&g->services);
	al_vec_dispose(&g->families);
	free(g->home);
	free(g);
}

static void free_family(void *p)
{
	al_report_family *f = p;
	al_vec_dispose(&f->members);
	free(f->pattern);
	free(f);
}

static void free_use(void *p)
{
	al_report_group_use *u = p;
	al_vec_dispose(&u->dirs);
	free(u);
}

void al_report_groups_free(al_report_doc *doc)
{
	al_vec_dispose_with(&doc->groups, free_group);
	al_vec_dispose_with(&doc->families, free_family);
	al_vec_dispose_with(&doc->group_uses, free_use);
}
