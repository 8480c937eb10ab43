/*
 * report.h: the output formats of a scan. Each reporter writes one whole document to a
 * stream and escapes every repository-controlled string for its format.
 */
#ifndef AL_REPORT_H
#define AL_REPORT_H

#include <stdio.h>

#include "archlint.h"

/* How the text findings are shown: colour (ANSI, for a terminal) and a width to wrap a
 * finding's message at (0: never, one finding per line for editors and log parsers). */
typedef struct {
	int colour;
	unsigned width;
} al_text_style;
/* Open findings grouped per component: a line naming it with its language, role and
 * confidence, then its findings compiler-style, "path:line: level: message [RULE]". */
void al_report_text(FILE *out, const al_result *result, const al_text_style *style);
/* The discovered components as an aligned table. */
void al_report_components_text(FILE *out, const al_result *result);
/* The JSON contract (see README): version, tool, source, components, findings. */
void al_report_json(FILE *out, const al_result *result);
/* SARIF 2.1.0 (GitHub code scanning): rules with help, one result per finding with the
 * evidence as related locations, suppressions for accepted findings. */
void al_report_sarif(FILE *out, const al_result *result);
/* GitHub Actions workflow commands: annotations (at most 10 of a kind, as a step shows),
 * plain log lines for the rest, and a closing count. */
void al_report_github(FILE *out, const al_result *result);
/* The Markdown job summary ($GITHUB_STEP_SUMMARY). */
void al_report_github_summary(FILE *out, const al_result *result);
/* GitLab Code Quality: a JSON array of CodeClimate issues, one per open finding. */
void al_report_gitlab(FILE *out, const al_result *result);
/* JUnit XML: one test case per component, one failure per open finding. */
void al_report_junit(FILE *out, const al_result *result);
/* `archlint explain`: everything behind one component's verdict, as text or as the
 * component's object of the JSON report with its closure. */
void al_report_explain_text(FILE *out, const al_result *result, const al_component *c);
void al_report_explain_json(FILE *out, const al_result *result, const al_component *c);
/* `archlint rules`: the guideline rules and every signal with its rationale. */
void al_report_rules_text(FILE *out, const al_ruleset *rs);
void al_report_rules_json(FILE *out, const al_ruleset *rs);
/* The configuration `archlint init` writes (malloc'ed JSON text): the classified components
 * declared with their current role and confidence, and the rules at their levels. */
char *al_report_starter_config(const al_result *result);
/* Writes s with control characters (C0, DEL, C1, bidi overrides) escaped as \n, \t, \xHH:
 * one record stays one line, and a terminal shows what is really there. */
void al_text_escape(FILE *out, const char *s);

#endif
