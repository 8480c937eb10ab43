/*
 * sink.h: where a stage writes what it has to say about the repository — notices (a part
 * that could not be read, a declaration that means nothing) and warnings (about archlint's
 * own state, such as an unreadable cache). The stages before the result is whole (workspace,
 * facts, discovery, shipments) are handed a sink; the acceptance stages, which work on the
 * result itself, add their notices to it directly.
 */
#ifndef AL_SINK_H
#define AL_SINK_H

#include "archlint.h"

typedef struct {
	al_vec *notices;  /* char *, malloc'ed */
	al_vec *warnings; /* char *, malloc'ed */
	int *incomplete;  /* set by al_sink_gap */
} al_sink;

/* The sink of a result: its notices, warnings and incomplete mark. */
al_sink al_sink_of(al_result *result);
/* A notice that leaves the run whole (a stale entry, a file skipped by policy). */
void al_sink_note(const al_sink *sink, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A part of the repository that could not be read: a notice, and the run is incomplete. */
void al_sink_gap(const al_sink *sink, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The gap for a role declaration (where: "//archlint:role", ...) whose value is no role,
 * with the nearest role, the way a configuration error names it. */
void al_sink_unknown_role(const al_sink *sink, const char *path, unsigned line, const char *where,
                          const char *value);

#endif
