/*
 * cargo_graph.c: the Cargo half of the workspace stage — every Cargo.toml of the snapshot
 * read once, indexed by directory, and the packages some binary is built from marked, before
 * any source is read, so extraction parses only the .rs files that can be part of a
 * component. Binary targets follow Cargo's rules: [[bin]] entries, then, unless
 * `autobins = false`, src/main.rs, src/bin/NAME.rs and src/bin/NAME/main.rs.
 */
#include "cargo_graph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"

static int has_file(const al_cargo_graph *g, const char *path)
{
	return al_source_find(g->source, path) != NULL;
}

static int cmp_manifest(const void *a, const void *b)
{
	return strcmp((*(al_cargo_manifest *const *)a)->manifest_path,
	              (*(al_cargo_manifest *const *)b)->manifest_path);
}

static void mark_built_packages(al_cargo_graph *g);

int al_cargo_graph_read(al_cargo_graph *g, al_source *source, const al_config *config,
                        const al_sink *sink)
{
	memset(g, 0, sizeof(*g));
	g->source = source;
	g->sink = sink;
	TSParser *parser = ts_parser_new();
	al_buf buf = AL_BUF_INIT;
	const al_vec *files = &source->files;
	for (size_t i = 0; i < files->len; i++) {
		al_source_file *f = files->items[i];
		if (strcmp(al_path_basename(f->path), "Cargo.toml") != 0)
			continue;
		if (config && al_config_excludes(config, f->path))
			continue;
		if (al_source_read_path(source, f->path, &buf) != 0) {
			al_sink_gap(g->sink, "%s", al_error_last());
			continue;
		}
		al_cargo_manifest *m = NULL;
		if (al_cargo_manifest_parse(&m, parser, f->path, al_buf_cstr(&buf), buf.len) != 0) {
			al_sink_gap(g->sink, "%s", al_error_last());
			continue;
		}
		if (m->has_package || m->has_workspace)
			al_vec_push(&g->manifests, m);
		else
			al_cargo_manifest_free(m);
	}
	al_buf_dispose(&buf);
	ts_parser_delete(parser);
	al_vec_sort(&g->manifests, cmp_manifest);
	for (size_t i = 0; i < g->manifests.len; i++) {
		al_cargo_manifest *m = g->manifests.items[i];
		al_strmap_set(&g->manifest_dirs, m->dir, m);
	}
	mark_built_packages(g);
	return 0;
}

/* The manifest of the nearest directory enclosing path (a file or a directory) that has
 * one of this kind, or NULL. One lookup per ancestor, so the cost does not grow with the
 * number of manifests. */
const al_cargo_manifest *al_cargo_nearest(const al_cargo_graph *g, const char *path,
                                          al_manifest_kind kind)
{
	char *dir = al_path_dirname(path);
	const al_cargo_manifest *found = NULL;
	for (;;) {
		const al_cargo_manifest *m = al_strmap_get(&g->manifest_dirs, dir);
		if (m &&
		    (kind == AL_ANY_MANIFEST || (kind == AL_PACKAGE_MANIFEST && m->has_package) ||
		     (kind == AL_WORKSPACE_MANIFEST && m->has_workspace))) {
			found = m;
			break;
		}
		if (!al_path_up(&dir))
			break;
	}
	free(dir);
	return found;
}

/* path relative to the package directory of m (path lies inside it). */
const char *al_cargo_relative(const al_cargo_manifest *m, const char *path)
{
	return strcmp(m->dir, ".") == 0 ? path : path + strlen(m->dir) + 1;
}

/* True when a .rs file can be part of some component: it lies in a package some binary is
 * built from, and not in that package's tests/, benches/ or examples/ (never part of a
 * binary's closure). */
int al_cargo_file_wanted(const al_cargo_graph *g, const char *path)
{
	const al_cargo_manifest *owner = al_cargo_nearest(g, path, AL_PACKAGE_MANIFEST);
	if (!owner || !al_strmap_has(&g->built_packages, owner->dir))
		return 0;
	const char *rel = al_cargo_relative(owner, path);
	return !al_str_starts_with(rel, "tests/") && !al_str_starts_with(rel, "benches/") &&
	       !al_str_starts_with(rel, "examples/");
}

static const al_cargo_manifest *package_at(const al_cargo_graph *g, const char *dir)
{
	const al_cargo_manifest *m = al_strmap_get(&g->manifest_dirs, dir);
	return m && m->has_package ? m : NULL;
}

/* The nearest enclosing manifest with a [workspace] table, the package's own included. */
static const al_cargo_manifest *workspace_of(const al_cargo_graph *g, const al_cargo_manifest *pkg)
{
	return al_cargo_nearest(g, pkg->manifest_path, AL_WORKSPACE_MANIFEST);
}

static const al_cargo_dep *workspace_dep(const al_cargo_manifest *ws, const char *key)
{
	return ws ? al_strmap_get(&ws->workspace_dep_keys, key) : NULL;
}

/* The in-repo package a dependency points to, or NULL for an external crate. Paths that
 * leave the repository resolve to nothing (and are reported when `report` is set). */
static const al_cargo_manifest *resolve_dep(const al_cargo_graph *g, const al_cargo_manifest *pkg,
                                            const al_cargo_dep *d, int report)
{
	const char *base = pkg->dir, *path = d->path;
	if (d->workspace) {
		const al_cargo_manifest *ws = workspace_of(g, pkg);
		const al_cargo_dep *wd = workspace_dep(ws, d->key);
		if (!wd || !wd->path)
			return NULL;
		base = ws->dir;
		path = wd->path;
	}
	if (!path)
		return NULL;
	/* An absolute path (or a Windows drive path) names a directory on the machine that
	 * builds, never one in this repository. */
	int absolute = path[0] == '/' || path[0] == '\\' ||
	               (path[0] && path[1] == ':' && (path[2] == '/' || path[2] == '\\'));
	char *dir = absolute ? NULL : al_path_join(base, path);
	if (!dir) {
		if (report)
			al_sink_gap(g->sink,
			            "%s:%u: path dependency '%s' points outside the "
			            "repository",
			            pkg->manifest_path, d->line, path);
		return NULL;
	}
	const al_cargo_manifest *m = package_at(g, dir);
	free(dir);
	return m;
}

static const char *source_file_path(const void *item)
{
	return ((const al_source_file *)item)->path;
}

/* Extends `queue` (al_cargo_manifest *) with every in-repo package its packages depend on,
 * directly or not, that `seen` (package directories) does not hold yet, breadth first, and
 * adds them to `seen`. Paths out of the repository are reported when `report` is set.
 * `parents`, when given, gets per queue entry the queue index of the package that brought
 * it in (its first entry, the start, is the caller's). */
void al_cargo_add_dependencies(const al_cargo_graph *g, al_vec *queue, al_strmap *seen, int report,
                               al_vec *parents)
{
	for (size_t q = 0; q < queue->len; q++) {
		const al_cargo_manifest *m = queue->items[q];
		for (size_t i = 0; i < m->deps.len; i++) {
			const al_cargo_manifest *dep = resolve_dep(g, m, m->deps.items[i], report);
			if (!dep || al_strmap_has(seen, dep->dir))
				continue;
			al_strmap_set(seen, dep->dir, NULL);
			al_vec_push(queue, (void *)dep);
			if (parents)
				al_vec_push(parents, (void *)(uintptr_t)q);
		}
	}
}

static void free_al_bin_target(void *p)
{
	al_bin_target *b = p;
	free(b->name);
	free(b->path);
	free(b);
}

void al_bin_set_dispose(al_bin_set *bins)
{
	al_vec_dispose_with(&bins->list, free_al_bin_target);
	al_strmap_dispose(&bins->names);
	al_strmap_dispose(&bins->paths);
}

static int has_bin(const al_bin_set *bins, const char *name, const char *path)
{
	return al_strmap_has(&bins->names, name) || al_strmap_has(&bins->paths, path);
}

static void push_bin(al_bin_set *bins, const char *name, char *path, unsigned line)
{
	al_bin_target *b = al_calloc(1, sizeof(*b));
	b->name = al_strdup(name);
	b->path = path;
	b->line = line;
	al_vec_push(&bins->list, b);
	al_strmap_set(&bins->names, name, NULL);
	al_strmap_set(&bins->paths, path, NULL);
}

/* The path Cargo infers for a [[bin]] without one. */
static char *infer_bin_path(const al_cargo_graph *g, const al_cargo_manifest *m, const char *name)
{
	char *rel = al_sprintf("src/bin/%s.rs", name);
	char *p = al_path_join(m->dir, rel);
	free(rel);
	if (has_file(g, p))
		return p;
	free(p);
	rel = al_sprintf("src/bin/%s/main.rs", name);
	p = al_path_join(m->dir, rel);
	free(rel);
	if (has_file(g, p))
		return p;
	free(p);
	return al_path_join(m->dir, "src/main.rs");
}

void al_cargo_collect_bins(const al_cargo_graph *g, const al_cargo_manifest *m, al_bin_set *bins)
{
	for (size_t i = 0; i < m->bins.len; i++) {
		const al_cargo_bin *b = m->bins.items[i];
		char *path =
		    b->path ? al_path_join(m->dir, b->path) : infer_bin_path(g, m, b->name);
		if (!path)
			continue;
		push_bin(bins, b->name, path, b->line);
	}
	if (!m->autobins)
		return;
	char *main_rs = al_path_join(m->dir, "src/main.rs");
	if (has_file(g, main_rs) && !has_bin(bins, m->name, main_rs))
		push_bin(bins, m->name, al_strdup(main_rs), 0);
	free(main_rs);
	char *src_bin = al_path_join(m->dir, "src/bin");
	char *bin_dir = al_sprintf("%s/", src_bin);
	free(src_bin);
	size_t prefix = strlen(bin_dir);
	const al_vec *files = &g->source->files;
	for (size_t i = al_vec_lower_bound(files, bin_dir, source_file_path); i < files->len; i++) {
		const char *p = ((al_source_file *)files->items[i])->path;
		if (!al_str_starts_with(p, bin_dir))
			break;
		const char *rest = p + prefix;
		const char *slash = strchr(rest, '/');
		char *name = NULL;
		if (!slash && al_str_ends_with(rest, ".rs"))
			name = al_strndup(rest, strlen(rest) - 3);
		else if (slash && strcmp(slash, "/main.rs") == 0)
			name = al_strndup(rest, (size_t)(slash - rest));
		if (name && !has_bin(bins, name, p))
			push_bin(bins, name, al_strdup(p), 0);
		free(name);
	}
	free(bin_dir);
}

/*
 * The packages some binary is built from: each package with a binary target whose file is
 * there, and every package its dependencies reach. Worked out from the manifests alone,
 * before any source is read, so the files of other packages (libraries no binary uses,
 * test utilities) are never parsed.
 */
static void mark_built_packages(al_cargo_graph *g)
{
	al_vec queue = AL_VEC_INIT;
	for (size_t i = 0; i < g->manifests.len; i++) {
		const al_cargo_manifest *m = g->manifests.items[i];
		if (!m->has_package)
			continue;
		al_bin_set bins = AL_BIN_SET_INIT;
		al_cargo_collect_bins(g, m, &bins);
		int built = 0;
		for (size_t b = 0; b < bins.list.len && !built; b++)
			built = has_file(g, ((const al_bin_target *)bins.list.items[b])->path);
		al_bin_set_dispose(&bins);
		if (built && !al_strmap_has(&g->built_packages, m->dir)) {
			al_strmap_set(&g->built_packages, m->dir, NULL);
			al_vec_push(&queue, (void *)m);
		}
	}
	al_cargo_add_dependencies(g, &queue, &g->built_packages, 0, NULL);
	al_vec_dispose(&queue);
}

static void free_manifest(void *p)
{
	al_cargo_manifest_free(p);
}

void al_cargo_graph_dispose(al_cargo_graph *g)
{
	al_strmap_dispose(&g->manifest_dirs);
	al_strmap_dispose(&g->built_packages);
	al_vec_dispose_with(&g->manifests, free_manifest);
}
