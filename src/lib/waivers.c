/*
 * waivers.c: the "waivers" of the configuration — accepted debt, one rule on one component,
 * always with a reason and an expiry date:
 *
 *   "waivers": [ { "component": "cmd/edge-proxy", "rule": "AL001",
 *                  "reason": "rewrite in Rust planned for Q3", "expires": "2025-09-30" } ]
 *
 * All four keys are required and no other is allowed; a malformed waiver is a
 * configuration error naming the file and the line of that waiver.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "json_lines.h"
#include "json.h"

static const char *const waiver_keys[] = {"component", "rule", "reason", "expires", NULL};

static int valid_date(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

void al_waiver_free(void *p)
{
	al_waiver *w = p;
	free(w->component);
	free(w->rule);
	free(w->reason);
	free(w->expires);
	free(w);
}

/* The line of the waivers array (NO_WAIVER) or of one waiver in the configuration. */
#define NO_WAIVER ((size_t)-1)
static unsigned waiver_line(const al_config *self, size_t index)
{
	unsigned line = index == NO_WAIVER ? al_doc_line(&self->lines, "0.waivers")
	                                   : al_doc_line(&self->lines, "0.waivers.%zu", index);
	return line ? line : 1;
}

int al_config_parse_waivers(al_config *self)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(self->doc, "waivers");
	if (!list)
		return 0;
	if (!cJSON_IsArray(list)) {
		al_error_set("%s:%u: \"waivers\" must be an array of objects with component, rule, "
		             "reason and expires",
		             self->path, waiver_line(self, NO_WAIVER));
		return AL_ECONFIG;
	}
	int err = 0;
	size_t i = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		unsigned line = waiver_line(self, i++);
		if (!cJSON_IsObject(it)) {
			al_error_set(
			    "%s:%u: a waiver must be an object with component, rule, reason "
			    "and expires",
			    self->path, line);
			err = AL_ECONFIG;
			break;
		}
		const cJSON *kv;
		cJSON_ArrayForEach(kv, it)
		{
			int ok = 0;
			for (const char *const *k = waiver_keys; *k && !ok; k++)
				ok = strcmp(*k, kv->string) == 0;
			if (!ok) {
				al_error_set(
				    "%s:%u: unknown key \"%s\" in a waiver (component, rule, "
				    "reason, expires)",
				    self->path, line, kv->string);
				err = AL_ECONFIG;
				goto done;
			}
		}
		for (const char *const *k = waiver_keys; *k; k++) {
			const char *v = al_json_string(it, *k);
			const char *p = v;
			while (p && isspace((unsigned char)*p))
				p++;
			if (!p || !*p) {
				al_error_set("%s:%u: a waiver needs \"%s\" (a non-empty string): "
				             "component, rule, reason and expires are all required",
				             self->path, line, *k);
				err = AL_ECONFIG;
				goto done;
			}
		}
		const char *expires = al_json_string(it, "expires");
		if (!valid_date(expires)) {
			al_error_set(
			    "%s:%u: waiver \"expires\" must be a date YYYY-MM-DD, not '%s'",
			    self->path, line, expires);
			err = AL_ECONFIG;
			break;
		}
		al_waiver *w = al_calloc(1, sizeof(*w));
		w->component = al_strdup(al_json_string(it, "component"));
		w->rule = al_strdup(al_json_string(it, "rule"));
		w->reason = al_strdup(al_json_string(it, "reason"));
		w->expires = al_strdup(expires);
		w->line = line;
		al_vec_push(&self->waivers, w);
	}
done:
	return err;
}

int al_config_check_waivers(const al_config *self, const al_ruleset *rules)
{
	for (size_t i = 0; i < self->waivers.len; i++) {
		const al_waiver *w = self->waivers.items[i];
		if (!al_ruleset_find_rule(rules, w->rule)) {
			al_error_set("%s:%u: waiver for unknown rule id \"%s\"", self->path,
			             w->line, w->rule);
			return AL_ECONFIG;
		}
	}
	return 0;
}
