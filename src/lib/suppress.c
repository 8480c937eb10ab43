/*
 * suppress.c: accepted findings. A suppression never removes a finding from the result:
 * it marks it with why and where it was accepted, so the gate skips it, the text and JSON
 * reports can count it, and SARIF can carry it as a suppression.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suppress.h"

#include "component_ids.h"

const char *al_suppress_kind_name(al_suppress_kind kind)
{
	static const char *const names[] = {"inline", "waiver", "baseline", "unchanged"};
	return names[kind];
}

void al_finding_suppress(al_finding *finding, al_suppress_kind kind, const char *reason,
                         const char *origin)
{
	if (finding->suppressed)
		return;
	al_suppression *s = al_calloc(1, sizeof(*s));
	s->kind = kind;
	s->reason = al_strdup(reason ? reason : "");
	s->origin = al_strdup(origin ? origin : "");
	finding->suppressed = s;
}

void al_suppression_free(al_suppression *suppression)
{
	if (!suppression)
		return;
	free(suppression->reason);
	free(suppression->origin);
	free(suppression->expires);
	free(suppression);
}

/* Suppressions are applied after the policy, while the snapshot is still open: inline
 * directives are read from each component's entry file (and only there), waivers come from
 * the configuration. Problems with either are notices, never fatal: a bad directive leaves
 * its finding open, which is the safe side. They do not make the result incomplete. */
static void notice(al_result *result, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void notice(al_result *result, const char *fmt, ...)
{
	al_buf b = AL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	al_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	al_vec_push(&result->notices, al_buf_detach(&b));
}

/* One "//archlint:ignore RULE[,RULE] -- reason" comment of component c at line. */
static void apply_directive(al_result *result, const al_ruleset *ruleset, al_component *c,
                            const char *text, unsigned line)
{
	const char *p = text + strlen(AL_IGNORE_DIRECTIVE);
	const char *dash = strstr(p, "--");
	const char *reason = dash ? dash + 2 : "";
	while (isspace((unsigned char)*reason))
		reason++;
	char *rules = al_strndup(p, dash ? (size_t)(dash - p) : strlen(p));
	char *origin = al_sprintf("%s:%u", c->entry_path, line);
	char *save = NULL;
	size_t nrules = 0;
	if (!dash || !*reason) {
		notice(result,
		       "%s: //archlint:ignore needs a reason: '//archlint:ignore RULE -- why it is "
		       "accepted'; the finding stays open",
		       origin);
		goto done;
	}
	for (char *id = strtok_r(rules, ", \t", &save); id; id = strtok_r(NULL, ", \t", &save)) {
		nrules++;
		if (!al_ruleset_find_rule(ruleset, id)) {
			notice(result, "%s: //archlint:ignore names unknown rule '%s'", origin, id);
			continue;
		}
		int matched = 0;
		for (size_t i = 0; i < result->findings.len; i++) {
			al_finding *f = result->findings.items[i];
			if (f->component != c || strcmp(f->rule, id) != 0)
				continue;
			al_finding_suppress(f, AL_SUPPRESS_INLINE, reason, origin);
			matched = 1;
		}
		if (!matched)
			notice(result,
			       "%s: //archlint:ignore %s matches no finding of '%s': remove it",
			       origin, id, c->id);
	}
	if (!nrules)
		notice(result, "%s: //archlint:ignore names no rule", origin);
done:
	free(origin);
	free(rules);
}

/* The entry file's directives, collected by the extractor's one parse (extract.h): an entry
 * file that was not read (too large, a parse hazard) has none, so its findings stay open. */
static void inline_directives(al_result *result, const al_suppress_input *in, al_component *c)
{
	const al_file_facts *f = al_strmap_get(in->facts, c->entry_path);
	for (size_t i = 0; f && i < f->ignores.len; i++) {
		const al_import *d = f->ignores.items[i];
		apply_directive(result, in->rules, c, d->path, d->line);
	}
}

/* Today's date, UTC, as YYYY-MM-DD; SOURCE_DATE_EPOCH (reproducible builds) overrides. */
static void today(char out[11])
{
	time_t now = time(NULL);
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (!*end && v >= 0)
			now = (time_t)v;
	}
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Each waiver looks at the findings of its component only (ids indexes them): 100,000
 * waivers against every finding took minutes. */
static void apply_waivers(al_result *result, const al_config *config, al_component_ids *ids)
{
	char date[11];
	today(date);
	for (size_t k = 0; k < config->waivers.len; k++) {
		const al_waiver *w = config->waivers.items[k];
		int expired = strcmp(w->expires, date) < 0, matched = 0;
		char *origin = al_sprintf("%s:%u", config->path, w->line);
		const al_vec *findings = al_component_ids_findings(ids, w->component);
		for (size_t i = 0; findings && i < findings->len; i++) {
			al_finding *f = findings->items[i];
			if (strcmp(f->rule, w->rule) != 0)
				continue;
			matched = 1;
			if (!expired)
				al_finding_suppress(f, AL_SUPPRESS_WAIVER, w->reason, origin);
			if (!expired && f->suppressed->kind == AL_SUPPRESS_WAIVER &&
			    !f->suppressed->expires)
				f->suppressed->expires = al_strdup(w->expires);
		}
		if (expired)
			notice(result, "%s: the waiver of %s for '%s' expired on %s: %s", origin,
			       w->rule, w->component, w->expires,
			       matched ? "its finding is reported again" : "remove it");
		else if (!matched) {
			char *what = al_sprintf("the waiver of %s", w->rule);
			char *unknown = al_component_ids_unknown(ids, origin, what, w->component,
			                                         ": remove it");
			if (unknown)
				al_vec_push(&result->notices, unknown);
			else
				notice(
				    result,
				    "%s: the waiver of %s for '%s' matches no finding: remove it",
				    origin, w->rule, w->component);
			free(what);
		}
		free(origin);
	}
}

void al_suppress_apply(al_result *result, const al_suppress_input *in)
{
	for (size_t i = 0; i < result->components.len; i++)
		inline_directives(result, in, result->components.items[i]);
	if (in->config) {
		al_component_ids ids; /* one index for the waivers and the configuration's ids */
		al_component_ids_init(&ids, result);
		apply_waivers(result, in->config, &ids);
		al_config_check_component_ids(in->config, &ids, result);
		al_component_ids_dispose(&ids);
	}
}
