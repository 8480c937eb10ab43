/*
 * report_table.h: the review report's tables walked once for both formats, as cmark's
 * renderers share one walk: the walk says which rows and cells a table has and what kind
 * each cell is; the HTML and Markdown renderers (al_table_out) say how a header, a row and
 * each kind of cell are written, and escape repository text for their format.
 */
#ifndef AL_REPORT_TABLE_H
#define AL_REPORT_TABLE_H

#include "report_doc.h"

typedef enum {
	AL_CELL_TEXT,    /* prose from the repository or the rules: escaped */
	AL_CELL_CODE,    /* an identifier: code, escaped */
	AL_CELL_WORDS,   /* archlint's own fixed words and numbers: written as they are */
	AL_CELL_LEVEL,   /* a rule's level ("off" for none) */
	AL_CELL_SERVICE, /* a component, linked to its service where the format links */
} al_cell_kind;

typedef struct {
	al_cell_kind kind;
	const char *text;              /* TEXT, CODE, WORDS */
	al_level level;                /* LEVEL */
	const al_component *component; /* SERVICE */
} al_cell;

typedef struct {
	void (*begin)(void *ctx, const char *const *headers, size_t n);
	void (*row)(void *ctx, const al_cell *cells, size_t n);
	void (*end)(void *ctx);
	void *ctx;
} al_table_out;

/* The guideline: per rule its id, level, conditions, title and rationale. */
void al_table_rules(const al_report_doc *doc, const al_table_out *out);
/* Findings (const al_finding *): level, rule, service, message. */
void al_table_findings(const al_vec *findings, const al_table_out *out);

#endif
