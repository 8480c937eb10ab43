/*
 * discover_rust.c: Cargo packages, their binary targets and closures.
 *
 * Every Cargo.toml with a [package] is a package (fuzz and example workspaces included;
 * the classifier decides what is a tool). Binary targets follow Cargo's rules: [[bin]]
 * entries, then, unless `autobins = false`, src/main.rs, src/bin/NAME.rs and
 * src/bin/NAME/main.rs. Ids: the package directory for the target built from src/main.rs,
 * "DIR:NAME" for every other. The closure is the package's own sources plus, transitively,
 * the library sources of in-repo `path` and `workspace = true` dependencies.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "glob.h"
#include "path.h"

static int has_file(const al_scan *scan, const char *path)
{
	return al_source_find(scan->source, path) != NULL;
}

static int cmp_manifest(const void *a, const void *b)
{
	return strcmp((*(al_cargo_manifest *const *)a)->manifest_path,
	              (*(al_cargo_manifest *const *)b)->manifest_path);
}

static void mark_built_packages(al_scan *scan);

int al_cargo_load_manifests(al_scan *scan)
{
	TSParser *parser = ts_parser_new();
	al_buf buf = AL_BUF_INIT;
	al_vec *files = &scan->source->files;
	for (size_t i = 0; i < files->len; i++) {
		al_source_file *f = files->items[i];
		if (strcmp(al_path_basename(f->path), "Cargo.toml") != 0)
			continue;
		if (scan->config && al_config_excludes(scan->config, f->path))
			continue;
		if (al_source_read_path(scan->source, f->path, &buf) != 0) {
			al_scan_notice(scan, "%s", al_error_last());
			continue;
		}
		al_cargo_manifest *m = NULL;
		if (al_cargo_manifest_parse(&m, parser, f->path, al_buf_cstr(&buf), buf.len) != 0) {
			al_scan_notice(scan, "%s", al_error_last());
			continue;
		}
		if (m->has_package || m->has_workspace)
			al_vec_push(&scan->manifests, m);
		else
			al_cargo_manifest_free(m);
	}
	al_buf_dispose(&buf);
	ts_parser_delete(parser);
	al_vec_sort(&scan->manifests, cmp_manifest);
	for (size_t i = 0; i < scan->manifests.len; i++) {
		al_cargo_manifest *m = scan->manifests.items[i];
		al_strmap_set(&scan->manifest_dirs, m->dir, m);
	}
	mark_built_packages(scan);
	return 0;
}

typedef enum { ANY_MANIFEST, PACKAGE_MANIFEST, WORKSPACE_MANIFEST } manifest_kind;

/* The manifest of the nearest directory enclosing path (a file or a directory) that has
 * one of this kind, or NULL. One lookup per ancestor, so the cost does not grow with the
 * number of manifests. */
static const al_cargo_manifest *nearest_manifest(const al_scan *scan, const char *path,
                                                 manifest_kind kind)
{
	char *dir = al_path_dirname(path);
	const al_cargo_manifest *found = NULL;
	for (;;) {
		const al_cargo_manifest *m = al_strmap_get(&scan->manifest_dirs, dir);
		if (m && (kind == ANY_MANIFEST || (kind == PACKAGE_MANIFEST && m->has_package) ||
		          (kind == WORKSPACE_MANIFEST && m->has_workspace))) {
			found = m;
			break;
		}
		if (strcmp(dir, ".") == 0)
			break;
		char *up = al_path_dirname(dir);
		free(dir);
		dir = up;
	}
	free(dir);
	return found;
}

/* path relative to the package directory of m (path lies inside it). */
static const char *package_relative(const al_cargo_manifest *m, const char *path)
{
	return strcmp(m->dir, ".") == 0 ? path : path + strlen(m->dir) + 1;
}

/* True when a .rs file can be part of some component: it lies in a package some binary is
 * built from, and not in that package's tests/, benches/ or examples/ (never part of a
 * binary's closure). */
int al_cargo_file_wanted(const al_scan *scan, const char *path)
{
	const al_cargo_manifest *owner = nearest_manifest(scan, path, PACKAGE_MANIFEST);
	if (!owner || !al_strmap_has(&scan->built_packages, owner->dir))
		return 0;
	const char *rel = package_relative(owner, path);
	return !al_str_starts_with(rel, "tests/") && !al_str_starts_with(rel, "benches/") &&
	       !al_str_starts_with(rel, "examples/");
}

static const al_cargo_manifest *package_at(const al_scan *scan, const char *dir)
{
	const al_cargo_manifest *m = al_strmap_get(&scan->manifest_dirs, dir);
	return m && m->has_package ? m : NULL;
}

/* The nearest enclosing manifest with a [workspace] table, the package's own included. */
static const al_cargo_manifest *workspace_of(const al_scan *scan, const al_cargo_manifest *pkg)
{
	return nearest_manifest(scan, pkg->manifest_path, WORKSPACE_MANIFEST);
}

static const al_cargo_dep *workspace_dep(const al_cargo_manifest *ws, const char *key)
{
	return ws ? al_strmap_get(&ws->workspace_dep_keys, key) : NULL;
}

/* The in-repo package a dependency points to, or NULL for an external crate. Paths that
 * leave the repository resolve to nothing (and are reported when `report` is set). */
static const al_cargo_manifest *resolve_dep(al_scan *scan, const al_cargo_manifest *pkg,
                                            const al_cargo_dep *d, int report)
{
	const char *base = pkg->dir, *path = d->path;
	if (d->workspace) {
		const al_cargo_manifest *ws = workspace_of(scan, pkg);
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
			al_scan_notice(scan,
			               "%s:%u: path dependency '%s' points outside the "
			               "repository",
			               pkg->manifest_path, d->line, path);
		return NULL;
	}
	const al_cargo_manifest *m = package_at(scan, dir);
	free(dir);
	return m;
}

/*
 * Library sources of every package, in one pass over the Rust files: a file belongs to the
 * package of its nearest manifest (a nested package or workspace owns its own files), and
 * is library code when it lies under that package's src/ but is not a binary's own file
 * (src/main.rs, src/bin/).
 */
static void index_library_files(al_scan *scan)
{
	for (size_t i = 0; i < scan->rust_files.len; i++) {
		const char *p = scan->rust_files.items[i];
		const al_cargo_manifest *m = nearest_manifest(scan, p, ANY_MANIFEST);
		if (!m || !m->has_package)
			continue;
		const char *rel = package_relative(m, p);
		if (!al_str_starts_with(rel, "src/") || al_str_starts_with(rel, "src/bin/") ||
		    strcmp(rel, "src/main.rs") == 0)
			continue;
		al_vec *files = al_strmap_get(&scan->library_files, m->dir);
		if (!files) {
			files = al_calloc(1, sizeof(*files));
			al_strmap_set(&scan->library_files, m->dir, files);
		}
		al_vec_push(files, al_strdup(p));
	}
}

static void add_library_files(const al_scan *scan, const al_cargo_manifest *m, al_unit *u)
{
	const al_vec *files = al_strmap_get(&scan->library_files, m->dir);
	for (size_t i = 0; files && i < files->len; i++)
		al_vec_push(&u->files, al_strdup(files->items[i]));
}

static const char *string_path(const void *item)
{
	return item;
}

static const char *source_file_path(const void *item)
{
	return ((const al_source_file *)item)->path;
}

/* Index of the first item of sorted (by path_of) not sorting before key. */
static size_t first_at(const al_vec *sorted, const char *key, const char *(*path_of)(const void *))
{
	size_t lo = 0, hi = sorted->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(path_of(sorted->items[mid]), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Index of the first Rust file not sorting before key (the files are sorted). */
static size_t first_rust_file_at(const al_scan *scan, const char *key)
{
	return first_at(&scan->rust_files, key, string_path);
}

/* Extends `queue` (al_cargo_manifest *) with every in-repo package its packages depend on,
 * directly or not, that `seen` (package directories) does not hold yet, breadth first, and
 * adds them to `seen`. Paths out of the repository are reported when `report` is set.
 * `parents`, when given, gets per queue entry the queue index of the package that brought
 * it in (its first entry, the start, is the caller's). */
static void add_dependencies(al_scan *scan, al_vec *queue, al_strmap *seen, int report,
                             al_vec *parents)
{
	for (size_t q = 0; q < queue->len; q++) {
		const al_cargo_manifest *m = queue->items[q];
		for (size_t i = 0; i < m->deps.len; i++) {
			const al_cargo_manifest *dep =
			    resolve_dep(scan, m, m->deps.items[i], report);
			if (!dep || al_strmap_has(seen, dep->dir))
				continue;
			al_strmap_set(seen, dep->dir, NULL);
			al_vec_push(queue, (void *)dep);
			if (parents)
				al_vec_push(parents, (void *)(uintptr_t)q);
		}
	}
}

/* The in-repo packages a package is built with, breadth first from it: queue->items[0] is
 * the package, parents->items[q] the queue index of the package that brought entry q in.
 * They are the same for every binary of the package: worked out once per package. */
typedef struct {
	al_vec queue;   /* const al_cargo_manifest * */
	al_vec parents; /* (uintptr_t) queue indices */
} package_deps;

static void find_package_deps(al_scan *scan, const al_cargo_manifest *pkg, package_deps *out)
{
	al_strmap seen = AL_STRMAP_INIT;
	al_strmap_set(&seen, pkg->dir, NULL);
	al_vec_push(&out->queue, (void *)pkg);
	al_vec_push(&out->parents, (void *)(uintptr_t)0);
	add_dependencies(scan, &out->queue, &seen, 1, &out->parents);
	al_strmap_dispose(&seen);
}

static void add_closure(al_scan *scan, al_found *found, const al_cargo_manifest *pkg,
                        const char *bin_path, const package_deps *deps)
{
	al_unit *own = al_found_add_unit(found, pkg->dir, 1, pkg);
	add_library_files(scan, pkg, own);
	/* The binary's own files: its root, and its folder when it is a NAME/main.rs. */
	const char *base = al_path_basename(bin_path);
	char *bin_dir = al_path_dirname(bin_path);
	char *pkg_main = al_path_join(pkg->dir, "src/main.rs");
	int folder = strcmp(base, "main.rs") == 0 && strcmp(bin_path, pkg_main) != 0;
	if (folder) {
		char *prefix = al_sprintf("%s/", bin_dir);
		for (size_t i = first_rust_file_at(scan, prefix); i < scan->rust_files.len; i++) {
			const char *p = scan->rust_files.items[i];
			if (!al_str_starts_with(p, prefix))
				break;
			al_vec_push(&own->files, al_strdup(p));
		}
		free(prefix);
	} else {
		size_t i = first_rust_file_at(scan, bin_path);
		if (i < scan->rust_files.len && strcmp(scan->rust_files.items[i], bin_path) == 0)
			al_vec_push(&own->files, al_strdup(bin_path));
	}
	free(bin_dir);
	free(pkg_main);

	al_vec units = AL_VEC_INIT;
	al_vec_push(&units, own);
	for (size_t q = 1; q < deps->queue.len; q++) {
		const al_cargo_manifest *dep = deps->queue.items[q];
		al_unit *u = al_found_add_unit(found, dep->dir, 0, dep);
		u->via = units.items[(uintptr_t)deps->parents.items[q]];
		u->depth = u->via->depth + 1;
		add_library_files(scan, dep, u);
		al_vec_push(&units, u);
	}
	al_vec_dispose(&units);
}

typedef struct {
	char *name;
	char *path;    /* repository-relative */
	unsigned line; /* in Cargo.toml for [[bin]], 0 for inferred */
} bin_target;

/* A package's binary targets, in order, with their names and paths for lookups. */
typedef struct {
	al_vec list;     /* bin_target * */
	al_strmap names; /* name -> NULL */
	al_strmap paths; /* path -> NULL */
} bin_set;

#define BIN_SET_INIT                                                                               \
	{                                                                                          \
		AL_VEC_INIT, AL_STRMAP_INIT, AL_STRMAP_INIT                                        \
	}

static void free_bin_target(void *p)
{
	bin_target *b = p;
	free(b->name);
	free(b->path);
	free(b);
}

static void bin_set_dispose(bin_set *bins)
{
	al_vec_dispose_with(&bins->list, free_bin_target);
	al_strmap_dispose(&bins->names);
	al_strmap_dispose(&bins->paths);
}

static int has_bin(const bin_set *bins, const char *name, const char *path)
{
	return al_strmap_has(&bins->names, name) || al_strmap_has(&bins->paths, path);
}

static void push_bin(bin_set *bins, const char *name, char *path, unsigned line)
{
	bin_target *b = al_calloc(1, sizeof(*b));
	b->name = al_strdup(name);
	b->path = path;
	b->line = line;
	al_vec_push(&bins->list, b);
	al_strmap_set(&bins->names, name, NULL);
	al_strmap_set(&bins->paths, path, NULL);
}

/* The path Cargo infers for a [[bin]] without one. */
static char *infer_bin_path(const al_scan *scan, const al_cargo_manifest *m, const char *name)
{
	char *rel = al_sprintf("src/bin/%s.rs", name);
	char *p = al_path_join(m->dir, rel);
	free(rel);
	if (has_file(scan, p))
		return p;
	free(p);
	rel = al_sprintf("src/bin/%s/main.rs", name);
	p = al_path_join(m->dir, rel);
	free(rel);
	if (has_file(scan, p))
		return p;
	free(p);
	return al_path_join(m->dir, "src/main.rs");
}

static void collect_bins(const al_scan *scan, const al_cargo_manifest *m, bin_set *bins)
{
	for (size_t i = 0; i < m->bins.len; i++) {
		const al_cargo_bin *b = m->bins.items[i];
		char *path =
		    b->path ? al_path_join(m->dir, b->path) : infer_bin_path(scan, m, b->name);
		if (!path)
			continue;
		push_bin(bins, b->name, path, b->line);
	}
	if (!m->autobins)
		return;
	char *main_rs = al_path_join(m->dir, "src/main.rs");
	if (has_file(scan, main_rs) && !has_bin(bins, m->name, main_rs))
		push_bin(bins, m->name, al_strdup(main_rs), 0);
	free(main_rs);
	char *src_bin = al_path_join(m->dir, "src/bin");
	char *bin_dir = al_sprintf("%s/", src_bin);
	free(src_bin);
	size_t prefix = strlen(bin_dir);
	const al_vec *files = &scan->source->files;
	for (size_t i = first_at(files, bin_dir, source_file_path); i < files->len; i++) {
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
static void mark_built_packages(al_scan *scan)
{
	al_vec queue = AL_VEC_INIT;
	for (size_t i = 0; i < scan->manifests.len; i++) {
		const al_cargo_manifest *m = scan->manifests.items[i];
		if (!m->has_package)
			continue;
		bin_set bins = BIN_SET_INIT;
		collect_bins(scan, m, &bins);
		int built = 0;
		for (size_t b = 0; b < bins.list.len && !built; b++)
			built = has_file(scan, ((const bin_target *)bins.list.items[b])->path);
		bin_set_dispose(&bins);
		if (built && !al_strmap_has(&scan->built_packages, m->dir)) {
			al_strmap_set(&scan->built_packages, m->dir, NULL);
			al_vec_push(&queue, (void *)m);
		}
	}
	add_dependencies(scan, &queue, &scan->built_packages, 0, NULL);
	al_vec_dispose(&queue);
}

static int is_fuzz_package(const al_cargo_manifest *m)
{
	for (size_t k = 0; k < m->deps.len; k++)
		if (al_crate_name_eq(((const al_cargo_dep *)m->deps.items[k])->crate,
		                     "libfuzzer-sys"))
			return 1;
	return 0;
}

static void discover_package(al_scan *scan, const al_cargo_manifest *m)
{
	bin_set bins = BIN_SET_INIT;
	collect_bins(scan, m, &bins);
	char *main_rs = al_path_join(m->dir, "src/main.rs");
	int fuzz = is_fuzz_package(m);
	package_deps deps = {AL_VEC_INIT, AL_VEC_INIT};
	for (size_t i = 0; i < bins.list.len; i++) {
		const bin_target *b = bins.list.items[i];
		if (!has_file(scan, b->path)) {
			al_scan_notice(scan, "%s:%u: binary '%s': '%s' is not in the snapshot",
			               m->manifest_path, b->line, b->name, b->path);
			continue;
		}
		char *id = strcmp(b->path, main_rs) == 0 ? al_strdup(m->dir)
		                                         : al_sprintf("%s:%s", m->dir, b->name);
		const al_file_facts *f = al_strmap_get(&scan->facts, b->path);
		unsigned line = f && f->main_line ? f->main_line : 1;
		al_found *found =
		    al_scan_add_component(scan, AL_LANG_RUST, id, b->name, b->path, line, m->dir);
		free(id);
		if (m->declared_role) {
			al_role r;
			if (al_role_parse(&r, m->declared_role) == 0 && r != AL_ROLE_UNCLASSIFIED) {
				found->component->declared = al_sprintf(
				    "%s: [package.metadata.archlint] role", m->manifest_path);
				found->component->declared_as = r;
				found->component->declared_line = m->declared_line;
			} else {
				al_scan_unknown_role(scan, m->manifest_path, m->declared_line,
				                     "[package.metadata.archlint]",
				                     m->declared_role);
			}
		}
		if (f && f->skipped)
			al_found_mark_unread(scan, found, f->skipped);
		if (f && f->empty_main)
			al_vec_push(&found->facts, al_strdup("empty-main"));
		if (fuzz)
			al_vec_push(&found->facts, al_strdup("rust-fuzz-package"));
		if (!deps.queue.len)
			find_package_deps(scan, m, &deps);
		add_closure(scan, found, m, b->path, &deps);
	}
	free(main_rs);
	bin_set_dispose(&bins);
	al_vec_dispose(&deps.queue);
	al_vec_dispose(&deps.parents);
}

/* A member glob that matches no package is a stale workspace entry worth a notice. */
static void check_members(al_scan *scan, const al_cargo_manifest *ws)
{
	for (size_t i = 0; i < ws->members.len; i++) {
		char *pattern = al_path_join(ws->dir, ws->members.items[i]);
		int matched = 0;
		for (size_t k = 0; pattern && k < scan->manifests.len && !matched; k++) {
			const al_cargo_manifest *m = scan->manifests.items[k];
			matched = m->has_package && al_glob_match(pattern, m->dir);
		}
		if (!matched)
			al_scan_notice(scan, "%s: workspace member '%s' matches no package",
			               ws->manifest_path, (char *)ws->members.items[i]);
		free(pattern);
	}
}

int al_discover_rust(al_scan *scan)
{
	index_library_files(scan);
	for (size_t i = 0; i < scan->manifests.len; i++) {
		const al_cargo_manifest *m = scan->manifests.items[i];
		if (m->has_workspace)
			check_members(scan, m);
	}
	for (size_t i = 0; i < scan->manifests.len; i++) {
		const al_cargo_manifest *m = scan->manifests.items[i];
		if (m->has_package)
			discover_package(scan, m);
	}
	return 0;
}
