/*
 * cargo.h: what archlint needs from one Cargo.toml — the package, its binary targets,
 * its dependencies, the workspace it may declare, and an archlint role declaration.
 *
 * al_cargo_manifest_parse allocates a manifest the caller frees with
 * al_cargo_manifest_free; every string in it is owned by the manifest.
 */
#ifndef AL_CARGO_H
#define AL_CARGO_H

#include <tree_sitter/api.h>

#include "archlint.h"

typedef struct {
	char *key;     /* the name used in the manifest */
	char *crate;   /* the real crate name (`package = "..."` renames) */
	char *path;    /* `path = "..."` as written, or NULL */
	int workspace; /* `workspace = true` */
	int optional;  /* `optional = true`: only built with a feature */
	unsigned line;
} al_cargo_dep;

typedef struct {
	char *name;
	char *path; /* as written, or NULL */
	unsigned line;
} al_cargo_bin;

typedef struct {
	char *manifest_path; /* "dir/Cargo.toml" */
	char *dir;           /* "dir" or "." */
	int has_package;
	char *name;
	int autobins;        /* 1 unless `autobins = false` */
	al_vec bins;         /* al_cargo_bin * from [[bin]] */
	al_vec deps;         /* al_cargo_dep * from [dependencies] and [target.*.dependencies] */
	al_vec crate_types;  /* char * from [lib] crate-type */
	char *lib_name;      /* [lib] name, or NULL */
	char *declared_role; /* [package.metadata.archlint] role, or NULL */
	unsigned declared_line;

	int has_workspace;
	al_vec members;               /* char * globs */
	al_vec excludes;              /* char * */
	al_vec workspace_deps;        /* al_cargo_dep * from [workspace.dependencies] */
	al_strmap workspace_dep_keys; /* key -> its first al_cargo_dep * in workspace_deps */
} al_cargo_manifest;

int al_cargo_manifest_parse(al_cargo_manifest **out, TSParser *parser, const char *manifest_path,
                            const char *source, size_t len);
void al_cargo_manifest_free(al_cargo_manifest *self);
/* Compare crate names the way Cargo does for features and imports: '-' equals '_'. */
int al_crate_name_eq(const char *a, const char *b);

#endif
