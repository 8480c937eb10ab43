/*
 * report_doc.h: the architecture report (`archlint report`) — the data a review is run
 * from, collected once from a scan, and the formats that render it (html, md, json).
 *
 *   al_report_doc_build: scan result -> services with sizes (files and lines of their
 *   closure, counted from the snapshot's blobs), links between components, the role x
 *   language matrix, and optionally the changes since an earlier revision (a second
 *   al_scan_run) and the history of the first-parent chain (one al_scan_run per commit).
 *
 * Ownership: the doc borrows the al_result it is built from (the caller keeps it alive
 * until al_report_doc_free) and owns everything else, including the scans of --since and
 * --history. Pointers to components and findings inside it are borrowed from those
 * results. Every string that comes from the repository is written escaped for the format.
 */
#ifndef AL_REPORT_DOC_H
#define AL_REPORT_DOC_H

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>

#include "archlint.h"
#include "review.h"
#include "git/forge.h"
#include "rules.h"

/* One directory of a component's closure with what it contributes. */
typedef struct {
	const char *dir; /* borrowed from the component */
	int own;         /* the component's own package */
	size_t files;
	size_t lines;
} al_report_dir;

typedef struct al_report_link al_report_link;
typedef struct al_report_group al_report_group;
typedef struct al_report_family al_report_family;

typedef struct {
	const al_component *component;  /* borrowed */
	size_t index;                   /* position in doc->services: anchors, map nodes */
	size_t files;                   /* source files in the closure */
	size_t lines;                   /* their lines (a last line without '\n' counts) */
	al_vec dirs;                    /* al_report_dir *: the closure, own package first */
	al_vec findings;                /* const al_finding *, borrowed (open and accepted) */
	size_t open;                    /* findings not accepted (waiver, inline, baseline) */
	al_vec links;                   /* const al_report_link * touching this service */
	al_vec ffi;                     /* const al_link *: FFI links declared by this service */
	int worst;                      /* highest al_level of its open findings, or AL_LEVEL_OFF */
	const al_report_group *group;   /* the system it is shown in */
	const al_report_family *family; /* its near-identical siblings, or NULL */
	char *shipped_line;             /* the verdict's three answers, one line each */
	char *runs_line;
	char *reached_line;
} al_report_service;

/* Fills a service's shipped_line, runs_line and reached_line (report_doc_verdict.c). */
void al_report_verdict_lines(al_report_service *s);

/* Near-identical services shown as one (report_groups.c): AL_REPORT_FAMILY_MIN or more of one
 * group with the same role, language and shared code, whose package directories differ
 * only in their own name and in parent directories that hold a digit (versions, dates):
 * hundreds of settings migrations, one per release. */
#define AL_REPORT_FAMILY_MIN 5
struct al_report_family {
	size_t index;   /* anchors: fam-N */
	char *pattern;  /* the members' package directories, varying parts as '*' */
	al_vec members; /* al_report_service *, in the doc's order */
	size_t open;    /* open findings of all members */
	int worst;      /* the highest al_level of them, or AL_LEVEL_OFF */
	al_role role;   /* the members' */
	al_language language;
};

/* What the report groups services in: a system (Backstage spec.system, else the config's
 * "groups"), else the nearest directory holding several services (a family counting as
 * one). */
typedef enum { AL_GROUP_DIRECTORY, AL_GROUP_SYSTEM } al_group_kind;
struct al_report_group {
	size_t index; /* anchors: grp-N; groups are in the order of their first service */
	al_group_kind kind;
	const char *name; /* the system (borrowed), or the directory: home ("." for the top) */
	const char *from; /* SYSTEM: where the first service's system is said (borrowed) */
	char *home;       /* the deepest directory holding all its services' packages */
	al_vec services;  /* al_report_service *, in the doc's order */
	al_vec families;  /* al_report_family *, in the order of their first member */
	size_t open;      /* open findings of its services */
	int worst;        /* the highest al_level of them, or AL_LEVEL_OFF */
};

/* One group building from packages in another group's home that most services do not
 * build from: "the gateway uses the control plane's api package". */
typedef struct {
	const al_report_group *from, *to;
	al_vec dirs;                           /* const char *: the packages, sorted (borrowed) */
	size_t services;                       /* of from's services, those built from them */
	const al_report_service *last_service; /* the last one counted, while they are found */
} al_report_group_use;

typedef enum { AL_LINK_SHARED, AL_LINK_FFI } al_link_kind;

/* Two components built from common in-repo code (a directory that is in both closures
 * and is not the own package of both), or joined by FFI (a Go component linking a Rust
 * library that the Rust component is built from). a->index < b->index. */
struct al_report_link {
	al_link_kind kind;
	const al_report_service *a, *b;
	al_vec via;      /* const char *: the shared directories, or the FFI package (borrowed) */
	size_t specific; /* of those, the ones not in the closure of most services */
	const al_link *ffi; /* the FFI record (borrowed), NULL for shared code */
};

/* Code shared so widely that linking every two services built from it would take more than
 * AL_REPORT_MAX_DIR_LINKS links (3,000 services on one package make 4.5 million) is not
 * linked pairwise: the report lists it once, with the number of services it is in. Links
 * thus stay linear in the size of the closures. */
#define AL_REPORT_MAX_DIR_LINKS 4950 /* every two of 100 services */
typedef struct {
	const char *dir; /* borrowed from a component */
	size_t services; /* in whose closure it is */
} al_report_hub;

typedef enum {
	AL_CHANGE_ADDED,
	AL_CHANGE_REMOVED,
	AL_CHANGE_ROLE,
	AL_CHANGE_LANGUAGE
} al_change_kind;

typedef struct {
	al_change_kind kind;
	const al_component *before; /* from doc->base; NULL for ADDED */
	const al_component *after;  /* from doc->result; NULL for REMOVED */
} al_report_change;

/* One commit of --history. */
typedef struct {
	char commit[41];
	char *subject; /* first line of the commit message */
	int64_t time;  /* committer time, seconds since the epoch */
	char *error;   /* the scan failed at this commit: why (the point has no counts) */
	size_t services;
	size_t matrix[AL_ROLE__COUNT][AL_LANG__COUNT];
	size_t levels[AL_LEVEL_ERROR + 1];
} al_report_point;

struct al_report_doc {
	const al_result *result; /* borrowed */
	char *repo_name;         /* the repository's directory name */
	al_vec services;         /* al_report_service *, in the result's component order */
	al_vec links;            /* al_report_link *, sorted by a, b */
	al_vec hubs;             /* al_report_hub *, sorted by dir: shared too widely to link */
	al_vec groups;           /* al_report_group *, by index */
	al_vec families;         /* al_report_family *, by index */
	al_vec group_uses;       /* al_report_group_use *, by from, then to */
	al_strmap by_component;  /* al_ptr_key(component) -> al_report_service * */
	size_t matrix[AL_ROLE__COUNT][AL_LANG__COUNT];
	size_t levels[AL_LEVEL_ERROR + 1]; /* open findings */
	size_t accepted;                   /* findings accepted by waiver, inline or baseline */
	size_t files, lines;               /* distinct closure files of all services */
	int owned;                         /* some component has owners (CODEOWNERS, Backstage) */
	al_forge forge;                    /* where the scanned commit's files are on the web; */
	int linked;                        /* ... set when linked (a GitHub or GitLab remote) */
	const char *owner;                 /* --owner: only its services are in the doc; or NULL */

	/* --since */
	char *since;     /* the revision asked for, or NULL */
	al_result *base; /* owned */
	al_vec changes;  /* al_report_change *: added, removed, then role/language, by id */
	al_vec added;    /* const al_finding *: open in result, not open in base (fingerprint) */
	al_vec resolved; /* const al_finding *: open in base, not open in result */

	/* --history */
	unsigned history_asked;
	al_vec history;        /* al_report_point *, oldest first: those that change a count */
	size_t history_walked; /* commits scanned, those that changed nothing included */
};

/* The parts of al_report_doc_build: the groups, families and group uses (report_groups.c),
 * the links between services (report_links.c), the
 * changes since opts->since (review_since.c), the points of the first-parent history
 * (review_history.c). */
void al_report_find_groups(al_report_doc *doc);
void al_report_groups_free(al_report_doc *doc);
/* The service s is shown as, in the map, the service list and the cards: its family's first
 * member, or s itself when it has no family (report_groups.c). */
const al_report_service *al_report_shown_as(const al_report_service *s);
/* A group's name as the report shows it: "(top level)" for the repository's root. */
const char *al_report_group_title(const al_report_group *g);
void al_report_find_links(al_report_doc *doc);
int al_review_since(al_report_doc *doc, const al_report_options *opts);
int al_review_history(al_report_doc *doc, const al_report_options *opts);

/* The web page of a file (from line, when not 0) or a directory of the scanned commit, or
 * NULL when the report does not link (no forge remote, or not a commit). */
char *al_report_file_link(const al_report_doc *doc, const char *path, unsigned line, int dir);

/* Whether c is in the doc's cut: owned by --owner, or any component without one. */
int al_report_owned(const al_report_doc *doc, const al_component *c);

/* The service of one of doc->result's components, or NULL. */
const al_report_service *al_report_service_of(const al_report_doc *doc, const al_component *c);

/* The finding of result with this fingerprint, or NULL. */
const al_finding *al_report_find_finding(const al_result *result, const char *fingerprint);

/* The rules that flag a component of this role and language (not hybrid-only ones):
 * fills out with const al_rule * from the result's ruleset. */
void al_report_cell_rules(const al_report_doc *doc, al_role role, al_language lang, al_vec *out);

/* The formats (review.h has the rest). */
cJSON *al_report_doc_json(const al_report_doc *doc);

/* The map as an inline <svg> element for HTML, laid out by Graphviz (report_map.c). */
void al_report_map_svg(FILE *out, const al_report_doc *doc);
/* The groups that use each other's code, as an inline <svg> laid out by Graphviz's dot
 * (report_group_map.c); nothing when no group does. */
void al_report_group_map_svg(FILE *out, const al_report_doc *doc);
/* The history chart (Rust share of each role per commit) as an inline <svg>. */
void al_report_history_svg(FILE *out, const al_report_doc *doc);

/* Escaping shared by the formats. al_report_display returns a malloc'ed copy of s that
 * is valid UTF-8 with control characters and backslashes written as \n, \t, \xHH, \\:
 * what a reader sees of a hostile name. al_html_escape writes s (display form) with
 * & < > " ' as character references. */
char *al_report_display(const char *s);
void al_html_escape(FILE *out, const char *s);
/* al_html_escape for a string already in display form. */
void al_html_escape_display(FILE *out, const char *display);
/* Role and level words for prose: "data path", "control plane", ... */
const char *al_report_role_title(al_role role);
const char *al_report_language_title(al_language lang);

/* What the html and md reports say, for them to mark up. Strings that are returned as
 * char * are malloc'ed (the caller frees them) and are fixed words and numbers only. */
/* The guideline in one paragraph of plain prose. */
#define AL_REPORT_GUIDELINE                                                                        \
	"Rust where every cycle counts (the data path: proxies, storage engines, brokers, "        \
	"compute engines, packet processing, runtimes); Go for cloud-native tooling and the "      \
	"control plane (APIs, operators, orchestration, CLIs); a hybrid split where a "            \
	"service is both. Tools are never flagged."
/* A rule's `when` conditions ("data-path, Go, not hybrid"), or an em dash when none. */
char *al_report_rule_when(const al_rule *r);
/* The services of a role in a matrix (a row's sum), and of a language (a column's). */
size_t al_report_role_count(const size_t matrix[][AL_LANG__COUNT], al_role role);
size_t al_report_language_count(const size_t matrix[][AL_LANG__COUNT], al_language lang);
/* How many of doc->changes are of this kind, and the heading of their table. */
size_t al_report_change_count(const al_report_doc *doc, al_change_kind kind);
const char *al_report_change_title(al_change_kind kind);
/* A component's owners as one line ("@acme/edge, alice@example.com"), or "nobody". */
char *al_report_owners_text(const al_component *c);
/* The service at the other end of a link of s. */
const al_report_service *al_report_link_other(const al_report_link *l, const al_report_service *s);
/* "The last N commits of the first-parent history" and, when fewer than asked, why. */
char *al_report_history_intro(const al_report_doc *doc);
/* A commit time as YYYY-MM-DD (UTC), "?" when it cannot be shown. */
#define AL_REPORT_DATE_SIZE 32
void al_report_date(char buf[AL_REPORT_DATE_SIZE], int64_t t);
/* The number columns of the history table: services; data path Go, Rust; control plane
 * Go, Rust; tool; unclassified; open findings. */
#define AL_REPORT_HISTORY_COLS 8
void al_report_history_row(const al_report_point *p, size_t cols[AL_REPORT_HISTORY_COLS]);

/* The sentence that names the packages left off the map (doc->hubs, the first dozen), for
 * both renderers: code writes a directory as code in the renderer's format. Writes nothing
 * when there are none; the caller frames it (a paragraph). */
void al_report_hubs_caption(FILE *out, const al_report_doc *doc,
                            void (*code)(FILE *out, const char *dir));

#endif
