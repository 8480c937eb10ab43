/*
 * directive.h: comments that look like archlint directives but are not one — "// archlint:
 * ignore" with a space, "//archlint:Ignore", "//archlint:igonre", "//archlint:Role", a role
 * directive in a Rust file — and so would silently do nothing. The extractor records them
 * (al_file_facts.near_misses); the scan turns each into a notice saying what was meant.
 */
#ifndef AL_DIRECTIVE_H
#define AL_DIRECTIVE_H

#include "extract.h"

/* For a comment's first line that nearly is a directive of lang: the advice ("did you mean
 * '//archlint:ignore'?", static) and *head_len, the length of the directive as written;
 * NULL for an exact directive or an unrelated comment. */
const char *al_directive_near_miss(const char *comment, al_language lang, size_t *head_len);
/* One notice per near-miss in the files' facts (path -> al_file_facts *), into notices. */
void al_directive_near_miss_notices(const al_strmap *facts, al_vec *notices);

#endif
