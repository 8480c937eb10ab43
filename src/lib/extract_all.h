/*
 * extract_all.h: the facts stage — every file of the snapshot that can be part of a
 * component parsed once (or answered by the cache), on worker threads: the only parse of
 * a file, with its directives collected on the way (extract.h).
 */
#ifndef AL_EXTRACT_ALL_H
#define AL_EXTRACT_ALL_H

#include "cargo_graph.h"
#include "config.h"
#include "extract.h"
#include "sink.h"
#include "source.h"

typedef struct {
	al_source *source;
	al_ruleset *rules;           /* its queries are compiled for the languages parsed */
	const al_config *config;     /* exclusions and max_file_bytes; may be NULL */
	const al_cargo_graph *cargo; /* which .rs files matter */
	const char *cache_dir;       /* the extraction cache's directory; NULL: no cache */
	const al_scan_options *opts; /* jobs and progress */
} al_extract_input;

typedef struct {
	al_strmap facts;   /* path -> al_file_facts *, owned */
	al_vec go_files;   /* char *, owned, sorted: the Go files read */
	al_vec rust_files; /* char *, owned, sorted: the Rust files read */
} al_facts;

/* Fills out (zeroed by the caller); a file that cannot be read is a gap in sink, and a
 * file skipped by policy a note. 0, or the error of compiling the queries. */
int al_extract_all(al_facts *out, const al_extract_input *in, const al_sink *sink);
void al_facts_dispose(al_facts *facts);

#endif
