/*
 * report_table.c: the tables both review formats show, walked once (report_table.h).
 */
#include "report_table.h"

#include <stdlib.h>

#include "rules.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void al_table_rules(const al_report_doc *doc, const al_table_out *out)
{
	static const char *const headers[] = {"rule", "level", "when", "what", "rationale"};
	out->begin(out->ctx, headers, COUNT(headers));
	const al_ruleset *rules = doc->result->rules;
	for (size_t i = 0; rules && i < rules->rules.len; i++) {
		const al_rule *r = rules->rules.items[i];
		char *when = al_report_rule_when(r);
		const al_cell cells[] = {
		    {AL_CELL_CODE, r->id, 0, NULL},        {AL_CELL_LEVEL, NULL, r->level, NULL},
		    {AL_CELL_WORDS, when, 0, NULL},        {AL_CELL_TEXT, r->title, 0, NULL},
		    {AL_CELL_TEXT, r->rationale, 0, NULL},
		};
		out->row(out->ctx, cells, COUNT(cells));
		free(when);
	}
	out->end(out->ctx);
}

void al_table_findings(const al_vec *findings, const al_table_out *out)
{
	static const char *const headers[] = {"level", "rule", "service", "message"};
	out->begin(out->ctx, headers, COUNT(headers));
	for (size_t i = 0; i < findings->len; i++) {
		const al_finding *f = findings->items[i];
		const al_cell cells[] = {
		    {AL_CELL_LEVEL, NULL, f->level, NULL},
		    {AL_CELL_CODE, f->rule, 0, NULL},
		    {AL_CELL_SERVICE, NULL, 0, f->component},
		    {AL_CELL_TEXT, f->message, 0, NULL},
		};
		out->row(out->ctx, cells, COUNT(cells));
	}
	out->end(out->ctx);
}
