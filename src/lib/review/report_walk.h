/*
 * report_walk.h: the review report walked once for both formats, as cmark's renderers
 * share one walk. The walk (report_walk.c) decides what a section says: its headings,
 * paragraphs, tables and which kind each piece of text is; a renderer (al_render, one in
 * report_html.c and one in report_md.c) decides how a heading, a paragraph, a table row
 * and each kind of piece are written, and escapes repository text for its format.
 */
#ifndef AL_REPORT_WALK_H
#define AL_REPORT_WALK_H

#include "report_doc.h"

typedef enum {
	AL_CELL_TEXT,      /* prose from the repository or the rules: escaped */
	AL_CELL_CODE,      /* an identifier: code, escaped */
	AL_CELL_PATH,      /* CODE that is a path: may break anywhere in a table */
	AL_CELL_WORDS,     /* archlint's own fixed words and numbers: written as they are */
	AL_CELL_STRONG,    /* WORDS that carry the answer: bold */
	AL_CELL_NUMBER,    /* WORDS that are a number: right-aligned in a table */
	AL_CELL_DATE,      /* WORDS that are a date: kept on one line */
	AL_CELL_LEVEL,     /* a rule's level ("off" for none) */
	AL_CELL_LANGUAGE,  /* a language, marked as one */
	AL_CELL_SERVICE,   /* a component, linked to its service where the format links */
	AL_CELL_ROLE_LANG, /* a component's language and role */
	AL_CELL_FINDINGS,  /* a service's findings: level marks and rule ids */
	AL_CELL_COUNT,     /* NUMBER of findings shown in the colour of tone */
	AL_CELL_HEADER,    /* WORDS that head a table's row */
	AL_CELL_MATRIX,    /* a matrix cell: the NUMBER of services and the rules that flag them */
	AL_CELL_FAMILY,    /* a family's pattern and count, expandable to its members */
} al_cell_kind;

/* One piece of text: a table cell, or a run of a heading or paragraph. */
typedef struct {
	al_cell_kind kind;
	const char *text;                 /* TEXT, CODE, WORDS, NUMBER, DATE */
	const char *lead;                 /* TEXT: archlint's words written before it, or NULL */
	const char *tail;                 /* PATH: archlint's words written after it, or NULL */
	const char *href;                 /* CODE, PATH: the file's web page (a link), or NULL */
	unsigned span;                    /* a table cell: columns it takes (0 and 1: one) */
	al_level level;                   /* LEVEL */
	al_language language;             /* LANGUAGE */
	const al_component *component;    /* SERVICE, ROLE_LANG */
	const al_report_service *service; /* FINDINGS */
	const char *tone;                 /* COUNT: a level's name, or "accepted" */
	const al_vec *rules;              /* MATRIX: const al_rule *; level: the worst of them */
	const al_report_family *family;   /* FAMILY */
} al_cell;

/* A table's column; width is in per cent of an AL_TABLE_FIXED table (0: what is left). */
typedef struct {
	const char *title;
	int numeric; /* right-aligned */
	unsigned width;
} al_column;

/* A labelled value of a service ("role", "confidence", ...). */
typedef struct {
	const char *label;
	const al_cell *runs;
	size_t n;
	int detail; /* how the verdict was reached, not the verdict: printed pages leave it out */
} al_field;

/* A line of a finding: what it says, how it was accepted, why the rule exists. */
typedef enum { AL_LINE_SAYS, AL_LINE_ACCEPTED, AL_LINE_WHY } al_line_kind;
typedef struct {
	al_line_kind kind;
	const al_cell *runs;
	size_t n;
} al_line;

typedef enum {
	AL_PARA_META,    /* what a section compares or covers */
	AL_PARA_NONE,    /* the section has nothing to show */
	AL_PARA_CAPTION, /* a remark under a table */
	AL_PARA_PLAIN,   /* anything else */
} al_para_kind;

typedef enum { AL_CHART_HISTORY } al_chart;

typedef enum {
	AL_TABLE_PLAIN,
	AL_TABLE_FIXED,  /* laid out by its columns' widths, so long cells wrap */
	AL_TABLE_MATRIX, /* the role x language matrix: rows headed, cells flagged */
} al_table_kind;

/* Runs that stand together: a chip of the summary. */
typedef struct {
	const al_cell *runs;
	size_t n;
} al_runs;

typedef struct {
	void (*section_begin)(void *ctx, const char *anchor);
	void (*section_end)(void *ctx);
	void (*heading)(void *ctx, int level, const al_cell *runs, size_t n);
	void (*para)(void *ctx, al_para_kind kind, const al_cell *runs, size_t n);
	void (*chart)(void *ctx, al_chart chart); /* a drawing, where the format has one */
	void (*service_begin)(void *ctx, const al_report_service *s); /* its heading */
	void (*service_end)(void *ctx);
	/* Around a service's evidence, closure, FFI and links: what a printed page leaves out.
	 * NULL in a format that shows everything alike. */
	void (*detail_begin)(void *ctx);
	void (*detail_end)(void *ctx);
	/* A group of cards, folded unless open, under a summary line (al_walk_group); a
	 * family's cards, folded, within it. NULL in a format that lists services flat. */
	void (*group_begin)(void *ctx, const al_report_group *g, int open, const al_cell *runs,
	                    size_t n);
	void (*group_end)(void *ctx);
	void (*family_begin)(void *ctx, const al_report_family *f, const al_cell *runs, size_t n);
	void (*family_end)(void *ctx);
	void (*fields)(void *ctx, const al_field *fields, size_t n);
	void (*finding)(void *ctx, const al_finding *f, const al_line *lines, size_t n);
	void (*list_begin)(void *ctx);
	void (*list_item)(void *ctx, const al_cell *runs, size_t n);
	void (*list_end)(void *ctx);
	void (*chips)(void *ctx, const al_runs *chips, size_t n);
	/* A remark on the whole report (the scan was incomplete) and the lines it lists. */
	void (*notice)(void *ctx, const al_cell *title, size_t n, const al_vec *items);
	void (*table_begin)(void *ctx, al_table_kind kind, const al_column *columns, size_t n);
	void (*table_row)(void *ctx, const al_cell *cells, size_t n);
	void (*table_end)(void *ctx);
	void *ctx;
} al_render;

/* What was scanned and what was found: the title, the totals, the notices. */
void al_walk_summary(const al_report_doc *doc, const al_render *out);
/* Services per role and language, with the rules that flag each cell, and the guideline. */
void al_walk_matrix(const al_report_doc *doc, const al_render *out);
/* The guideline: per rule its id, level, conditions, title and rationale. */
void al_walk_rules(const al_report_doc *doc, const al_render *out);
/* Findings (const al_finding *): level, rule, service, message, and its owners where the
 * repository names owners. */
void al_walk_findings(const al_report_doc *doc, const al_vec *findings, const al_render *out);
/* The changes since --since: services added, removed, reclassified; findings added and
 * resolved (with those still there, accepted, named). */
void al_walk_since(const al_report_doc *doc, const al_render *out);
/* The --history drift: the chart and one row per commit. */
void al_walk_history(const al_report_doc *doc, const al_render *out);
/* Every service in one table: language, role, confidence, size, findings; a family is one
 * row, expandable to its members. */
void al_walk_service_index(const al_report_doc *doc, const al_render *out);
/* One service: its verdict and how it was reached, its findings, the evidence, its
 * closure, FFI and links (report_walk_service.c). */
void al_walk_service(const al_report_doc *doc, const al_report_service *s, const al_render *out);

/* A group's cards under its summary (name, where it comes from, services, open findings),
 * open when it has an open warning or error; a family's cards folded under its own
 * (report_walk_group.c). */
void al_walk_group(const al_report_doc *doc, const al_report_group *g, const al_render *out);

/* A heading of archlint's own words. */
void al_walk_heading(const al_render *out, int level, const char *words);

#endif
