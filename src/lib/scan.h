/*
 * scan.h: the state one scan passes between its stages (internal to the core library).
 *
 *   source -> extract_all -> discover_go / discover_rust -> classify -> policy
 *
 * Everything here is owned by the al_scan and freed by al_scan_dispose, except the result,
 * which al_scan_run hands to its caller.
 */
#ifndef AL_SCAN_H
#define AL_SCAN_H

#include "cargo.h"
#include "config.h"
#include "extract.h"
#include "found.h"
#include "rules.h"
#include "source.h"

typedef struct {
	char *dir;
	char *module; /* module path */
} al_go_module;

typedef struct {
	const al_scan_options *opts;
	al_source *source;
	al_ruleset *rules;
	al_config *config;        /* may be NULL */
	char *cache_dir;          /* the caches' directory, no trailing '/'; NULL: --no-cache */
	al_strmap facts;          /* path -> al_file_facts * */
	al_vec go_files;          /* char *, sorted: non-test .go files */
	al_vec rust_files;        /* char *, sorted */
	al_vec go_modules;        /* al_go_module * */
	al_vec manifests;         /* al_cargo_manifest * with a [package] or [workspace] */
	al_strmap manifest_dirs;  /* directory -> al_cargo_manifest * (borrowed from manifests) */
	al_strmap library_files;  /* package directory -> al_vec * of its library .rs files */
	al_strmap built_packages; /* directories of the packages some binary is built from */
	al_vec found;             /* al_found * */
	/* Worked out once per import path, however many closures hold the importer: */
	al_strmap go_import_dirs; /* -> in-repo directory (char *), "" when outside the repo */
	al_result *result;
} al_scan;

/* Records a notice about a part of the repository that could not be read. */
void al_scan_notice(al_scan *scan, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The notice for a role declaration (where: "//archlint:role", ...) whose value is no role,
 * with the nearest role, the way a configuration error names it. */
void al_scan_unknown_role(al_scan *scan, const char *path, unsigned line, const char *where,
                          const char *value);
al_found *al_scan_add_component(al_scan *scan, al_language lang, const char *id, const char *name,
                                const char *entry_path, unsigned entry_line,
                                const char *package_dir);
/* Marks the component's entry file as not read (why: the extractor's "skipped: ..."): the
 * component stays, unclassified, and the run is incomplete. */
void al_found_mark_unread(al_scan *scan, al_found *found, const char *why);

/* Stages. */
int al_extract_all(al_scan *scan);
int al_discover_go(al_scan *scan);
int al_discover_rust(al_scan *scan);
/* Reads every Cargo.toml (before extraction, which skips .rs files no binary can use). */
int al_cargo_load_manifests(al_scan *scan);
int al_cargo_file_wanted(const al_scan *scan, const char *path);
/* Backstage catalog-info.yaml: declarations and facts for discovered components. */
int al_catalog_apply(al_scan *scan);
/* FFI links between Go components and Rust libraries (after classification). */
void al_links_find(al_scan *scan);
void al_link_free(void *link);

#endif
