/*
 * links.c: hybrid boundaries — where the Go control plane and the Rust data path meet.
 *
 * A Go component whose closure holds a cgo preamble linking `-lNAME` meets the Rust
 * package whose library is NAME (the `[lib] name`, else the package name with '-' as '_')
 * and whose crate-type makes it linkable from C (staticlib or cdylib). The Rust side of
 * the link is that package and every Rust component built with it.
 */
#include <stdlib.h>
#include <string.h>

#include "links.h"

static int linkable(const al_cargo_manifest *m)
{
	for (size_t i = 0; i < m->crate_types.len; i++) {
		const char *t = m->crate_types.items[i];
		if (strcmp(t, "staticlib") == 0 || strcmp(t, "cdylib") == 0)
			return 1;
	}
	return 0;
}

static int lib_matches(const al_cargo_manifest *m, const char *lib)
{
	return al_crate_name_eq(m->lib_name ? m->lib_name : m->name, lib);
}

static void add_link(al_result *result, const al_component *from, const al_cargo_manifest *m,
                     const char *path, const al_import *lib)
{
	al_link *l = al_calloc(1, sizeof(*l));
	l->kind = "ffi";
	l->from = al_strdup(from->id);
	l->to_package = al_strdup(m->dir);
	l->library = al_strdup(lib->path);
	l->path = al_strdup(path);
	l->line = lib->line;
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		if (c->language != AL_LANG_RUST)
			continue;
		for (size_t k = 0; k < c->closure.len; k++) {
			if (strcmp(c->closure.items[k], m->dir) == 0) {
				al_vec_push(&l->to_components, al_strdup(c->id));
				break;
			}
		}
	}
	al_vec_push(&result->links, l);
}

static int has_link(const al_result *result, const char *from, const char *to)
{
	for (size_t i = 0; i < result->links.len; i++) {
		const al_link *l = result->links.items[i];
		if (strcmp(l->from, from) == 0 && strcmp(l->to_package, to) == 0)
			return 1;
	}
	return 0;
}

static int cmp_link(const void *a, const void *b)
{
	const al_link *x = *(al_link *const *)a, *y = *(al_link *const *)b;
	int c = strcmp(x->from, y->from);
	return c ? c : strcmp(x->to_package, y->to_package);
}

void al_links_find(al_result *result, const al_vec *found, const al_strmap *file_facts,
                   const al_cargo_graph *cargo)
{
	for (size_t i = 0; i < found->len; i++) {
		const al_found *f = found->items[i];
		if (f->component->language != AL_LANG_GO)
			continue;
		for (size_t u = 0; u < f->units.len; u++) {
			const al_unit *unit = f->units.items[u];
			for (size_t k = 0; k < unit->files.len; k++) {
				const char *path = unit->files.items[k];
				const al_file_facts *facts = al_strmap_get(file_facts, path);
				for (size_t l = 0; facts && l < facts->cgo_libs.len; l++) {
					const al_import *lib = facts->cgo_libs.items[l];
					for (size_t m = 0; m < cargo->manifests.len; m++) {
						const al_cargo_manifest *man =
						    cargo->manifests.items[m];
						if (man->has_package && linkable(man) &&
						    lib_matches(man, lib->path) &&
						    !has_link(result, f->component->id, man->dir))
							add_link(result, f->component, man, path,
							         lib);
					}
				}
			}
		}
	}
	al_vec_sort(&result->links, cmp_link);
}

void al_link_free(void *p)
{
	al_link *l = p;
	free(l->from);
	free(l->to_package);
	free(l->library);
	free(l->path);
	al_vec_dispose_with(&l->to_components, free);
	free(l);
}
