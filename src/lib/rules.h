/*
 * rules.h: the ruleset — signals, guideline rules and scoring thresholds — loaded from
 * data (the embedded rules/ folder, a --rules folder, and a repository's configuration).
 *
 * Lifecycle: al_ruleset_new, then al_ruleset_load_* and al_ruleset_add_signal_json as
 * often as needed, then al_ruleset_finish (compiles queries, computes the hash). After
 * finish the ruleset is read-only and may be shared by threads. al_ruleset_free frees it.
 */
#ifndef AL_RULES_H
#define AL_RULES_H

#include <cjson/cJSON.h>
#include <tree_sitter/api.h>

#include "archlint.h"
#include "vec.h"

typedef enum {
	AL_SIG_IMPORT,
	AL_SIG_CRATE,
	AL_SIG_PATH,
	AL_SIG_NAME,
	AL_SIG_FACT,
	AL_SIG_QUERY,
} al_signal_kind;

typedef struct {
	size_t index; /* position in the ruleset's signal list */
	char *id;
	al_role role; /* AL_ROLE_UNCLASSIFIED: a lifecycle signal that weighs no role */
	double weight;
	char *why;
	al_lifecycle lifecycle; /* what a hit says about how the program runs, if anything */
	al_signal_kind kind;
	int language;    /* al_language, or -1 for any */
	al_vec patterns; /* char *: imports, crates, globs or fact names */
	char *query;     /* query source (AL_SIG_QUERY) */
	char *origin;    /* file it came from, for messages */
	int builtin;     /* embedded in archlint (tested with it), not the user's */
} al_signal;

typedef struct {
	char *id;
	al_level level;
	char *title;
	char *message;
	char *rationale;
	int when_language;     /* -1: any */
	int when_role;         /* -1: any */
	int when_hybrid;       /* -1: any, 0 or 1 */
	int when_contradicted; /* -1: any, 0 or 1 */
} al_rule;

typedef struct {
	double hybrid_min;
	double hybrid_ratio;
	double dependency_factor;
	double repeat_decay;
	double contradiction_min;
	double shared_share;   /* a dependency in this share of the components is shared */
	double shared_factor;  /* what shared code's hits count, relative to a dependency's */
	double depth_decay;    /* what each further package hop from main multiplies a hit by */
	double min_confidence; /* below this model probability a service is unclassified */
	double server_min_evidence; /* a server with no role score this high is unclassified */
} al_thresholds;

typedef struct al_query_set al_query_set;
typedef struct al_model al_model;

struct al_ruleset {
	al_vec signals; /* al_signal * */
	al_vec rules;   /* al_rule * */
	al_thresholds thresholds;
	al_model *model; /* rules/model.json; NULL when the folder has none */
	al_query_set *queries[AL_LANG__COUNT];
	unsigned queries_ready; /* bit per al_language: compiled, or checked (see below) */
	al_strmap import_index; /* import path -> al_vec * of signals */
	al_strmap crate_index;  /* normalised crate -> al_vec * of signals */
	al_buf hash_input;
	char hash[41];
};

al_ruleset *al_ruleset_new(void);
/* The rules folder a run reads: dir, else $ARCHLINT_RULES; NULL for the rules compiled in. */
const char *al_rules_folder(const char *dir);
/* al_ruleset_load_dir of folder (what al_rules_folder chose), or, for NULL, the rules
 * compiled in. */
int al_ruleset_load(al_ruleset *self, const char *folder);
/* The rules compiled into the binary. */
int al_ruleset_load_embedded(al_ruleset *self);
/* A folder shaped like rules/: signal tables under signals/, query files under
 * queries/LANG/, policy.json, classify.json and model.json. */
int al_ruleset_load_dir(al_ruleset *self, const char *dir);
/* One signal in table form ({"id","role","weight","why", and one of imports/crates/paths/
 * names/facts/query}); origin names the file for messages. */
int al_ruleset_add_signal_json(al_ruleset *self, const cJSON *json, const char *origin);
/* Makes extra data (the repository's configuration) part of the ruleset hash. */
void al_ruleset_add_hash_input(al_ruleset *self, const char *name, const char *data, size_t len);
int al_ruleset_finish(al_ruleset *self);
/* The two halves of finish: indexes and hash; then the queries, which a run answered
 * wholly from the cache never needs (compiling them is most of a warm run's time). */
int al_ruleset_prepare(al_ruleset *self);
#define AL_ALL_LANGUAGES ((1u << AL_LANG__COUNT) - 1)
/* Compiles the query set of each language in `langs` (a bit per al_language); of the
 * others, only the signals that are not built in are compiled, to be checked and dropped,
 * so a broken query of the user's is reported whatever languages a run parses. */
int al_ruleset_compile_queries(al_ruleset *self, unsigned langs);

al_rule *al_ruleset_find_rule(const al_ruleset *self, const char *id);
/* Signals (al_vec * of al_signal *) whose import pattern is the path or a parent of it. */
void al_ruleset_match_import(const al_ruleset *self, const char *import, al_vec *out);
const al_vec *al_ruleset_match_crate(const al_ruleset *self, const char *crate);

/* Query execution on a parsed tree: calls hit(signal, line, ctx) for every match that
 * passes its predicates. Safe to call from several threads with separate cursors. */
typedef void (*al_query_hit_fn)(const al_signal *signal, unsigned line, void *ctx);
void al_ruleset_run_queries(const al_ruleset *self, al_language lang, TSQueryCursor *cursor,
                            TSNode root, const char *source, al_query_hit_fn hit, void *ctx);

#endif
