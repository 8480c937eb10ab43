/*
 * discover_rust.c: Rust components — the binary targets of Cargo packages (the Cargo graph,
 * cargo_graph.h, says which) — and their closures.
 *
 * Every Cargo.toml with a [package] is a package (fuzz and example workspaces included;
 * the classifier decides what is a tool). Ids: the package directory for the target built
 * from src/main.rs, "DIR:NAME" for every other. The closure is the package's own sources plus,
 * transitively, the library sources of in-repo `path` and `workspace = true` dependencies.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "glob.h"
#include "path.h"

/* One run of Rust discovery: its inputs, its output and what it indexes once. */
typedef struct {
	const al_discover_input *in;
	al_found_set *out;
	al_strmap library_files; /* package directory -> al_vec * of its library .rs files */
} rust_discovery;

/*
 * Library sources of every package, in one pass over the Rust files: a file belongs to the
 * package of its nearest manifest (a nested package or workspace owns its own files), and
 * is library code when it lies under that package's src/ but is not a binary's own file
 * (src/main.rs, src/bin/).
 */
static void index_library_files(rust_discovery *ctx)
{
	for (size_t i = 0; i < ctx->in->rust_files->len; i++) {
		const char *p = ctx->in->rust_files->items[i];
		const al_cargo_manifest *m = al_cargo_nearest(ctx->in->cargo, p, AL_ANY_MANIFEST);
		if (!m || !m->has_package)
			continue;
		const char *rel = al_cargo_relative(m, p);
		if (!al_str_starts_with(rel, "src/") || al_str_starts_with(rel, "src/bin/") ||
		    strcmp(rel, "src/main.rs") == 0)
			continue;
		al_vec *files = al_strmap_get(&ctx->library_files, m->dir);
		if (!files) {
			files = al_calloc(1, sizeof(*files));
			al_strmap_set(&ctx->library_files, m->dir, files);
		}
		al_vec_push(files, al_strdup(p));
	}
}

static void add_library_files(const rust_discovery *ctx, const al_cargo_manifest *m, al_unit *u)
{
	const al_vec *files = al_strmap_get(&ctx->library_files, m->dir);
	for (size_t i = 0; files && i < files->len; i++)
		al_vec_push(&u->files, al_strdup(files->items[i]));
}

static const char *string_path(const void *item)
{
	return item;
}

/* Index of the first Rust file not sorting before key (the files are sorted). */
static size_t first_rust_file_at(const rust_discovery *ctx, const char *key)
{
	return al_vec_lower_bound(ctx->in->rust_files, key, string_path);
}

/* The in-repo packages a package is built with, breadth first from it: queue->items[0] is
 * the package, parents->items[q] the queue index of the package that brought entry q in.
 * They are the same for every binary of the package: worked out once per package. */
typedef struct {
	al_vec queue;   /* const al_cargo_manifest * */
	al_vec parents; /* (uintptr_t) queue indices */
} package_deps;

static void find_package_deps(rust_discovery *ctx, const al_cargo_manifest *pkg, package_deps *out)
{
	al_strmap seen = AL_STRMAP_INIT;
	al_strmap_set(&seen, pkg->dir, NULL);
	al_vec_push(&out->queue, (void *)pkg);
	al_vec_push(&out->parents, (void *)(uintptr_t)0);
	al_cargo_add_dependencies(ctx->in->cargo, &out->queue, &seen, 1, &out->parents);
	al_strmap_dispose(&seen);
}

static void add_closure(rust_discovery *ctx, al_found *found, const al_cargo_manifest *pkg,
                        const char *bin_path, const package_deps *deps)
{
	al_unit *own = al_found_add_unit(found, pkg->dir, 1, pkg);
	add_library_files(ctx, pkg, own);
	/* The binary's own files: its root, and its folder when it is a NAME/main.rs. */
	const char *base = al_path_basename(bin_path);
	char *bin_dir = al_path_dirname(bin_path);
	char *pkg_main = al_path_join(pkg->dir, "src/main.rs");
	int folder = strcmp(base, "main.rs") == 0 && strcmp(bin_path, pkg_main) != 0;
	if (folder) {
		char *prefix = al_sprintf("%s/", bin_dir);
		for (size_t i = first_rust_file_at(ctx, prefix); i < ctx->in->rust_files->len;
		     i++) {
			const char *p = ctx->in->rust_files->items[i];
			if (!al_str_starts_with(p, prefix))
				break;
			al_vec_push(&own->files, al_strdup(p));
		}
		free(prefix);
	} else {
		size_t i = first_rust_file_at(ctx, bin_path);
		if (i < ctx->in->rust_files->len &&
		    strcmp(ctx->in->rust_files->items[i], bin_path) == 0)
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
		add_library_files(ctx, dep, u);
		al_vec_push(&units, u);
	}
	al_vec_dispose(&units);
}

static int is_fuzz_package(const al_cargo_manifest *m)
{
	for (size_t k = 0; k < m->deps.len; k++)
		if (al_crate_name_eq(((const al_cargo_dep *)m->deps.items[k])->crate,
		                     "libfuzzer-sys"))
			return 1;
	return 0;
}

static void discover_package(rust_discovery *ctx, const al_cargo_manifest *m)
{
	al_bin_set bins = AL_BIN_SET_INIT;
	al_cargo_collect_bins(ctx->in->cargo, m, &bins);
	char *main_rs = al_path_join(m->dir, "src/main.rs");
	int fuzz = is_fuzz_package(m);
	package_deps deps = {AL_VEC_INIT, AL_VEC_INIT};
	for (size_t i = 0; i < bins.list.len; i++) {
		const al_bin_target *b = bins.list.items[i];
		if (!al_source_find(ctx->in->source, b->path)) {
			al_sink_gap(&ctx->out->sink,
			            "%s:%u: binary '%s': '%s' is not in the snapshot",
			            m->manifest_path, b->line, b->name, b->path);
			continue;
		}
		char *id = strcmp(b->path, main_rs) == 0 ? al_strdup(m->dir)
		                                         : al_sprintf("%s:%s", m->dir, b->name);
		const al_file_facts *f = al_strmap_get(ctx->in->facts, b->path);
		unsigned line = f && f->main_line ? f->main_line : 1;
		al_found *found =
		    al_found_set_add(ctx->out, AL_LANG_RUST, id, b->name, b->path, line, m->dir);
		free(id);
		if (m->declared_role) {
			al_role r;
			if (al_role_parse(&r, m->declared_role) == 0 && r != AL_ROLE_UNCLASSIFIED) {
				found->component->declared = al_sprintf(
				    "%s: [package.metadata.archlint] role", m->manifest_path);
				found->component->declared_as = r;
				found->component->declared_line = m->declared_line;
			} else {
				al_sink_unknown_role(
				    &ctx->out->sink, m->manifest_path, m->declared_line,
				    "[package.metadata.archlint]", m->declared_role);
			}
		}
		if (f && f->skipped)
			al_found_mark_unread(ctx->out, found, f->skipped);
		if (f && f->empty_main)
			al_vec_push(&found->facts, al_strdup("empty-main"));
		if (fuzz)
			al_vec_push(&found->facts, al_strdup("rust-fuzz-package"));
		if (!deps.queue.len)
			find_package_deps(ctx, m, &deps);
		add_closure(ctx, found, m, b->path, &deps);
	}
	free(main_rs);
	al_bin_set_dispose(&bins);
	al_vec_dispose(&deps.queue);
	al_vec_dispose(&deps.parents);
}

/* A member glob that matches no package is a stale workspace entry worth a notice. */
static void check_members(rust_discovery *ctx, const al_cargo_manifest *ws)
{
	for (size_t i = 0; i < ws->members.len; i++) {
		char *pattern = al_path_join(ws->dir, ws->members.items[i]);
		int matched = 0;
		for (size_t k = 0; pattern && k < ctx->in->cargo->manifests.len && !matched; k++) {
			const al_cargo_manifest *m = ctx->in->cargo->manifests.items[k];
			matched = m->has_package && al_glob_match(pattern, m->dir);
		}
		if (!matched)
			al_sink_gap(&ctx->out->sink, "%s: workspace member '%s' matches no package",
			            ws->manifest_path, (char *)ws->members.items[i]);
		free(pattern);
	}
}

static void free_path_list(void *p)
{
	al_vec_dispose_with(p, free);
	free(p);
}

int al_discover_rust(al_found_set *out, const al_discover_input *in)
{
	rust_discovery run = {in, out, AL_STRMAP_INIT}, *ctx = &run;
	index_library_files(ctx);
	for (size_t i = 0; i < ctx->in->cargo->manifests.len; i++) {
		const al_cargo_manifest *m = ctx->in->cargo->manifests.items[i];
		if (m->has_workspace)
			check_members(ctx, m);
	}
	for (size_t i = 0; i < ctx->in->cargo->manifests.len; i++) {
		const al_cargo_manifest *m = ctx->in->cargo->manifests.items[i];
		if (m->has_package)
			discover_package(ctx, m);
	}
	al_strmap_dispose_with(&run.library_files, free_path_list);
	return 0;
}
