/*
 * report_walk.c: what the sections both review formats show say, walked once
 * (report_walk.h); the renderers only mark it up.
 */
#include "report_walk.h"

#include <stdlib.h>

#include "rules.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NUMBER_SIZE 32

void al_walk_heading(const al_render *out, int level, const char *words)
{
	const al_cell run = {.kind = AL_CELL_WORDS, .text = words};
	out->heading(out->ctx, level, &run, 1);
}

void al_walk_rules(const al_report_doc *doc, const al_render *out)
{
	static const al_column columns[] = {
	    {"rule", 0, 0}, {"level", 0, 0}, {"when", 0, 0}, {"what", 0, 0}, {"rationale", 0, 0}};
	out->table_begin(out->ctx, AL_TABLE_PLAIN, columns, COUNT(columns));
	const al_ruleset *rules = doc->result->rules;
	for (size_t i = 0; rules && i < rules->rules.len; i++) {
		const al_rule *r = rules->rules.items[i];
		char *when = al_report_rule_when(r);
		const al_cell cells[] = {
		    {.kind = AL_CELL_CODE, .text = r->id},
		    {.kind = AL_CELL_LEVEL, .level = r->level},
		    {.kind = AL_CELL_WORDS, .text = when},
		    {.kind = AL_CELL_TEXT, .text = r->title},
		    {.kind = AL_CELL_TEXT, .text = r->rationale},
		};
		out->table_row(out->ctx, cells, COUNT(cells));
		free(when);
	}
	out->table_end(out->ctx);
}

void al_walk_findings(const al_report_doc *doc, const al_vec *findings, const al_render *out)
{
	static const al_column columns[] = {
	    {"level", 0, 0}, {"rule", 0, 0}, {"service", 0, 0}, {"message", 0, 0}, {"owner", 0, 0}};
	size_t n = doc->owned ? COUNT(columns) : COUNT(columns) - 1;
	out->table_begin(out->ctx, AL_TABLE_PLAIN, columns, n);
	for (size_t i = 0; i < findings->len; i++) {
		const al_finding *f = findings->items[i];
		char *owners = al_report_owners_text(f->component);
		const al_cell cells[] = {
		    {.kind = AL_CELL_LEVEL, .level = f->level},
		    {.kind = AL_CELL_CODE, .text = f->rule},
		    {.kind = AL_CELL_SERVICE, .component = f->component},
		    {.kind = AL_CELL_TEXT, .text = f->message},
		    {.kind = AL_CELL_TEXT, .text = owners},
		};
		out->table_row(out->ctx, cells, n);
		free(owners);
	}
	out->table_end(out->ctx);
}

/* The services of one kind of change: added and removed with what they are, role and
 * language changes with before and now. */
static void change_table(const al_report_doc *doc, al_change_kind kind, const al_render *out)
{
	static const al_column one[] = {{"service", 0, 0}, {"language, role", 0, 0}};
	static const al_column two[] = {{"service", 0, 0}, {"before", 0, 0}, {"now", 0, 0}};
	int both = kind == AL_CHANGE_ROLE || kind == AL_CHANGE_LANGUAGE;
	out->table_begin(out->ctx, AL_TABLE_PLAIN, both ? two : one,
	                 both ? COUNT(two) : COUNT(one));
	for (size_t i = 0; i < doc->changes.len; i++) {
		const al_report_change *ch = doc->changes.items[i];
		if (ch->kind != kind)
			continue;
		const al_component *c = ch->after ? ch->after : ch->before;
		const al_cell cells[] = {
		    {.kind = AL_CELL_SERVICE, .component = c},
		    {.kind = AL_CELL_ROLE_LANG, .component = both ? ch->before : c},
		    {.kind = AL_CELL_ROLE_LANG, .component = ch->after},
		};
		out->table_row(out->ctx, cells, both ? 3 : 2);
	}
	out->table_end(out->ctx);
}

/* Under the resolved findings: those resolved only by being accepted are still there. */
static void still_accepted(const al_report_doc *doc, const al_render *out)
{
	for (size_t i = 0; i < doc->resolved.len; i++) {
		const al_finding *f = doc->resolved.items[i];
		const al_finding *now = al_report_find_finding(doc->result, f->fingerprint);
		if (!now || !now->suppressed)
			continue;
		char *how = al_sprintf(" is still there, accepted (%s): ",
		                       al_suppress_kind_name(now->suppressed->kind));
		const al_cell runs[] = {
		    {.kind = AL_CELL_CODE, .text = f->rule},
		    {.kind = AL_CELL_WORDS, .text = " of "},
		    {.kind = AL_CELL_SERVICE, .component = now->component},
		    {.kind = AL_CELL_WORDS, .text = how},
		    {.kind = AL_CELL_TEXT, .text = now->suppressed->reason},
		};
		out->para(out->ctx, AL_PARA_CAPTION, runs, COUNT(runs));
		free(how);
	}
}

static int findings_block(const al_report_doc *doc, const char *title, const al_vec *findings,
                          const al_render *out)
{
	if (!findings->len)
		return 0;
	char *words = al_sprintf("%s (%zu)", title, findings->len);
	al_walk_heading(out, 3, words);
	free(words);
	al_walk_findings(doc, findings, out);
	return 1;
}

void al_walk_since(const al_report_doc *doc, const al_render *out)
{
	out->section_begin(out->ctx, "since");
	const al_cell title[] = {
	    {.kind = AL_CELL_WORDS, .text = "Changes since "},
	    {.kind = AL_CELL_CODE, .text = doc->since},
	};
	out->heading(out->ctx, 2, title, COUNT(title));
	char *counts = al_sprintf(": %zu services then, %zu now.", doc->base->components.len,
	                          doc->result->components.len);
	const al_cell meta[] = {
	    {.kind = AL_CELL_WORDS, .text = "compared with commit "},
	    {.kind = AL_CELL_CODE, .text = doc->base->commit ? doc->base->commit : "?"},
	    {.kind = AL_CELL_WORDS, .text = counts},
	};
	out->para(out->ctx, AL_PARA_META, meta, COUNT(meta));
	free(counts);
	int any = 0;
	for (int kind = AL_CHANGE_ADDED; kind <= AL_CHANGE_LANGUAGE; kind++) {
		size_t n = al_report_change_count(doc, (al_change_kind)kind);
		if (!n)
			continue;
		any = 1;
		char *words =
		    al_sprintf("%s (%zu)", al_report_change_title((al_change_kind)kind), n);
		al_walk_heading(out, 3, words);
		free(words);
		change_table(doc, (al_change_kind)kind, out);
	}
	any |= findings_block(doc, "Findings added", &doc->added, out);
	if (findings_block(doc, "Findings resolved", &doc->resolved, out)) {
		any = 1;
		still_accepted(doc, out);
	}
	if (!any) {
		const al_cell none = {.kind = AL_CELL_WORDS,
		                      .text = "No service was added, removed or reclassified, and "
		                              "no finding changed."};
		out->para(out->ctx, AL_PARA_NONE, &none, 1);
	}
	out->section_end(out->ctx);
}

static void history_row(const al_report_point *p, const al_render *out)
{
	char commit[13], date[AL_REPORT_DATE_SIZE];
	snprintf(commit, sizeof commit, "%.12s", p->commit);
	al_report_date(date, p->time);
	al_cell cells[3 + AL_REPORT_HISTORY_COLS] = {
	    {.kind = AL_CELL_CODE, .text = commit},
	    {.kind = AL_CELL_DATE, .text = date},
	    {.kind = AL_CELL_TEXT, .text = p->subject},
	};
	if (p->error) {
		cells[3] = (al_cell){.kind = AL_CELL_TEXT,
		                     .lead = "not scanned: ",
		                     .text = p->error,
		                     .span = AL_REPORT_HISTORY_COLS};
		out->table_row(out->ctx, cells, 4);
		return;
	}
	size_t cols[AL_REPORT_HISTORY_COLS];
	char numbers[AL_REPORT_HISTORY_COLS][NUMBER_SIZE];
	al_report_history_row(p, cols);
	for (size_t k = 0; k < AL_REPORT_HISTORY_COLS; k++) {
		snprintf(numbers[k], NUMBER_SIZE, "%zu", cols[k]);
		cells[3 + k] = (al_cell){.kind = AL_CELL_NUMBER, .text = numbers[k]};
	}
	out->table_row(out->ctx, cells, COUNT(cells));
}

void al_walk_history(const al_report_doc *doc, const al_render *out)
{
	static const al_column columns[] = {
	    {"commit", 0, 0},
	    {"date", 0, 0},
	    {"subject", 0, 0},
	    {"services", 1, 0},
	    {"data path Go", 1, 0},
	    {"data path Rust", 1, 0},
	    {"control plane Go", 1, 0},
	    {"control plane Rust", 1, 0},
	    {"tool", 1, 0},
	    {"unclassified", 1, 0},
	    {"findings", 1, 0},
	};
	out->section_begin(out->ctx, "history");
	al_walk_heading(out, 2, "History");
	char *intro = al_report_history_intro(doc);
	char *meta = al_sprintf("%s, oldest first: how many services of each role are written in "
	                        "Go and in Rust.",
	                        intro);
	const al_cell run = {.kind = AL_CELL_WORDS, .text = meta};
	out->para(out->ctx, AL_PARA_META, &run, 1);
	free(meta);
	free(intro);
	out->chart(out->ctx, AL_CHART_HISTORY);
	out->table_begin(out->ctx, AL_TABLE_PLAIN, columns, COUNT(columns));
	for (size_t i = 0; i < doc->history.len; i++)
		history_row(doc->history.items[i], out);
	out->table_end(out->ctx);
	out->section_end(out->ctx);
}

/* A family's row: its pattern (expandable to the members), their confidence range, their
 * sizes summed, their open findings. */
static void family_row(const al_report_family *f, const al_render *out)
{
	double low = 1, high = 0;
	size_t files = 0, lines = 0;
	for (size_t i = 0; i < f->members.len; i++) {
		const al_report_service *s = f->members.items[i];
		double c = s->component->confidence;
		low = c < low ? c : low;
		high = c > high ? c : high;
		files += s->files;
		lines += s->lines;
	}
	char confidence[NUMBER_SIZE * 2], files_text[NUMBER_SIZE], lines_text[NUMBER_SIZE],
	    open[NUMBER_SIZE + 8];
	if (low == high)
		snprintf(confidence, sizeof confidence, "%.2f", low);
	else
		snprintf(confidence, sizeof confidence, "%.2f\xE2\x80\x93%.2f", low, high);
	snprintf(files_text, NUMBER_SIZE, "%zu", files);
	snprintf(lines_text, NUMBER_SIZE, "%zu", lines);
	snprintf(open, sizeof open, "%zu open", f->open);
	const al_cell cells[] = {
	    {.kind = AL_CELL_FAMILY, .family = f},
	    {.kind = AL_CELL_LANGUAGE, .language = f->language},
	    {.kind = AL_CELL_WORDS, .text = al_role_name(f->role)},
	    {.kind = AL_CELL_NUMBER, .text = confidence},
	    {.kind = AL_CELL_NUMBER, .text = files_text},
	    {.kind = AL_CELL_NUMBER, .text = lines_text},
	    f->open
	        ? (al_cell){.kind = AL_CELL_COUNT, .text = open, .tone = al_level_name(f->worst)}
	        : (al_cell){.kind = AL_CELL_WORDS, .text = "\xE2\x80\x94"},
	};
	out->table_row(out->ctx, cells, COUNT(cells));
}

void al_walk_service_index(const al_report_doc *doc, const al_render *out)
{
	static const al_column columns[] = {
	    {"service", 0, 0}, {"language", 0, 0}, {"role", 0, 0},    {"confidence", 1, 0},
	    {"files", 1, 0},   {"lines", 1, 0},    {"findings", 0, 0}};
	out->table_begin(out->ctx, AL_TABLE_PLAIN, columns, COUNT(columns));
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		const al_component *c = s->component;
		if (s->family) {
			if (al_report_shown_as(s) == s)
				family_row(s->family, out);
			continue;
		}
		char confidence[NUMBER_SIZE], files[NUMBER_SIZE], lines[NUMBER_SIZE];
		snprintf(confidence, NUMBER_SIZE, "%.2f", c->confidence);
		snprintf(files, NUMBER_SIZE, "%zu", s->files);
		snprintf(lines, NUMBER_SIZE, "%zu", s->lines);
		const al_cell cells[] = {
		    {.kind = AL_CELL_SERVICE, .component = c},
		    {.kind = AL_CELL_LANGUAGE, .language = c->language},
		    {.kind = AL_CELL_WORDS, .text = al_role_name(c->role)},
		    {.kind = AL_CELL_NUMBER, .text = confidence},
		    {.kind = AL_CELL_NUMBER, .text = files},
		    {.kind = AL_CELL_NUMBER, .text = lines},
		    {.kind = AL_CELL_FINDINGS, .service = s},
		};
		out->table_row(out->ctx, cells, COUNT(cells));
	}
	out->table_end(out->ctx);
}
