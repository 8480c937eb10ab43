/*
 * docgen.h: the documents made at build time from archlint's command-line tables
 * (src/cli/cli_spec.c): the man page and the bash and zsh completions. One writer each.
 */
#ifndef AL_DOCGEN_H
#define AL_DOCGEN_H

#include <stdio.h>

void al_docgen_man(FILE *out, const char *version);
void al_docgen_bash(FILE *out);
void al_docgen_zsh(FILE *out);

#endif
