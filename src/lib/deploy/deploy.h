/*
 * deploy.h: the deployment stage — how the repository ships its binaries.
 *
 *   snapshot ──► al_deploy_read ──► references ──► al_deploy_link ──► shipments per component
 *
 * al_deploy_read reads the repository's deployment and release files (Dockerfiles,
 * docker-compose files, Kubernetes manifests and Helm templates, goreleaser configs,
 * systemd units, Procfiles, Makefiles, release workflows, Cargo packaging metadata) and turns each
 * mention of a binary — a package built (`go build ./cmd/x`, `cargo build --bin x`), a program
 * started
 * (`ENTRYPOINT`, `command:`, `ExecStart=`) — into one reference. al_deploy_link matches
 * references to components by path or by binary name. Neither looks at source code.
 *
 * Ownership: references (al_ship_ref *) belong to the caller's vector, freed with
 * al_ship_ref_free; shipments pushed onto a component belong to the component.
 */
#ifndef AL_DEPLOY_H
#define AL_DEPLOY_H

#include <tree_sitter/api.h>

#include "archlint.h"
#include "config.h"
#include "source.h"

typedef struct {
	al_ship_kind kind;
	char *target; /* a package path ("./cmd/x", "example.com/m/cmd/x") or a program name */
	int by_name;  /* target is a binary name (or a path to an installed binary) */
	const char *format; /* borrowed literal: "dockerfile", "kubernetes", ... */
	char *path;         /* the file it was read from */
	unsigned line;
} al_ship_ref;

void al_ship_ref_free(void *ref);

/* Reads every deployment file of the snapshot (except excluded ones) into refs. A file
 * that cannot be read or parsed adds a line "path: cause" to notices and is skipped; one
 * over max_file_bytes (a generated CRD bundle) adds it to skipped: a skip by policy. */
int al_deploy_read(al_vec *refs, al_source *source, const al_config *config, al_vec *notices,
                   al_vec *skipped);

/* Attaches to each component (al_component *) the references that name it, at most one
 * per kind and file. */
void al_deploy_link(const al_vec *refs, al_vec *components);

/* Readers of one format each, used by al_deploy_read (exposed for unit tests). */
void al_deploy_add_ref(al_vec *refs, al_ship_kind kind, const char *target, int by_name,
                       const char *format, const char *path, unsigned line);
/* The binaries a shell command line builds (go build/install, cargo build/install) or
 * starts (its program, when start_kind >= 0). */
void al_deploy_scan_command(al_vec *refs, const char *command, al_ship_kind build_kind,
                            int start_kind, const char *format, const char *path, unsigned line);
/* Calls fn once per logical line of text: physical lines trimmed, empty ones (and, with
 * skip_comments, '#' ones) left out, a line ending in a backslash joined to the next; with
 * the line it starts on and whether it starts with a tab (a Makefile recipe). */
typedef void (*al_deploy_line_fn)(void *ctx, const char *line, unsigned number, int tab);
void al_deploy_each_line(const char *text, size_t len, int skip_comments, al_deploy_line_fn fn,
                         void *ctx);
void al_deploy_read_dockerfile(al_vec *refs, const char *path, const char *text, size_t len);
void al_deploy_read_unit_lines(al_vec *refs, const char *format, const char *path, const char *text,
                               size_t len);
/* Cargo packaging metadata ([package.metadata.deb], [package.metadata.generate-rpm]);
 * fails (AL_ECONFIG, message set) on a manifest that does not parse. */
int al_deploy_read_cargo(al_vec *refs, TSParser *parser, const char *path, const char *text,
                         size_t len);
/* parser: a tree-sitter parser set to the YAML language, reused across files. */
int al_deploy_read_yaml(al_vec *refs, TSParser *parser, const char *path, const char *text,
                        size_t len, char **error);

#endif
