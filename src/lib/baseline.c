/*
 * baseline.c: .archlint-baseline.json — today's findings recorded as accepted, so a gate
 * can fail only on new ones:
 *
 *   { "version": 1, "tool": "archlint",
 *     "findings": [ { "rule": "AL001", "component": "cmd/edge-proxy", "language": "go" } ] }
 *
 * An entry names a rule, a component id and a language, never a line or a message, so it
 * survives edits to the component and to the rule's wording. Matching entries hide their
 * findings (kept, marked AL_SUPPRESS_BASELINE); entries nothing matches are reported.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "component_ids.h"
#include "gate.h"
#include "json.h"
#include "json_lines.h"
#include "utf8.h"
#include "file.h"

static int cmp_entry(const void *a, const void *b)
{
	const al_finding *x = *(const al_finding *const *)a, *y = *(const al_finding *const *)b;
	int c = strcmp(x->component->id, y->component->id);
	if (!c)
		c = strcmp(x->rule, y->rule);
	return c ? c : (int)x->component->language - (int)y->component->language;
}

static void add_text(cJSON *obj, const char *key, const char *value)
{
	char *clean = al_utf8_sanitize(value);
	cJSON_AddStringToObject(obj, key, clean);
	free(clean);
}

void al_baseline_write(FILE *out, const al_result *result)
{
	al_vec open = AL_VEC_INIT;
	for (size_t i = 0; i < result->findings.len; i++) {
		al_finding *f = result->findings.items[i];
		if (!f->suppressed)
			al_vec_push(&open, f);
	}
	al_vec_sort(&open, cmp_entry);
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddNumberToObject(doc, "version", 1);
	cJSON_AddStringToObject(doc, "tool", "archlint");
	cJSON *list = cJSON_AddArrayToObject(doc, "findings");
	for (size_t i = 0; i < open.len; i++) {
		const al_finding *f = open.items[i];
		cJSON *o = cJSON_CreateObject();
		add_text(o, "rule", f->rule);
		add_text(o, "component", f->component->id);
		cJSON_AddStringToObject(o, "language", al_language_name(f->component->language));
		cJSON_AddItemToArray(list, o);
	}
	al_json_write(out, doc);
	al_vec_dispose(&open);
}

static void notice(al_result *result, char *text)
{
	al_vec_push(&result->notices, text);
}

int al_baseline_apply(al_result *result, const char *path)
{
	al_buf text = AL_BUF_INIT;
	int err;
	if (al_file_read(path, AL_JSON_MAX_BYTES, 0, &text) != 0) {
		al_error_set("%s: the baseline cannot be read: %s", path,
		             al_file_strerror(errno, AL_JSON_MAX_BYTES));
		err = AL_ECONFIG;
	} else {
		err = al_baseline_apply_text(result, path, al_buf_cstr(&text), text.len);
	}
	al_buf_dispose(&text);
	return err;
}

int al_baseline_apply_text(al_result *result, const char *path, const char *text, size_t len)
{
	cJSON *doc = NULL;
	al_strmap lines = AL_STRMAP_INIT;
	al_component_ids ids = {AL_STRMAP_INIT, AL_VEC_INIT, NULL, 0, 0};
	int err = 0;
	if ((err = al_json_parse_lines(&doc, &lines, path, text, len)))
		goto done;
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(doc, "version");
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	if (!cJSON_IsObject(doc) || !cJSON_IsNumber(version) || version->valuedouble != 1 ||
	    !cJSON_IsArray(list)) {
		al_error_set("%s: not an archlint baseline (version 1 with a \"findings\" array); "
		             "'archlint baseline' writes one",
		             path);
		err = AL_ECONFIG;
		goto done;
	}
	int n = 0;
	al_component_ids_init(&ids, result);
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		n++;
		const char *rule = al_json_string(it, "rule");
		const char *id = al_json_string(it, "component");
		const char *lang = al_json_string(it, "language");
		if (!rule || !id) {
			al_error_set(
			    "%s: entry %d of \"findings\" needs \"rule\" and \"component\"", path,
			    n);
			err = AL_ECONFIG;
			goto done;
		}
		int matched = 0;
		const al_vec *findings = al_component_ids_findings(&ids, id);
		for (size_t i = 0; findings && i < findings->len; i++) {
			al_finding *f = findings->items[i];
			if (strcmp(f->rule, rule) != 0 ||
			    (lang && strcmp(lang, al_language_name(f->component->language)) != 0))
				continue;
			matched = 1;
			al_finding_suppress(f, AL_SUPPRESS_BASELINE, "accepted in the baseline",
			                    path);
		}
		if (matched)
			continue;
		char *origin = al_sprintf("%s:%u", path,
		                          al_doc_line(&lines, "0.findings.%d.component", n - 1));
		char *what = al_sprintf("the baseline entry for %s", rule);
		char *unknown = al_component_ids_unknown(
		    &ids, origin, what, id,
		    ": drop it from the baseline ('archlint baseline' rewrites the file)");
		notice(result, unknown ? unknown
		                       : al_sprintf("%s: %s on '%s' is no longer found: drop it "
		                                    "from the baseline ('archlint baseline' "
		                                    "rewrites the file)",
		                                    origin, rule, id));
		free(what);
		free(origin);
	}
done:
	al_component_ids_dispose(&ids);
	al_strmap_dispose(&lines);
	cJSON_Delete(doc);
	return err;
}
