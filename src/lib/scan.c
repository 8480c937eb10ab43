/*
 * scan.c: the pipeline of one scan — open the snapshot, load rules and configuration,
 * extract every file, discover components, classify them, apply the policy — and the
 * lifetime of its result.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "archlint.h"
#include "classify.h"
#include "deploy.h"
#include "directive.h"
#include "discover.h"
#include "extract_all.h"
#include "file.h"
#include "gate.h"
#include "json.h"
#include "links.h"
#include "owners.h"
#include "policy.h"
#include "rules.h"
#include "suppress.h"

/* Directories never read: third-party code is not the repository's architecture. */
static const char *const default_prune[] = {".git", "vendor", "node_modules", "third_party", NULL};

/* What one scan carries from stage to stage; each part is the output of one stage and is
 * read, never written, by the stages after it. */
typedef struct {
	const al_scan_options *opts;
	al_result *result;
	al_sink sink;         /* the result's notices and warnings */
	al_source *source;    /* snapshot */
	char *cache_dir;      /* the caches' directory, no trailing '/'; NULL: --no-cache */
	al_config *config;    /* configuration; NULL when there is none */
	al_ruleset *rules;    /* rules, owned by the result */
	al_cargo_graph cargo; /* workspace */
	al_facts facts;       /* facts */
	al_found_set found;   /* found set */
} al_scan;

static void scan_dispose(al_scan *scan)
{
	free(scan->cache_dir);
	al_vec_dispose_with(&scan->found.found, al_found_free);
	al_cargo_graph_dispose(&scan->cargo);
	al_facts_dispose(&scan->facts);
	al_config_free(scan->config);
	al_source_free(scan->source);
}

/* The configuration's names at the snapshot's root: one of them, or none. */
static const char *const config_names[] = {".archlint.json", ".archlint.yaml", ".archlint.yml"};

/* Reads the one configuration file at the snapshot's root into text and names it in
 * *path; *path stays NULL when there is none. Two of them is an error: which one would
 * rule is not something to guess. */
static int read_root_config(al_scan *scan, const char **path, al_buf *text)
{
	*path = NULL;
	for (size_t i = 0; i < sizeof(config_names) / sizeof(config_names[0]); i++) {
		al_buf candidate = AL_BUF_INIT;
		int rc = al_source_read_path(scan->source, config_names[i], &candidate);
		if (rc == AL_SOURCE_ABSENT) {
			al_buf_dispose(&candidate);
			continue;
		}
		if (rc == 0 && *path)
			al_error_set("%s and %s are both at the root: keep one", *path,
			             config_names[i]);
		al_buf_dispose(text);
		*text = candidate;
		if (rc || *path) /* there, but a symlink, not a regular file, too large */
			return AL_ECONFIG;
		*path = config_names[i];
	}
	return 0;
}

/* A component without a Backstage spec.system belongs to the system of the first config
 * "groups" glob that matches its package directory. */
static void assign_systems(al_scan *scan)
{
	const al_vec *components = &scan->result->components;
	for (size_t i = 0; scan->config && i < components->len; i++) {
		al_component *c = components->items[i];
		unsigned line = 0;
		const char *name =
		    c->system ? NULL : al_config_group(scan->config, c->package_dir, &line);
		if (name) {
			c->system = al_strdup(name);
			c->system_from = al_sprintf("%s:%u", scan->config->path, line);
		}
	}
}

/* --config FILE from disk, else .archlint.json (or .archlint.yaml) at the snapshot's root,
 * if present. */
static int load_config(al_scan *scan)
{
	al_buf text = AL_BUF_INIT;
	const char *path = scan->opts->config_path;
	int err = 0;
	if (path) {
		if (al_file_read(path, AL_JSON_MAX_BYTES, 0, &text) != 0) {
			al_error_set("%s: cannot be read: %s", path,
			             al_file_strerror(errno, AL_JSON_MAX_BYTES));
			err = AL_ECONFIG;
		}
	} else {
		err = read_root_config(scan, &path, &text);
	}
	if (!err && path)
		err = al_config_parse(&scan->config, path, al_buf_cstr(&text), text.len);
	al_buf_dispose(&text);
	return err;
}

/* The committed baseline, .archlint-baseline.json at the snapshot's root, when there: read
 * from the snapshot like the configuration (a pre-commit hook sees the staged one). */
static int apply_committed_baseline(al_scan *scan)
{
	const char *path = ".archlint-baseline.json";
	al_buf text = AL_BUF_INIT;
	size_t bound = scan->source->max_bytes; /* a baseline is JSON, bounded like one */
	al_source_limit(scan->source, AL_JSON_MAX_BYTES);
	int rc = al_source_read_path(scan->source, path, &text), err = 0;
	al_source_limit(scan->source, bound);
	if (rc == 0)
		err = al_baseline_apply_text(scan->result, path, al_buf_cstr(&text), text.len);
	else if (rc != AL_SOURCE_ABSENT) /* a symlink, not a regular file, too large */
		err = AL_ECONFIG;
	al_buf_dispose(&text);
	return err;
}

/* --cache-dir, else ARCHLINT_CACHE_DIR (a CI cache step keeps it between jobs), else
 * archlint/ in the repository's common git directory. */
static char *cache_dir_of(const al_scan_options *opts, const al_source *source)
{
	const char *dir = opts->cache_dir ? opts->cache_dir : getenv("ARCHLINT_CACHE_DIR");
	char *out =
	    dir && *dir ? al_strdup(dir) : al_sprintf("%sarchlint", al_source_common_dir(source));
	size_t len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		out[--len] = '\0';
	return out;
}

static int load_rules(al_scan *scan)
{
	al_ruleset *rules = al_ruleset_new();
	scan->result->rules = rules;
	scan->rules = rules;
	const char *dir = al_rules_folder(scan->opts->rules_dir);
	int err = al_ruleset_load(rules, dir);
	if (!err && scan->config)
		err = al_config_apply(scan->config, rules);
	if (!err && !rules->model) {
		al_error_set(
		    "%s: no model.json: the rules need a verdict model (see rules/README.md)",
		    dir ? dir : "rules");
		err = AL_ECONFIG;
	}
	if (!err)
		err = al_ruleset_prepare(rules);
	return err;
}

/* Deployment stage (deploy.h): which components the repository's deployment and release
 * files ship, and how. True when it ships any. */
static int find_deployments(al_scan *scan)
{
	int ships = 0;
	al_vec refs = AL_VEC_INIT, notices = AL_VEC_INIT;
	al_deploy_read(&refs, scan->source, scan->config, &notices, &scan->result->notices);
	for (size_t i = 0; i < notices.len; i++)
		al_sink_gap(&scan->sink, "%s", (char *)notices.items[i]);
	al_deploy_link(&refs, &scan->result->components);
	for (size_t i = 0; i < scan->result->components.len; i++)
		if (((al_component *)scan->result->components.items[i])->shipped.len)
			ships = 1;
	al_vec_dispose_with(&notices, free);
	al_vec_dispose_with(&refs, al_ship_ref_free);
	return ships;
}

/* Facts and found set: every file that can matter parsed once, then the components found in
 * them, Go, Rust, then the catalog's declarations. */
static int extract_and_discover(al_scan *scan)
{
	al_extract_input ex = {scan->source, scan->rules,     scan->config,
	                       &scan->cargo, scan->cache_dir, scan->opts};
	int err = al_extract_all(&scan->facts, &ex, &scan->sink);
	if (err)
		return err;
	scan->found.components = &scan->result->components;
	scan->found.sink = scan->sink;
	al_discover_input in = {scan->source,
	                        scan->config,
	                        &scan->facts.facts,
	                        &scan->facts.go_files,
	                        &scan->facts.rust_files,
	                        &scan->cargo};
	err = al_discover_go(&scan->found, &in);
	if (!err)
		err = al_discover_rust(&scan->found, &in);
	if (!err)
		err = al_catalog_apply(&scan->found, &in);
	return err;
}

/* Classification stage (classify.h): every found component's evidence and verdict. */
static void classify_all(al_scan *scan, int repository_ships)
{
	al_classify_input in = {scan->rules, scan->config, &scan->facts.facts, repository_ships};
	al_classifier classifier;
	al_classifier_init(&classifier, &in, &scan->found.found);
	for (size_t i = 0; i < scan->found.found.len; i++)
		al_classify(&classifier, scan->found.found.items[i]);
	al_classifier_dispose(&classifier);
}

static int cmp_component(const void *a, const void *b)
{
	const al_component *x = *(al_component *const *)a, *y = *(al_component *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : (int)x->language - (int)y->language;
}

int al_scan_run(al_result **out, const al_scan_options *opts)
{
	*out = NULL;
	al_scan scan;
	memset(&scan, 0, sizeof(scan));
	scan.opts = opts;
	scan.result = al_calloc(1, sizeof(al_result));
	scan.result->mode = opts->mode;
	scan.result->rev = opts->rev ? al_strdup(opts->rev) : NULL;
	scan.sink = al_sink_of(scan.result);

	al_git_init();
	int err = al_source_open(&scan.source, opts->path, opts->mode, opts->rev);
	if (!err && scan.source->commit[0])
		scan.result->commit = al_strdup(scan.source->commit);
	if (!err && !opts->no_cache)
		scan.cache_dir = cache_dir_of(opts, scan.source);
	if (!err)
		err = al_source_list(scan.source, default_prune, scan.cache_dir);
	for (size_t i = 0; !err && i < scan.source->notices.len; i++)
		al_sink_gap(&scan.sink, "%s", (char *)scan.source->notices.items[i]);
	if (!err)
		err = load_config(&scan);
	if (!err)
		al_source_limit(scan.source, scan.config ? scan.config->max_file_bytes
		                                         : AL_DEFAULT_MAX_FILE_BYTES);
	if (!err)
		err = load_rules(&scan);
	if (!err)
		err = al_cargo_graph_read(&scan.cargo, scan.source, scan.config, &scan.sink);
	if (!err)
		err = extract_and_discover(&scan);
	if (!err) {
		classify_all(&scan, find_deployments(&scan));
		err = al_owners_assign(scan.source, &scan.result->components, &scan.sink);
		assign_systems(&scan);
	}
	if (!err) {
		al_vec_sort(&scan.result->components, cmp_component);
		al_links_find(scan.result, &scan.found.found, &scan.facts.facts, &scan.cargo);
		al_policy_apply(scan.result, scan.rules);
		al_suppress_input accept = {scan.rules, scan.config, &scan.facts.facts};
		al_suppress_apply(scan.result, &accept);
		if (opts->committed_baseline)
			err = apply_committed_baseline(&scan);
		al_directive_near_miss_notices(&scan.facts.facts, &scan.result->notices);
		al_vec_sort(&scan.result->notices, al_vec_cmp_str);
	}
	scan_dispose(&scan);
	git_libgit2_shutdown();
	if (err) {
		al_result_free(scan.result);
		return err;
	}
	*out = scan.result;
	return 0;
}

static void free_evidence(void *p)
{
	al_evidence *e = p;
	free(e->path);
	free(e);
}

static void free_shipment(void *p)
{
	al_shipment *s = p;
	free(s->path);
	free(s);
}

static void free_component(void *p)
{
	al_component *c = p;
	free(c->id);
	free(c->name);
	free(c->entry_path);
	free(c->package_dir);
	free(c->unread);
	free(c->declared);
	free(c->decided_by);
	al_vec_dispose_with(&c->closure, free);
	al_vec_dispose_with(&c->closure_paths, free);
	al_vec_dispose_with(&c->evidence, free_evidence);
	al_vec_dispose_with(&c->shipped, free_shipment);
	al_vec_dispose_with(&c->features, free);
	free(c->lifecycle_why);
	al_vec_dispose_with(&c->owners, free);
	free(c->owners_from);
	free(c->system);
	free(c->system_from);
	free(c);
}

static void free_finding(void *p)
{
	al_finding *f = p;
	free(f->message);
	al_suppression_free(f->suppressed);
	free(f);
}

void al_result_free(al_result *result)
{
	if (!result)
		return;
	al_vec_dispose_with(&result->findings, free_finding);
	al_vec_dispose_with(&result->components, free_component);
	al_vec_dispose_with(&result->notices, free);
	al_vec_dispose_with(&result->warnings, free);
	al_vec_dispose_with(&result->links, al_link_free);
	al_ruleset_free(result->rules);
	free(result->rev);
	free(result->commit);
	free(result);
}

al_component *al_result_find_component(const al_result *result, const char *id)
{
	for (size_t i = 0; i < result->components.len; i++) {
		al_component *c = result->components.items[i];
		if (strcmp(c->id, id) == 0)
			return c;
	}
	return NULL;
}
