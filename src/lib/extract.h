/*
 * extract.h: everything archlint learns from one source file, from a single tree-sitter
 * parse: the Go package facts discovery needs, the imports, and the hits of every query
 * signal of the file's language.
 *
 * The result depends only on the file's bytes and the ruleset (it is what a cache may keep
 * by blob id and ruleset hash). al_file_facts_free frees one.
 */
#ifndef AL_EXTRACT_H
#define AL_EXTRACT_H

#include <tree_sitter/api.h>

#include "rules.h"

/* An inline suppression comment starts with this (suppress.c applies what it says). */
#define AL_IGNORE_DIRECTIVE "//archlint:ignore"

/* A text found at a line: an import path, a library a cgo preamble links, a directive. */
typedef struct {
	char *path;
	unsigned line;
} al_import;

typedef struct {
	const al_signal *signal; /* borrowed from the ruleset */
	unsigned line;           /* first hit */
	unsigned count;
} al_hit;

typedef struct {
	al_language language;
	char *skipped;         /* why the file was not parsed (binary, too large), or NULL */
	int skipped_by_policy; /* skipped on purpose (max_file_bytes): the run is still whole */
	int skipped_binary;    /* skipped as binary content: not source a toolchain would build */
	char *package;         /* Go: package clause name */
	unsigned main_line;    /* line of func/fn main at top level, 0 if none */
	int empty_main;        /* that main has an empty body (a go:generate anchor, a stub) */
	int build_ignored;     /* Go: a //go:build constraint no build satisfies */
	int generated;         /* "Code generated ... DO NOT EDIT." or @generated */
	char *role_directive;  /* Go: //archlint:role VALUE */
	unsigned directive_line;
	int parse_errors;   /* the tree has error nodes; the rest still yields signals */
	al_vec imports;     /* al_import * (Go) */
	al_vec cgo_libs;    /* al_import *: libraries a cgo preamble links (-lNAME), Go */
	al_vec hits;        /* al_hit * */
	al_vec ignores;     /* al_import *: each "//archlint:ignore ..." comment (its first line) */
	al_vec near_misses; /* al_import *: comments that nearly are a directive (directive.h) */
} al_file_facts;

typedef struct {
	TSParser *parser;
	TSQueryCursor *cursor;
} al_extractor;

void al_extractor_init(al_extractor *self);
void al_extractor_release(al_extractor *self);

int al_extract_file(al_file_facts **out, al_extractor *ex, const al_ruleset *rules,
                    al_language lang, const char *path, const char *source, size_t len);
void al_file_facts_free(al_file_facts *facts);

/* Evaluates a Go build constraint expression ("linux && !ignore") with every tag true but
 * "ignore"; returns 1 when a build could include the file. Exposed for tests. */
int al_go_build_expr_allows(const char *expr);

#endif
