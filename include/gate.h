/*
 * gate.h: what a pipeline gates on, beyond the policy — a baseline of accepted findings
 * and --new-from-rev. Both work on a finished al_result: they never drop a finding, they
 * mark it suppressed (AL_SUPPRESS_BASELINE, AL_SUPPRESS_UNCHANGED) so reports can count it.
 * Problems that are not fatal (a baseline entry that no longer matches) become notices in
 * the result; they do not make it incomplete.
 */
#ifndef AL_GATE_H
#define AL_GATE_H

#include <stdio.h>

#include "archlint.h"

/* Writes the result's open findings as a baseline document, keyed by rule, component id
 * and language (never by line), sorted: the same findings give the same bytes. */
void al_baseline_write(FILE *out, const al_result *result);
/* Reads the baseline at path (a local file) and suppresses the open findings it lists;
 * every entry no finding matches any more becomes a notice, so the file shrinks as the
 * debt is paid. AL_ECONFIG (message names the file) when it cannot be read or is
 * malformed. */
int al_baseline_apply(al_result *result, const char *path);
/* The same for a baseline already read: text[0..len) is the document, path names it. */
int al_baseline_apply_text(al_result *result, const char *path, const char *text, size_t len);

/* Scans rev with the same options and suppresses every open finding whose component
 * existed there with the same language and role: what remains is new or changed since
 * rev. A rev the repository does not have (a shallow clone without the base fetched) is
 * AL_EREPO with a message saying how to fetch it. */
int al_new_from_rev_apply(al_result *result, const al_scan_options *opts, const char *rev);

#endif
