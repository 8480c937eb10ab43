/*
 * report_explain.c: `archlint explain COMPONENT` — everything behind one verdict: the
 * scores per role, what decided it, every signal with weight and location, the closure
 * that was read, and the findings. Enough to agree, or to write the declaration that
 * fixes it. The JSON form is the component's object of the JSON report, with its closure.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "plural.h"
#include "report.h"
#include "report_json.h"
#include "verdict_lines.h"

/* "label" then one of the verdict's answers, escaped, on one line. */
static void explain_answer(FILE *out, const char *label, char *line)
{
	fputs(label, out);
	al_text_escape(out, line);
	fputc('\n', out);
	free(line);
}

void al_report_explain_text(FILE *out, const al_result *r, const al_component *c)
{
	fputs("component:  ", out);
	al_text_escape(out, c->id);
	fprintf(out, " (%s, %s)\nentry:      ", al_language_name(c->language), c->kind);
	al_text_escape(out, c->entry_path);
	fprintf(out, ":%u\nrole:       %s (confidence %.2f)%s\n", c->entry_line,
	        al_role_name(c->role), c->confidence, c->hybrid ? ", hybrid" : "");
	fputs("decided by: ", out);
	al_text_escape(out, c->decided_by);
	fprintf(out, "\nscores:     data-path %.2f, control-plane %.2f, tool %.2f\n",
	        c->scores[AL_ROLE_DATA_PATH], c->scores[AL_ROLE_CONTROL_PLANE],
	        c->scores[AL_ROLE_TOOL]);
	fprintf(out, "model:      data-path %.2f, control-plane %.2f, tool %.2f\n",
	        c->probabilities[AL_ROLE_DATA_PATH], c->probabilities[AL_ROLE_CONTROL_PLANE],
	        c->probabilities[AL_ROLE_TOOL]);
	explain_answer(out, "runs as:    ", al_verdict_runs_line(c));
	explain_answer(out, "shipped:    ", al_verdict_shipped_line(c));
	fprintf(out, "\nevidence (%zu signals):\n", c->evidence.len);
	for (size_t i = 0; i < c->evidence.len; i++) {
		const al_evidence *e = c->evidence.items[i];
		fprintf(out, "  %+6.2f  %-13s  %s  ", e->weight, al_role_name(e->role), e->signal);
		al_text_escape(out, e->path);
		fprintf(out, ":%u", e->line);
		if (e->hits > 1)
			fprintf(out, " (%u hits)", e->hits);
		if (e->distance > 0)
			fprintf(out, " (%u hop%s from main)", e->distance,
			        e->distance == 1 ? "" : "s");
		fputs("\n          ", out);
		al_text_escape(out, e->why);
		fputc('\n', out);
	}
	fprintf(out, "\nclosure (%zu package%s, %zu file%s):\n", c->closure.len,
	        AL_PLURAL(c->closure.len), c->closure_files, AL_PLURAL(c->closure_files));
	for (size_t i = 0; i < c->closure.len; i++) {
		fputs("  ", out);
		al_text_escape(out, c->closure.items[i]);
		fputs(i == 0 ? "  (own)\n" : "\n", out);
	}
	fputs("\nfindings:\n", out);
	int any = 0;
	for (size_t i = 0; i < r->findings.len; i++) {
		const al_finding *f = r->findings.items[i];
		if (f->component != c)
			continue;
		any = 1;
		fprintf(out, "  %s %s: ", f->rule, al_level_name(f->level));
		al_text_escape(out, f->message);
		fputc('\n', out);
	}
	if (!any)
		fputs("  none\n", out);
}

void al_report_explain_json(FILE *out, const al_result *r, const al_component *c)
{
	cJSON *doc = al_report_json_doc(r);
	cJSON *comps = cJSON_GetObjectItemCaseSensitive(doc, "components");
	cJSON *picked = NULL, *it;
	cJSON_ArrayForEach(it, comps)
	{
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
		const cJSON *lang = cJSON_GetObjectItemCaseSensitive(it, "language");
		if (cJSON_IsString(id) && strcmp(id->valuestring, c->id) == 0 &&
		    cJSON_IsString(lang) &&
		    strcmp(lang->valuestring, al_language_name(c->language)) == 0)
			picked = it;
	}
	cJSON *closure = cJSON_AddArrayToObject(picked, "closure");
	for (size_t i = 0; i < c->closure.len; i++)
		cJSON_AddItemToArray(closure, al_json_string_item(c->closure.items[i]));
	cJSON_DetachItemViaPointer(comps, picked);
	al_json_write(out, picked);
	cJSON_Delete(doc);
}
