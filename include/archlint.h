/*
 * archlint.h: the public model of archlint's core library — one scan of a repository
 * snapshot and what it finds. The CLI in src/cli/ is a thin layer over this header.
 *
 * Ownership: al_scan_run allocates an al_result that owns every component, piece of
 * evidence and finding in it; the caller frees it with al_result_free. Strings inside are
 * owned by the result unless marked "borrowed" (those point into the ruleset, which the
 * result also keeps alive).
 */
#ifndef ARCHLINT_H
#define ARCHLINT_H

#include <stddef.h>

#include "buf.h"
#include "last_error.h"
#include "strmap.h"
#include "vec.h"

/* Error codes: functions return 0 or one of these; al_error_last() has the message. */
enum {
	AL_OK = 0,
	AL_EUSAGE = -1,  /* bad command line */
	AL_ECONFIG = -2, /* bad .archlint.json, rules or manifest that cannot be skipped */
	AL_EREPO = -3,   /* repository cannot be opened or read */
	AL_EIO = -4,     /* file system error */
};

typedef enum { AL_LANG_GO, AL_LANG_RUST, AL_LANG__COUNT } al_language;

typedef enum {
	AL_ROLE_DATA_PATH,
	AL_ROLE_CONTROL_PLANE,
	AL_ROLE_TOOL,
	AL_ROLE_UNCLASSIFIED,
	AL_ROLE__COUNT
} al_role;

typedef enum { AL_LEVEL_OFF, AL_LEVEL_NOTE, AL_LEVEL_WARNING, AL_LEVEL_ERROR } al_level;

typedef enum { AL_SOURCE_REV, AL_SOURCE_STAGED, AL_SOURCE_WORKTREE } al_source_mode;

const char *al_language_name(al_language lang);
const char *al_role_name(al_role role);
/* Returns 0 and sets *out, or -1 for an unknown name. */
int al_role_parse(al_role *out, const char *name);
const char *al_level_name(al_level level);
int al_level_parse(al_level *out, const char *name);

/* How the repository ships a component, from its deployment and release files. */
typedef enum {
	AL_SHIP_SERVICE,   /* started by a long-running workload: Deployment, DaemonSet, systemd */
	AL_SHIP_JOB,       /* started by a run-to-completion workload: Job, CronJob */
	AL_SHIP_CONTAINER, /* a container image's program (ENTRYPOINT, CMD, COPY --from) */
	AL_SHIP_PACKAGE,   /* released for workstations or servers: goreleaser, release workflows */
	AL_SHIP_BUILD,     /* built by the repository's build (Dockerfile RUN, Makefile) */
	AL_SHIP__COUNT
} al_ship_kind;

const char *al_ship_kind_name(al_ship_kind kind);

/* One deployment reference to a component. */
typedef struct {
	al_ship_kind kind;
	const char *format; /* borrowed literal: "dockerfile", "kubernetes", "goreleaser", ... */
	char *path;
	unsigned line;
} al_shipment;

/* How a component runs, from what its main reaches. */
typedef enum { AL_LIFE_UNKNOWN, AL_LIFE_SERVER, AL_LIFE_COMMAND } al_lifecycle;

const char *al_lifecycle_name(al_lifecycle life);

/* One piece of evidence behind a verdict. */
typedef struct {
	const char *signal; /* borrowed: signal id */
	const char *why;    /* borrowed: the signal's rationale */
	al_role role;
	double weight; /* what it contributed to the role's score */
	char *path;
	unsigned line;
	unsigned hits;     /* matches of this signal in the closure (the location is the first) */
	unsigned distance; /* package hops from main's package to the best location (0: own) */
} al_evidence;

typedef struct {
	char *id;
	al_language language;
	const char *kind; /* borrowed literal: "go-main-package" or "cargo-bin" */
	char *name;       /* Go: directory name; Rust: binary name */
	char *entry_path;
	unsigned entry_line;
	char *package_dir; /* Go package directory or Cargo package directory */
	char *unread;      /* why the entry file was not read ("path: skipped: ..."), or NULL:
	                    * such a component is kept, unclassified, never dropped */

	al_vec closure; /* char *: package directories (own first), sorted after it */
	size_t closure_files;
	al_vec closure_paths; /* char *: the closure's source files, unit by unit */

	al_role role;
	double confidence;
	double scores[AL_ROLE__COUNT - 1]; /* data-path, control-plane, tool */
	int hybrid;
	char *declared;      /* where a declaration came from, or NULL */
	al_role declared_as; /* valid when declared */
	unsigned declared_line;
	char *decided_by;      /* one line: what decided the role */
	al_role evidence_role; /* the verdict of the evidence alone */
	double evidence_confidence;
	int contradicted; /* declared, but strong evidence says another role (AL005) */
	al_vec evidence;  /* al_evidence *, ranked by weight */

	al_vec shipped;         /* al_shipment *: the deployment files that ship it */
	al_lifecycle lifecycle; /* long-running server, run-to-completion command, or unknown */
	char *lifecycle_why;    /* the evidence behind it ("path:line: signal"), or NULL */
	double
	    probabilities[AL_ROLE__COUNT - 1]; /* the model's, for data-path, control-plane, tool */
	al_vec features; /* al_feature *: the model's inputs, in the model's order */

	al_vec owners;     /* char *: who owns it (teams, users, addresses), as written */
	char *owners_from; /* where they are named ("CODEOWNERS:12"), or NULL: nobody does */
	char *system;      /* the system it belongs to (Backstage spec.system, config groups) */
	char *system_from; /* where that is said ("catalog-info.yaml:9"), or NULL: no system */
} al_component;

/* One model input of a component (features are named in rules/model.json). */
typedef struct {
	const char *name; /* borrowed from the ruleset */
	double value;
} al_feature;

/* Why a finding is accepted: it stays in the result, but out of the gate and of the
 * reports that list open findings (SARIF carries it as a suppression). */
typedef enum {
	AL_SUPPRESS_INLINE,   /* //archlint:ignore RULE -- reason, in the component's entry file */
	AL_SUPPRESS_WAIVER,   /* a waiver in .archlint.json */
	AL_SUPPRESS_BASELINE, /* listed in the --baseline file */
	AL_SUPPRESS_UNCHANGED /* --new-from-rev: the component is unchanged since that revision */
} al_suppress_kind;

typedef struct {
	al_suppress_kind kind;
	char *reason;  /* the stated justification */
	char *origin;  /* where it is stated: "path:line", or the baseline file */
	char *expires; /* a waiver's expiry date (YYYY-MM-DD), else NULL */
} al_suppression;

typedef struct {
	const char *rule; /* borrowed */
	al_level level;
	al_component *component; /* borrowed from the result */
	char *message;
	char fingerprint[41];
	al_suppression *suppressed; /* owned; NULL while the finding is open */
} al_finding;

/* "inline", "waiver", "baseline" or "unchanged". */
const char *al_suppress_kind_name(al_suppress_kind kind);
/* Marks an open finding suppressed (copies reason and origin); no-op if it already is. */
void al_finding_suppress(al_finding *finding, al_suppress_kind kind, const char *reason,
                         const char *origin);
void al_suppression_free(al_suppression *suppression);

/* Where a Go component and a Rust library meet: cgo linking a staticlib/cdylib crate. */
typedef struct {
	const char *kind;     /* borrowed literal: "ffi" */
	char *from;           /* Go component id */
	char *to_package;     /* Rust package directory of the linked library */
	char *library;        /* the linked library name */
	al_vec to_components; /* char *: Rust components built from that package */
	char *path;           /* where the link is declared (#cgo LDFLAGS) */
	unsigned line;
} al_link;

typedef struct al_ruleset al_ruleset;

typedef struct {
	char *rev;    /* the revision asked for, or NULL */
	char *commit; /* resolved commit id (rev mode), or NULL */
	al_source_mode mode;
	al_vec components; /* al_component *, sorted by id */
	al_vec findings;   /* al_finding *, sorted by path, line, rule, component */
	al_vec notices;    /* char *: "path: cause" for parts that could not be read */
	al_vec warnings;   /* char *: about archlint's own state (its cache), never in reports */
	al_vec links;      /* al_link *, sorted by from, to_package */
	int incomplete;    /* set when any part of the repository was skipped */
	al_ruleset *rules; /* owned */
} al_result;

typedef struct {
	const char *path; /* repository path (discovered upwards); NULL: current directory */
	al_source_mode mode;
	const char *rev;         /* for AL_SOURCE_REV; NULL: HEAD */
	const char *config_path; /* NULL: .archlint.json in the snapshot, if any */
	const char *rules_dir;   /* NULL: ARCHLINT_RULES, else the embedded rules */
	int jobs;                /* 0: number of cores */
	int no_cache;            /* neither read nor write the extraction cache */
	const char *cache_dir;   /* NULL: ARCHLINT_CACHE_DIR, else archlint/ in the git directory */
	/* Accept the findings .archlint-baseline.json at the snapshot's root lists, when it is
	 * there (check does, unless --no-baseline or --baseline FILE). */
	int committed_baseline;
	/* Called on the scanning thread as files are parsed (done of total); may be NULL. */
	void (*progress)(size_t done, size_t total, void *ctx);
	void *progress_ctx;
} al_scan_options;

int al_scan_run(al_result **out, const al_scan_options *opts);
void al_result_free(al_result *result);
al_component *al_result_find_component(const al_result *result, const char *id);
/* A ruleset loaded and checked (queries compiled): from the folder dir (rules/'s shape),
 * else from $ARCHLINT_RULES, else the rules compiled in. Freed with al_ruleset_free. */
int al_ruleset_open(al_ruleset **out, const char *dir);
void al_ruleset_free(al_ruleset *self);

#endif
