/*
 * discover.h: the discovery stage — the workspace (Cargo graph, files extraction read) and
 * the facts of every file in, the found set out: each component with its closure
 * (found.h). Go and Rust are found by their own rules (discover_go.c, discover_rust.c), and
 * a Backstage catalog then adds declarations (catalog.c). What cannot be read is a gap in the
 * found set's sink (a path dependency out of the repository: in the Cargo graph's, which the
 * pipeline makes the same); the rest is still found.
 */
#ifndef AL_DISCOVER_H
#define AL_DISCOVER_H

#include "cargo_graph.h"
#include "config.h"
#include "extract.h"
#include "found.h"
#include "sink.h"
#include "source.h"

typedef struct {
	al_source *source;        /* go.mod and catalog files are read from it */
	const al_config *config;  /* exclusions; may be NULL */
	const al_strmap *facts;   /* path -> al_file_facts * of every file extraction read */
	const al_vec *go_files;   /* char *, sorted: the Go files among them */
	const al_vec *rust_files; /* char *, sorted: the Rust files among them */
	const al_cargo_graph *cargo;
} al_discover_input;

typedef struct {
	al_vec found;       /* al_found *, owned, in the order found */
	al_vec *components; /* borrowed: where each new component goes (the result's list) */
	al_sink sink;
} al_found_set;

/* A new component, pushed to set->components, and its al_found, pushed to set->found. */
al_found *al_found_set_add(al_found_set *set, al_language lang, const char *id, const char *name,
                           const char *entry_path, unsigned entry_line, const char *package_dir);
/* Marks the component's entry file as not read (why: the extractor's "skipped: ..."): the
 * component stays, unclassified, and the run is incomplete. */
void al_found_mark_unread(al_found_set *set, al_found *found, const char *why);

int al_discover_go(al_found_set *out, const al_discover_input *in);
int al_discover_rust(al_found_set *out, const al_discover_input *in);
/* Backstage catalog-info.yaml: declarations and facts for the components found. */
int al_catalog_apply(al_found_set *set, const al_discover_input *in);

#endif
