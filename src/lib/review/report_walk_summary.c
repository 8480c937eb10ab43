/*
 * report_walk_summary.c: the review report's opening, walked once for both formats
 * (report_walk.h): what was scanned, the totals, the notices of the scan, and the
 * role x language matrix with the guideline.
 */
#include <stdlib.h>
#include <string.h>

#include "report_walk.h"
#include "rules.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NUMBER_SIZE 32

static void scanned(const al_result *r, const al_render *out)
{
	al_cell runs[6];
	size_t n = 0;
	if (r->mode == AL_SOURCE_REV) {
		runs[n++] = (al_cell){.kind = AL_CELL_WORDS, .text = "commit "};
		runs[n++] = (al_cell){.kind = AL_CELL_CODE, .text = r->commit ? r->commit : "?"};
		if (r->rev) {
			runs[n++] = (al_cell){.kind = AL_CELL_WORDS, .text = " ("};
			runs[n++] = (al_cell){.kind = AL_CELL_CODE, .text = r->rev};
			runs[n++] = (al_cell){.kind = AL_CELL_WORDS, .text = ")"};
		}
	} else {
		runs[n++] =
		    (al_cell){.kind = AL_CELL_WORDS,
		              .text = r->mode == AL_SOURCE_STAGED ? "the staged snapshot (index)"
		                                                  : "the work tree"};
	}
	runs[n++] = (al_cell){.kind = AL_CELL_WORDS, .text = " \xC2\xB7 archlint " AL_VERSION};
	out->para(out->ctx, AL_PARA_META, runs, n);
}

/* One chip per total: services, each role, each level, accepted, the closures' size. */
static void totals(const al_report_doc *doc, const al_render *out)
{
	enum { ROLES = AL_ROLE__COUNT, LEVELS = AL_LEVEL_ERROR };
	char words[2 + ROLES + LEVELS][NUMBER_SIZE * 2], numbers[ROLES + LEVELS + 1][NUMBER_SIZE];
	al_cell cells[2 * (ROLES + LEVELS + 1) + 2];
	al_runs chips[ROLES + LEVELS + 3];
	size_t c = 0, k = 0, w = 0, m = 0;
	snprintf(words[w], sizeof words[w], "%zu service%s", doc->services.len,
	         doc->services.len == 1 ? "" : "s");
	cells[c] = (al_cell){.kind = AL_CELL_STRONG, .text = words[w++]};
	chips[k++] = (al_runs){&cells[c++], 1};
	for (int role = 0; role < ROLES; role++) {
		snprintf(words[w], sizeof words[w], "%s ", al_report_role_title((al_role)role));
		snprintf(numbers[m], NUMBER_SIZE, "%zu",
		         al_report_role_count(doc->matrix, (al_role)role));
		cells[c] = (al_cell){.kind = AL_CELL_WORDS, .text = words[w++]};
		cells[c + 1] = (al_cell){.kind = AL_CELL_STRONG, .text = numbers[m++]};
		chips[k++] = (al_runs){&cells[c], 2};
		c += 2;
	}
	for (int l = AL_LEVEL_ERROR; l > AL_LEVEL_OFF; l--) {
		const char *name = al_level_name((al_level)l);
		snprintf(numbers[m], NUMBER_SIZE, "%zu", doc->levels[l]);
		snprintf(words[w], sizeof words[w], " %s%s", name, doc->levels[l] == 1 ? "" : "s");
		cells[c] = (al_cell){.kind = AL_CELL_COUNT, .text = numbers[m++], .tone = name};
		cells[c + 1] = (al_cell){.kind = AL_CELL_WORDS, .text = words[w++]};
		chips[k++] = (al_runs){&cells[c], 2};
		c += 2;
	}
	if (doc->accepted) {
		snprintf(numbers[m], NUMBER_SIZE, "%zu", doc->accepted);
		cells[c] =
		    (al_cell){.kind = AL_CELL_COUNT, .text = numbers[m++], .tone = "accepted"};
		cells[c + 1] = (al_cell){.kind = AL_CELL_WORDS, .text = " accepted"};
		chips[k++] = (al_runs){&cells[c], 2};
		c += 2;
	}
	snprintf(words[w], sizeof words[w], "%zu files \xC2\xB7 %zu lines in service closures",
	         doc->files, doc->lines);
	cells[c] = (al_cell){.kind = AL_CELL_WORDS, .text = words[w++]};
	chips[k++] = (al_runs){&cells[c++], 1};
	out->chips(out->ctx, chips, k);
}

/* One owner's open findings by level. */
typedef struct {
	const char *owner;
	size_t levels[AL_LEVEL_ERROR + 1];
} owner_count;

static owner_count *count_of(al_strmap *by_owner, al_vec *list, const char *owner)
{
	owner_count *n = al_strmap_get(by_owner, owner);
	if (!n) {
		n = al_calloc(1, sizeof *n);
		n->owner = owner;
		al_strmap_set(by_owner, owner, n);
		al_vec_push(list, n);
	}
	return n;
}

/* The most errors first, then warnings, then notes; then by name. */
static int cmp_owner_count(const void *x, const void *y)
{
	const owner_count *a = *(owner_count *const *)x, *b = *(owner_count *const *)y;
	for (int l = AL_LEVEL_ERROR; l > AL_LEVEL_OFF; l--)
		if (a->levels[l] != b->levels[l])
			return a->levels[l] > b->levels[l] ? -1 : 1;
	return strcmp(a->owner, b->owner);
}

/* The open findings by owner: a service's findings count for each of its owners. */
static void findings_by_owner(const al_report_doc *doc, const al_render *out)
{
	static const al_column columns[] = {
	    {"owner", 0, 0}, {"errors", 1, 0}, {"warnings", 1, 0}, {"notes", 1, 0}};
	al_strmap by_owner = AL_STRMAP_INIT;
	al_vec list = AL_VEC_INIT;
	for (size_t i = 0; i < doc->services.len; i++) {
		const al_report_service *s = doc->services.items[i];
		const al_vec *owners = &s->component->owners;
		for (size_t k = 0; k < s->findings.len; k++) {
			const al_finding *f = s->findings.items[k];
			if (f->suppressed)
				continue;
			for (size_t o = 0; o < owners->len || (o == 0 && !owners->len); o++)
				count_of(&by_owner, &list,
				         owners->len ? owners->items[o] : "nobody")
				    ->levels[f->level]++;
		}
	}
	if (list.len) {
		al_vec_sort(&list, cmp_owner_count);
		al_walk_heading(out, 2, "Open findings by owner");
		out->table_begin(out->ctx, AL_TABLE_PLAIN, columns, COUNT(columns));
		for (size_t i = 0; i < list.len; i++) {
			const owner_count *n = list.items[i];
			char numbers[3][NUMBER_SIZE];
			al_cell cells[4] = {{.kind = AL_CELL_TEXT, .text = n->owner}};
			for (int l = AL_LEVEL_ERROR, c = 1; l > AL_LEVEL_OFF; l--, c++) {
				snprintf(numbers[c - 1], NUMBER_SIZE, "%zu", n->levels[l]);
				cells[c] =
				    (al_cell){.kind = AL_CELL_NUMBER, .text = numbers[c - 1]};
			}
			out->table_row(out->ctx, cells, COUNT(cells));
		}
		out->table_end(out->ctx);
	}
	al_vec_dispose_with(&list, free);
	al_strmap_dispose(&by_owner);
}

void al_walk_summary(const al_report_doc *doc, const al_render *out)
{
	const al_result *r = doc->result;
	const al_cell title[] = {
	    {.kind = AL_CELL_WORDS, .text = "Architecture report: "},
	    {.kind = AL_CELL_TEXT, .text = doc->repo_name},
	};
	out->heading(out->ctx, 1, title, COUNT(title));
	scanned(r, out);
	totals(doc, out);
	if (doc->owned)
		findings_by_owner(doc, out);
	if (!r->incomplete && !r->notices.len)
		return;
	const al_cell incomplete[] = {
	    {.kind = AL_CELL_STRONG, .text = "Incomplete:"},
	    {.kind = AL_CELL_WORDS,
	     .text = " parts of the repository could not be read; the rest was judged."},
	};
	const al_cell notices = {.kind = AL_CELL_STRONG, .text = "Notices"};
	if (r->incomplete)
		out->notice(out->ctx, incomplete, COUNT(incomplete), &r->notices);
	else
		out->notice(out->ctx, &notices, 1, &r->notices);
}

/* One role's row: per language its services and the rules that flag them, the total. */
static void matrix_row(const al_report_doc *doc, al_role role, const al_render *out)
{
	char counts[AL_LANG__COUNT][NUMBER_SIZE], total[NUMBER_SIZE];
	al_vec rules[AL_LANG__COUNT];
	al_cell cells[AL_LANG__COUNT + 2] = {
	    {.kind = AL_CELL_HEADER, .text = al_report_role_title(role)}};
	for (int l = 0; l < AL_LANG__COUNT; l++) {
		rules[l] = (al_vec)AL_VEC_INIT;
		al_report_cell_rules(doc, role, (al_language)l, &rules[l]);
		al_level worst = AL_LEVEL_OFF;
		for (size_t k = 0; k < rules[l].len; k++)
			if (((const al_rule *)rules[l].items[k])->level > worst)
				worst = ((const al_rule *)rules[l].items[k])->level;
		snprintf(counts[l], NUMBER_SIZE, "%zu", doc->matrix[role][l]);
		cells[1 + l] = (al_cell){
		    .kind = AL_CELL_MATRIX, .text = counts[l], .level = worst, .rules = &rules[l]};
	}
	snprintf(total, NUMBER_SIZE, "%zu", al_report_role_count(doc->matrix, role));
	cells[1 + AL_LANG__COUNT] = (al_cell){.kind = AL_CELL_NUMBER, .text = total};
	out->table_row(out->ctx, cells, COUNT(cells));
	for (int l = 0; l < AL_LANG__COUNT; l++)
		al_vec_dispose(&rules[l]);
}

void al_walk_matrix(const al_report_doc *doc, const al_render *out)
{
	al_column columns[AL_LANG__COUNT + 2] = {{"role", 0, 0}};
	for (int l = 0; l < AL_LANG__COUNT; l++)
		columns[1 + l] = (al_column){al_report_language_title((al_language)l), 0, 0};
	columns[1 + AL_LANG__COUNT] = (al_column){"total", 1, 0};
	out->section_begin(out->ctx, "matrix");
	al_walk_heading(out, 2, "Role \xC3\x97 language");
	out->table_begin(out->ctx, AL_TABLE_MATRIX, columns, COUNT(columns));
	for (int role = 0; role < AL_ROLE__COUNT; role++)
		matrix_row(doc, (al_role)role, out);
	char totals[AL_LANG__COUNT + 1][NUMBER_SIZE];
	al_cell cells[AL_LANG__COUNT + 2] = {{.kind = AL_CELL_HEADER, .text = "total"}};
	for (int l = 0; l <= AL_LANG__COUNT; l++) {
		size_t n = l < AL_LANG__COUNT
		               ? al_report_language_count(doc->matrix, (al_language)l)
		               : doc->services.len;
		snprintf(totals[l], NUMBER_SIZE, "%zu", n);
		cells[1 + l] = (al_cell){.kind = AL_CELL_NUMBER, .text = totals[l]};
	}
	out->table_row(out->ctx, cells, COUNT(cells));
	out->table_end(out->ctx);
	al_walk_heading(out, 3, "The guideline");
	const al_cell guideline = {.kind = AL_CELL_WORDS,
	                           .text = AL_REPORT_GUIDELINE " The rules:"};
	out->para(out->ctx, AL_PARA_PLAIN, &guideline, 1);
	al_walk_rules(doc, out);
	out->section_end(out->ctx);
}
