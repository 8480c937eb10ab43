/*
 * report_md_fit.h: a Markdown document written in parts and cut to fit a size limit, so
 * that `archlint report --format md` is a comment a forge accepts (GitHub takes 65,536
 * characters). Parts are kept in order until the budget is spent: a part that may be cut
 * loses its last lines (never inside a code fence or between a table's header and its
 * delimiter row), a whole part is kept or left out. One line after the first part says
 * what was left out. Parts after the fold go in a <details> block.
 */
#ifndef AL_REPORT_MD_FIT_H
#define AL_REPORT_MD_FIT_H

#include <stddef.h>
#include <stdio.h>

#include "review.h"
#include "vec.h"

typedef enum {
	AL_MD_WHOLE, /* kept whole or left out (a Mermaid block, a service section) */
	AL_MD_LINES  /* may lose its last lines (tables, lists) */
} al_md_cut;

typedef struct {
	al_vec parts;    /* al_md_part * (report_md_fit.c) */
	size_t fold;     /* parts from this index go in <details>; parts.len: no fold */
	char *fold_text; /* the <summary> line's text, Markdown-safe */
} al_md_doc;

#define AL_MD_DOC_INIT                                                                             \
	{                                                                                          \
		AL_VEC_INIT, (size_t)-1, NULL                                                      \
	}

/* Starts the next part and returns the stream to write it to (ends the previous one).
 * what names it in the note, a fixed phrase ("the map"); parts that share the pointer are
 * counted together ("250 of 300 service sections"). */
FILE *al_md_part(al_md_doc *doc, const char *what, al_md_cut cut);
/* Parts started after this go in a <details> block whose summary is `summary` (copied). */
void al_md_fold(al_md_doc *doc, const char *summary);
/* Writes the parts to out within limit bytes (0: no limit), then footer; frees them. */
void al_md_write(FILE *out, al_md_doc *doc, size_t limit, const char *footer);

#endif
