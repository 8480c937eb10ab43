/*
 * cargo.c: interprets a Cargo.toml (read into cJSON by toml.c) as packages, binary
 * targets, dependencies and workspace facts. Dev-dependencies are left out on purpose:
 * they are not part of what a binary is built from.
 */
#include "cargo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "toml.h"
#include "path.h"

static const char *get_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static unsigned line_of(al_strmap *lines, const char *key)
{
	return (unsigned)(uintptr_t)al_strmap_get(lines, key);
}

static void push_strings(al_vec *out, const cJSON *arr)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, arr)
	{
		if (cJSON_IsString(it))
			al_vec_push(out, al_strdup(it->valuestring));
	}
}

static void read_deps(al_vec *out, const cJSON *table, al_strmap *lines, const char *prefix)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, table)
	{
		al_cargo_dep *d = al_calloc(1, sizeof(*d));
		d->key = al_strdup(it->string);
		const char *renamed = cJSON_IsObject(it) ? get_string(it, "package") : NULL;
		d->crate = al_strdup(renamed ? renamed : it->string);
		if (cJSON_IsObject(it)) {
			const char *p = get_string(it, "path");
			d->path = p ? al_strdup(p) : NULL;
			d->workspace =
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "workspace"));
			d->optional =
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "optional"));
		}
		char *key = al_sprintf("%s.%s", prefix, it->string);
		d->line = line_of(lines, key);
		free(key);
		al_vec_push(out, d);
	}
}

int al_cargo_manifest_parse(al_cargo_manifest **out, TSParser *parser, const char *manifest_path,
                            const char *source, size_t len)
{
	*out = NULL;
	cJSON *doc = NULL;
	al_strmap lines = AL_STRMAP_INIT;
	int err = al_toml_parse(&doc, &lines, parser, manifest_path, source, len);
	if (err) {
		al_strmap_dispose(&lines);
		return err;
	}
	al_cargo_manifest *m = al_calloc(1, sizeof(*m));
	m->manifest_path = al_strdup(manifest_path);
	m->dir = al_path_dirname(manifest_path);
	m->autobins = 1;

	const cJSON *pkg = cJSON_GetObjectItemCaseSensitive(doc, "package");
	if (cJSON_IsObject(pkg)) {
		m->has_package = 1;
		const char *name = get_string(pkg, "name");
		m->name = al_strdup(name ? name : al_path_basename(m->dir));
		const cJSON *ab = cJSON_GetObjectItemCaseSensitive(pkg, "autobins");
		if (cJSON_IsFalse(ab))
			m->autobins = 0;
		const cJSON *meta = cJSON_GetObjectItemCaseSensitive(pkg, "metadata");
		const cJSON *al = cJSON_GetObjectItemCaseSensitive(meta, "archlint");
		const char *role = get_string(al, "role");
		if (role) {
			m->declared_role = al_strdup(role);
			m->declared_line = line_of(&lines, "package.metadata.archlint.role");
			if (!m->declared_line)
				m->declared_line = line_of(&lines, "package.metadata.archlint");
		}
	}

	const cJSON *lib = cJSON_GetObjectItemCaseSensitive(doc, "lib");
	push_strings(&m->crate_types, cJSON_GetObjectItemCaseSensitive(lib, "crate-type"));
	const char *lib_name = get_string(lib, "name");
	m->lib_name = lib_name ? al_strdup(lib_name) : NULL;

	const cJSON *bins = cJSON_GetObjectItemCaseSensitive(doc, "bin");
	int index = 0;
	const cJSON *b;
	cJSON_ArrayForEach(b, bins)
	{
		const char *name = get_string(b, "name");
		if (!name) {
			index++;
			continue;
		}
		al_cargo_bin *bin = al_calloc(1, sizeof(*bin));
		bin->name = al_strdup(name);
		const char *p = get_string(b, "path");
		bin->path = p ? al_strdup(p) : NULL;
		char *key = al_sprintf("bin.%d", index++);
		bin->line = line_of(&lines, key);
		free(key);
		al_vec_push(&m->bins, bin);
	}

	read_deps(&m->deps, cJSON_GetObjectItemCaseSensitive(doc, "dependencies"), &lines,
	          "dependencies");
	const cJSON *targets = cJSON_GetObjectItemCaseSensitive(doc, "target");
	const cJSON *t;
	cJSON_ArrayForEach(t, targets)
	{
		char *prefix = al_sprintf("target.%s.dependencies", t->string);
		read_deps(&m->deps, cJSON_GetObjectItemCaseSensitive(t, "dependencies"), &lines,
		          prefix);
		free(prefix);
	}

	const cJSON *ws = cJSON_GetObjectItemCaseSensitive(doc, "workspace");
	if (cJSON_IsObject(ws)) {
		m->has_workspace = 1;
		push_strings(&m->members, cJSON_GetObjectItemCaseSensitive(ws, "members"));
		push_strings(&m->excludes, cJSON_GetObjectItemCaseSensitive(ws, "exclude"));
		read_deps(&m->workspace_deps, cJSON_GetObjectItemCaseSensitive(ws, "dependencies"),
		          &lines, "workspace.dependencies");
		for (size_t i = 0; i < m->workspace_deps.len; i++) {
			al_cargo_dep *d = m->workspace_deps.items[i];
			if (!al_strmap_has(&m->workspace_dep_keys, d->key))
				al_strmap_set(&m->workspace_dep_keys, d->key, d);
		}
	}

	cJSON_Delete(doc);
	al_strmap_dispose(&lines);
	*out = m;
	return 0;
}

static void free_dep(void *p)
{
	al_cargo_dep *d = p;
	free(d->key);
	free(d->crate);
	free(d->path);
	free(d);
}

static void free_bin(void *p)
{
	al_cargo_bin *b = p;
	free(b->name);
	free(b->path);
	free(b);
}

void al_cargo_manifest_free(al_cargo_manifest *self)
{
	if (!self)
		return;
	free(self->manifest_path);
	free(self->dir);
	free(self->name);
	free(self->declared_role);
	free(self->lib_name);
	al_vec_dispose_with(&self->bins, free_bin);
	al_vec_dispose_with(&self->deps, free_dep);
	al_vec_dispose_with(&self->workspace_deps, free_dep);
	al_strmap_dispose(&self->workspace_dep_keys);
	al_vec_dispose_with(&self->crate_types, free);
	al_vec_dispose_with(&self->members, free);
	al_vec_dispose_with(&self->excludes, free);
	free(self);
}

int al_crate_name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '-' ? '_' : *a, y = *b == '-' ? '_' : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}
