/*
 * review.h: the architecture report (`archlint report`), the page an architecture review
 * is run from — built once from a scan result and rendered as HTML, Markdown or JSON.
 *
 * The doc borrows the al_result it is built from (keep it alive until al_report_doc_free)
 * and owns the scans of --since and --history. Its insides are the core's
 * (src/lib/review/report_doc.h); a caller builds, renders and frees it.
 */
#ifndef AL_REVIEW_H
#define AL_REVIEW_H

#include <stdio.h>

#include "archlint.h"

typedef struct al_report_doc al_report_doc;

typedef struct {
	const al_scan_options *scan; /* how the result was scanned */
	const char *since;           /* NULL: no comparison */
	unsigned history;            /* commits to walk; 0: none */
	const char *owner;           /* only the services this owner owns; NULL: all */
	/* Called before each history scan (may be NULL). */
	void (*progress)(unsigned done, unsigned total, const char *commit, void *ctx);
	void *progress_ctx;
} al_report_options;

/* What a pull-request comment may hold, with room to spare (GitHub: 65,536); the
 * --max-chars default (cli_spec.c shows it). */
#define AL_MD_COMMENT_LIMIT 60000
/* Below this a limit could not hold the note and the frame; the CLI refuses it. */
#define AL_MD_MIN_LIMIT 4096

int al_report_doc_build(al_report_doc **out, const al_result *result,
                        const al_report_options *opts);
void al_report_doc_free(al_report_doc *doc);

/* The formats. */
void al_report_html(FILE *out, const al_report_doc *doc);
/* Markdown within limit bytes (0: no limit), cut to fit (report_md_fit.h). */
void al_report_md(FILE *out, const al_report_doc *doc, size_t limit);
void al_report_doc_write_json(FILE *out, const al_report_doc *doc);

#endif
