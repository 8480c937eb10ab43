/*
 * cargo_graph.h: the Cargo half of the workspace stage — the snapshot's manifests, which
 * packages some binary is built from, and the in-repo dependency graph between packages.
 * Discovery (discover_rust.c) walks it; extraction asks it which .rs files matter.
 */
#ifndef AL_CARGO_GRAPH_H
#define AL_CARGO_GRAPH_H

#include "cargo.h"
#include "config.h"
#include "sink.h"
#include "source.h"

typedef struct {
	const al_source *source;  /* borrowed: the files that exist */
	const al_sink *sink;      /* borrowed: where path dependencies out of the repo are told */
	al_vec manifests;         /* al_cargo_manifest * with a [package] or [workspace], by path */
	al_strmap manifest_dirs;  /* directory -> al_cargo_manifest * (borrowed from manifests) */
	al_strmap built_packages; /* directories of the packages some binary is built from */
} al_cargo_graph;

/* Reads every Cargo.toml of source that config does not exclude; one that cannot be read
 * or parsed is a gap in sink, the rest is still read. source and sink must outlive g. */
int al_cargo_graph_read(al_cargo_graph *g, al_source *source, const al_config *config,
                        const al_sink *sink);
void al_cargo_graph_dispose(al_cargo_graph *g);

/* True when a .rs file can be part of some component: it lies in a package some binary is
 * built from, and not in that package's tests/, benches/ or examples/. */
int al_cargo_file_wanted(const al_cargo_graph *g, const char *path);

typedef enum { AL_ANY_MANIFEST, AL_PACKAGE_MANIFEST, AL_WORKSPACE_MANIFEST } al_manifest_kind;
/* The manifest of the nearest directory enclosing path that has one of this kind, or NULL. */
const al_cargo_manifest *al_cargo_nearest(const al_cargo_graph *g, const char *path,
                                          al_manifest_kind kind);
/* path relative to the package directory of m (path lies inside it). */
const char *al_cargo_relative(const al_cargo_manifest *m, const char *path);
/* Extends queue (al_cargo_manifest *) with every in-repo package its packages depend on,
 * directly or not, that seen (package directories) does not hold yet, breadth first, and
 * adds them to seen. Paths out of the repository are gaps in the sink when report is set.
 * parents, when given, gets per queue entry the queue index of the package that brought it
 * in (its first entry, the start, is the caller's). */
void al_cargo_add_dependencies(const al_cargo_graph *g, al_vec *queue, al_strmap *seen, int report,
                               al_vec *parents);

typedef struct {
	char *name;
	char *path;    /* repository-relative */
	unsigned line; /* in Cargo.toml for [[bin]], 0 for inferred */
} al_bin_target;

/* A package's binary targets, in order, with their names and paths for lookups. */
typedef struct {
	al_vec list;     /* al_bin_target * */
	al_strmap names; /* name -> NULL */
	al_strmap paths; /* path -> NULL */
} al_bin_set;

#define AL_BIN_SET_INIT                                                                            \
	{                                                                                          \
		AL_VEC_INIT, AL_STRMAP_INIT, AL_STRMAP_INIT                                        \
	}

/* m's binary targets, in Cargo's order. */
void al_cargo_collect_bins(const al_cargo_graph *g, const al_cargo_manifest *m, al_bin_set *bins);
void al_bin_set_dispose(al_bin_set *bins);

#endif
