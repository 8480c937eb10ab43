/*
 * discover_go.c: Go modules, packages and `package main` components with their closures.
 *
 * A component is a directory whose non-test files are `package main` with a `func main()`.
 * Like the Go toolchain, files excluded by a build constraint no build satisfies
 * (`//go:build ignore`) do not make a directory a command; archlint still reports such a
 * directory, and mains inside `testdata/`, as components with the facts that make them
 * tools, so nothing is silently dropped. The closure follows in-repo imports, mapped to
 * directories through every go.mod's module path.
 */
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "gomod.h"
#include "path.h"

/* A go.mod: the directory it is in and its module path. */
typedef struct {
	char *dir;
	char *module;
} go_module;

/* One run of Go discovery: its inputs, its output and what it works out once. */
typedef struct {
	const al_discover_input *in;
	al_found_set *out;
	al_vec go_modules;        /* go_module * */
	al_strmap go_import_dirs; /* import path -> in-repo directory (char *), "" when outside */
} go_discovery;

typedef struct {
	char *dir;
	al_vec files; /* char *: every extracted .go file of the directory */
} go_dir;

static void free_go_dir(void *p)
{
	go_dir *d = p;
	free(d->dir);
	al_vec_dispose(&d->files); /* paths borrowed from ctx->in->go_files */
	free(d);
}

static int load_modules(go_discovery *ctx)
{
	al_vec *files = &ctx->in->source->files;
	al_buf buf = AL_BUF_INIT;
	for (size_t i = 0; i < files->len; i++) {
		al_source_file *f = files->items[i];
		if (strcmp(al_path_basename(f->path), "go.mod") != 0)
			continue;
		if (ctx->in->config && al_config_excludes(ctx->in->config, f->path))
			continue;
		if (al_source_read_path(ctx->in->source, f->path, &buf) != 0) {
			al_sink_gap(&ctx->out->sink, "%s", al_error_last());
			continue;
		}
		char *module = NULL;
		if (al_gomod_module_path(&module, f->path, al_buf_cstr(&buf), buf.len) != 0) {
			al_sink_gap(&ctx->out->sink, "%s", al_error_last());
			continue;
		}
		go_module *m = al_calloc(1, sizeof(*m));
		m->dir = al_path_dirname(f->path);
		m->module = module;
		al_vec_push(&ctx->go_modules, m);
	}
	al_buf_dispose(&buf);
	return 0;
}

/* Maps an import path to an in-repo directory through the longest matching module path. */
static char *module_dir_of(const go_discovery *ctx, const char *import)
{
	const go_module *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < ctx->go_modules.len; i++) {
		const go_module *m = ctx->go_modules.items[i];
		size_t n = strlen(m->module);
		if (strncmp(import, m->module, n) == 0 && (import[n] == '\0' || import[n] == '/') &&
		    n > best_len) {
			best = m;
			best_len = n;
		}
	}
	if (!best)
		return NULL;
	const char *rest = import + best_len;
	if (*rest == '/')
		rest++;
	return *rest ? al_path_join(best->dir, rest) : al_strdup(best->dir);
}

/* module_dir_of, remembered per import path (borrowed; NULL outside the repository). */
static const char *resolve_import(go_discovery *ctx, const char *import)
{
	char *dir = al_strmap_get(&ctx->go_import_dirs, import);
	if (!dir) {
		dir = module_dir_of(ctx, import);
		if (!dir)
			dir = al_strdup("");
		al_strmap_set(&ctx->go_import_dirs, import, dir);
	}
	return dir[0] ? dir : NULL;
}

static const al_file_facts *facts_of(const go_discovery *ctx, const char *path)
{
	return al_strmap_get(ctx->in->facts, path);
}

/* The files that form the package: non-ignored ones of the directory's main package name
 * (or all, for a library directory). ignored_main selects the build-ignored main files. */
static void package_files(const go_discovery *ctx, const go_dir *d, int mains, int ignored,
                          al_vec *out)
{
	for (size_t i = 0; i < d->files.len; i++) {
		const al_file_facts *f = facts_of(ctx, d->files.items[i]);
		int is_main = f->package && strcmp(f->package, "main") == 0;
		if (f->build_ignored != ignored)
			continue;
		if (mains && !is_main)
			continue;
		if (!mains && is_main)
			continue;
		al_vec_push(out, d->files.items[i]);
	}
}

static void add_closure(go_discovery *ctx, al_found *found, al_strmap *dirs, const char *start,
                        const al_vec *start_files)
{
	al_strmap seen = AL_STRMAP_INIT;
	al_vec queue = AL_VEC_INIT;
	al_unit *own = al_found_add_unit(found, start, 1, NULL);
	for (size_t i = 0; i < start_files->len; i++)
		al_vec_push(&own->files, al_strdup(start_files->items[i]));
	al_strmap_set(&seen, start, NULL);
	al_vec_push(&queue, own);
	for (size_t q = 0; q < queue.len; q++) {
		al_unit *u = queue.items[q];
		for (size_t i = 0; i < u->files.len; i++) {
			const al_file_facts *f = facts_of(ctx, u->files.items[i]);
			for (size_t k = 0; k < f->imports.len; k++) {
				const al_import *imp = f->imports.items[k];
				const char *dir = resolve_import(ctx, imp->path);
				if (!dir)
					continue;
				go_dir *d = al_strmap_get(dirs, dir);
				if (d && !al_strmap_has(&seen, dir)) {
					al_strmap_set(&seen, dir, NULL);
					al_unit *dep = al_found_add_unit(found, dir, 0, NULL);
					dep->depth = u->depth + 1;
					dep->via = u;
					al_vec lib = AL_VEC_INIT;
					package_files(ctx, d, 0, 0, &lib);
					for (size_t j = 0; j < lib.len; j++)
						al_vec_push(&dep->files, al_strdup(lib.items[j]));
					al_vec_dispose(&lib);
					al_vec_push(&queue, dep);
				}
			}
		}
	}
	al_vec_dispose(&queue);
	al_strmap_dispose(&seen);
}

static int cmp_dir(const void *a, const void *b)
{
	return strcmp((*(go_dir *const *)a)->dir, (*(go_dir *const *)b)->dir);
}

/* The entry of a main package whose main may sit in a file that was not read (over
 * max_file_bytes, a parse hazard, binary content): the directory's skipped file (main.go
 * first) when its readable files are package main, or when it has none and the skipped file
 * is main.go, Go's own convention. So a main.go padded past the limit cannot make a service
 * disappear; NULL when nothing suggests a main package. */
static const char *unread_entry(const go_discovery *ctx, const go_dir *d)
{
	const char *skipped = NULL;
	int readable = 0, main_package = 0;
	for (size_t i = 0; i < d->files.len; i++) {
		const char *path = d->files.items[i];
		const al_file_facts *f = facts_of(ctx, path);
		if (!f->skipped) {
			readable = 1;
			main_package |= f->package && strcmp(f->package, "main") == 0;
		} else if (!skipped || strcmp(al_path_basename(path), "main.go") == 0) {
			skipped = path;
		}
	}
	if (!skipped ||
	    (!main_package && (readable || strcmp(al_path_basename(skipped), "main.go"))))
		return NULL;
	return skipped;
}

static void discover_component(go_discovery *ctx, al_strmap *dirs, go_dir *d)
{
	al_vec mains = AL_VEC_INIT;
	int ignored = 0;
	package_files(ctx, d, 1, 0, &mains);
	const char *entry = NULL;
	unsigned line = 0;
	for (size_t i = 0; i < mains.len && !entry; i++) {
		const al_file_facts *f = facts_of(ctx, mains.items[i]);
		if (f->main_line) {
			entry = mains.items[i];
			line = f->main_line;
		}
	}
	if (!entry) {
		/* No buildable main: maybe one that only a build-ignored file declares. */
		mains.len = 0;
		package_files(ctx, d, 1, 1, &mains);
		for (size_t i = 0; i < mains.len && !entry; i++) {
			const al_file_facts *f = facts_of(ctx, mains.items[i]);
			if (f->main_line) {
				entry = mains.items[i];
				line = f->main_line;
			}
		}
		ignored = 1;
	}
	const char *unread = NULL;
	if (!entry && (unread = unread_entry(ctx, d))) {
		mains.len = 0;
		package_files(ctx, d, 1, 0, &mains);
		al_vec_push(&mains, (void *)unread);
		entry = unread;
		line = 1;
		ignored = 0;
	}
	if (!entry) {
		al_vec_dispose(&mains);
		return;
	}
	const char *name = strcmp(d->dir, ".") == 0 ? "" : al_path_basename(d->dir);
	al_found *found = al_found_set_add(ctx->out, AL_LANG_GO, d->dir, name, entry, line, d->dir);
	if (unread)
		al_found_mark_unread(ctx->out, found, facts_of(ctx, unread)->skipped);
	if (ignored)
		al_vec_push(&found->facts, al_strdup("go-build-ignored"));
	if (al_path_has_dir_segment(entry, "testdata"))
		al_vec_push(&found->facts, al_strdup("go-testdata"));
	if (facts_of(ctx, entry)->empty_main)
		al_vec_push(&found->facts, al_strdup("empty-main"));
	int all_generated = 1;
	for (size_t i = 0; i < mains.len; i++) {
		const al_file_facts *f = facts_of(ctx, mains.items[i]);
		all_generated = all_generated && f->generated;
		if (f->role_directive && !found->component->declared) {
			al_role r;
			if (al_role_parse(&r, f->role_directive) == 0 &&
			    r != AL_ROLE_UNCLASSIFIED) {
				found->component->declared =
				    al_sprintf("%s: //archlint:role", (char *)mains.items[i]);
				found->component->declared_as = r;
				found->component->declared_line = f->directive_line;
			} else {
				al_sink_unknown_role(&ctx->out->sink, mains.items[i],
				                     f->directive_line, "//archlint:role",
				                     f->role_directive);
			}
		}
	}
	if (all_generated)
		al_vec_push(&found->facts, al_strdup("go-generated"));
	add_closure(ctx, found, dirs, d->dir, &mains);
	al_vec_dispose(&mains);
}

static void free_module(void *p)
{
	go_module *m = p;
	free(m->dir);
	free(m->module);
	free(m);
}

int al_discover_go(al_found_set *out, const al_discover_input *in)
{
	go_discovery run = {in, out, AL_VEC_INIT, AL_STRMAP_INIT}, *ctx = &run;
	load_modules(ctx);
	al_strmap dirs = AL_STRMAP_INIT;
	al_vec order = AL_VEC_INIT;
	for (size_t i = 0; i < ctx->in->go_files->len; i++) {
		const char *path = ctx->in->go_files->items[i];
		char *dir = al_path_dirname(path);
		go_dir *d = al_strmap_get(&dirs, dir);
		if (!d) {
			d = al_calloc(1, sizeof(*d));
			d->dir = al_strdup(dir);
			al_strmap_set(&dirs, dir, d);
			al_vec_push(&order, d);
		}
		al_vec_push(&d->files, (void *)path);
		free(dir);
	}
	al_vec_sort(&order, cmp_dir);
	for (size_t i = 0; i < order.len; i++)
		discover_component(ctx, &dirs, order.items[i]);
	al_vec_dispose_with(&order, free_go_dir);
	al_strmap_dispose(&dirs);
	al_vec_dispose_with(&run.go_modules, free_module);
	al_strmap_dispose_with(&run.go_import_dirs, free);
	return 0;
}
