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
	AL_CELL_WORDS,     /* archlint's own fixed words and numbers: written as they are */
	AL_CELL_NUMBER,    /* WORDS that are a number: right-aligned in a table */
	AL_CELL_DATE,      /* WORDS that are a date: kept on one line */
	AL_CELL_LEVEL,     /* a rule's level ("off" for none) */
	AL_CELL_LANGUAGE,  /* a language, marked as one */
	AL_CELL_SERVICE,   /* a component, linked to its service where the format links */
	AL_CELL_ROLE_LANG, /* a component's language and role */
	AL_CELL_FINDINGS,  /* a service's findings: level marks and rule ids */
} al_cell_kind;

/* One piece of text: a table cell, or a run of a heading or paragraph. */
typedef struct {
	al_cell_kind kind;
	const char *text;                 /* TEXT, CODE, WORDS, NUMBER, DATE */
	const char *lead;                 /* TEXT: archlint's words written before it, or NULL */
	unsigned span;                    /* a table cell: columns it takes (0 and 1: one) */
	al_level level;                   /* LEVEL */
	al_language language;             /* LANGUAGE */
	const al_component *component;    /* SERVICE, ROLE_LANG */
	const al_report_service *service; /* FINDINGS */
} al_cell;

typedef struct {
	const char *title;
	int numeric; /* right-aligned */
} al_column;

typedef enum {
	AL_PARA_META,    /* what a section compares or covers */
	AL_PARA_NONE,    /* the section has nothing to show */
	AL_PARA_CAPTION, /* a remark under a table */
} al_para_kind;

typedef enum { AL_CHART_HISTORY } al_chart;

typedef struct {
	void (*section_begin)(void *ctx, const char *anchor);
	void (*section_end)(void *ctx);
	void (*heading)(void *ctx, int level, const al_cell *runs, size_t n);
	void (*para)(void *ctx, al_para_kind kind, const al_cell *runs, size_t n);
	void (*chart)(void *ctx, al_chart chart); /* a drawing, where the format has one */
	void (*table_begin)(void *ctx, const al_column *columns, size_t n);
	void (*table_row)(void *ctx, const al_cell *cells, size_t n);
	void (*table_end)(void *ctx);
	void *ctx;
} al_render;

/* The guideline: per rule its id, level, conditions, title and rationale. */
void al_walk_rules(const al_report_doc *doc, const al_render *out);
/* Findings (const al_finding *): level, rule, service, message. */
void al_walk_findings(const al_vec *findings, const al_render *out);
/* The changes since --since: services added, removed, reclassified; findings added and
 * resolved (with those still there, accepted, named). */
void al_walk_since(const al_report_doc *doc, const al_render *out);
/* The --history drift: the chart and one row per commit. */
void al_walk_history(const al_report_doc *doc, const al_render *out);
/* Every service in one table: language, role, confidence, size, findings. */
void al_walk_service_index(const al_report_doc *doc, const al_render *out);

#endif
