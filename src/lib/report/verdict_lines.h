/*
 * verdict_lines.h: a verdict's answers as one line each (malloc'ed, unescaped), for the
 * formats that show them to a reader.
 */
#ifndef AL_VERDICT_LINES_H
#define AL_VERDICT_LINES_H

#include "archlint.h"

/* "service by deploy/x.yaml:9, container by Dockerfile:4" or "not by any deployment file". */
char *al_verdict_shipped_line(const al_component *c);
/* "server (why)" or "unknown". */
char *al_verdict_runs_line(const al_component *c);

#endif
