/*
 * report_sarif.c: SARIF 2.1.0 as GitHub code scanning and other SARIF viewers read it.
 *
 * One run; tool.driver.rules lists every rule of the ruleset (ruleIndex points into it).
 * One result per finding at its component's entry point, with the evidence as
 * relatedLocations, the component as a logical location and the finding's fingerprint
 * (rule, component, language: never a line) as a partial fingerprint. Accepted findings
 * carry a suppression; findings hidden by --new-from-rev are out of scope and left out.
 *
 * Every repository-controlled string is made valid UTF-8 before cJSON escapes it; artifact
 * URIs are relative to the repository root (%SRCROOT%) and percent-encoded byte by byte,
 * so a path holding spaces, '%', ':', '#', '?' or invalid UTF-8 stays one valid URI.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "utf8.h"
#include "rules.h"
#include "path.h"

#define SARIF_SCHEMA                                                                               \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"                      \
	"sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"
/* GitHub keeps at most 1000 related locations per result. */
#define MAX_RELATED 1000

static const char *sarif_level(al_level level)
{
	switch (level) {
	case AL_LEVEL_ERROR:
		return "error";
	case AL_LEVEL_WARNING:
		return "warning";
	case AL_LEVEL_NOTE:
		return "note";
	default:
		return "none";
	}
}

static void add_text(cJSON *obj, const char *key, const char *value)
{
	char *clean = al_utf8_sanitize(value ? value : "");
	cJSON_AddStringToObject(obj, key, clean);
	free(clean);
}

/* {"text": value} under key. */
static cJSON *add_message(cJSON *obj, const char *key, const char *value)
{
	cJSON *m = cJSON_AddObjectToObject(obj, key);
	add_text(m, "text", value);
	return m;
}

/* RFC 3986 path: unreserved characters and '/' stay, every other byte is %XX. */
static char *uri_encode_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	al_buf b = AL_BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) && *p < 0x80)
			al_buf_putc(&b, (char)*p);
		else if (*p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/')
			al_buf_putc(&b, (char)*p);
		else {
			al_buf_putc(&b, '%');
			al_buf_putc(&b, hex[*p >> 4]);
			al_buf_putc(&b, hex[*p & 15]);
		}
	}
	return al_buf_detach(&b);
}

static cJSON *physical_location(const char *path, unsigned line)
{
	cJSON *loc = cJSON_CreateObject();
	cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
	char *uri = uri_encode_path(path);
	cJSON_AddStringToObject(art, "uri", uri);
	free(uri);
	cJSON_AddStringToObject(art, "uriBaseId", SRCROOT);
	if (line > 0) {
		cJSON *region = cJSON_AddObjectToObject(phys, "region");
		cJSON_AddNumberToObject(region, "startLine", line);
	}
	return loc;
}

/* "data-path service written in Go" -> "DataPathServiceWrittenInGo". */
static char *pascal_name(const char *title)
{
	al_buf b = AL_BUF_INIT;
	int start = 1;
	for (const unsigned char *p = (const unsigned char *)title; *p; p++) {
		if (isalnum(*p) && *p < 0x80) {
			al_buf_putc(&b, (char)(start ? toupper(*p) : *p));
			start = 0;
		} else {
			start = 1;
		}
	}
	return al_buf_detach(&b);
}

static cJSON *rule_json(const al_rule *r)
{
	cJSON *o = cJSON_CreateObject();
	add_text(o, "id", r->id);
	char *name = pascal_name(r->title);
	add_text(o, "name", name);
	free(name);
	char *sentence = al_sprintf("%s%s", r->title, r->title[0] ? "." : "");
	sentence[0] = (char)toupper((unsigned char)sentence[0]);
	add_message(o, "shortDescription", sentence);
	add_message(o, "fullDescription", r->rationale);
	char *help = al_sprintf(
	    "%s\n\n%s\n\nIf the role is wrong, declare it (//archlint:role in a Go main package, "
	    "[package.metadata.archlint] role in Cargo.toml, or \"components\" in .archlint.json). "
	    "To accept the finding, add a waiver with a reason and an expiry date to "
	    ".archlint.json, or a '//archlint:ignore %s -- reason' comment in the component's "
	    "entry file. 'archlint explain COMPONENT' shows every signal behind the verdict.",
	    sentence, r->rationale, r->id);
	char *markdown = al_sprintf(
	    "**%s**\n\n%s\n\nIf the role is wrong, declare it: `//archlint:role` in a Go main "
	    "package, `[package.metadata.archlint] role` in `Cargo.toml`, or `components` in "
	    "`.archlint.json`. To accept the finding, add a waiver with a reason and an expiry "
	    "date to `.archlint.json`, or a `//archlint:ignore %s -- reason` comment in the "
	    "component's entry file. `archlint explain COMPONENT` shows every signal behind the "
	    "verdict.",
	    sentence, r->rationale, r->id);
	cJSON *h = add_message(o, "help", help);
	add_text(h, "markdown", markdown);
	free(help);
	free(markdown);
	free(sentence);
	cJSON *conf = cJSON_AddObjectToObject(o, "defaultConfiguration");
	if (r->level == AL_LEVEL_OFF)
		cJSON_AddBoolToObject(conf, "enabled", 0);
	cJSON_AddStringToObject(conf, "level", sarif_level(r->level));
	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	cJSON *tags = cJSON_AddArrayToObject(props, "tags");
	cJSON_AddItemToArray(tags, cJSON_CreateString("architecture"));
	cJSON_AddItemToArray(tags, cJSON_CreateString("maintainability"));
	cJSON_AddStringToObject(props, "precision", "medium");
	return o;
}

static int rule_index(const al_ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->rules.len; i++)
		if (strcmp(((const al_rule *)rs->rules.items[i])->id, id) == 0)
			return (int)i;
	return -1;
}

static cJSON *result_json(const al_result *r, const al_finding *f)
{
	const al_component *c = f->component;
	cJSON *o = cJSON_CreateObject();
	add_text(o, "ruleId", f->rule);
	int index = rule_index(r->rules, f->rule);
	if (index >= 0)
		cJSON_AddNumberToObject(o, "ruleIndex", index);
	cJSON_AddStringToObject(o, "level", sarif_level(f->level));
	char *text = al_sprintf("%s%s", f->message, al_str_ends_with(f->message, ".") ? "" : ".");
	add_message(o, "message", text);
	free(text);

	cJSON *locs = cJSON_AddArrayToObject(o, "locations");
	cJSON *loc = physical_location(c->entry_path, c->entry_line);
	cJSON *logical = cJSON_AddArrayToObject(loc, "logicalLocations");
	cJSON *ll = cJSON_CreateObject();
	add_text(ll, "name", c->name);
	add_text(ll, "fullyQualifiedName", c->id);
	cJSON_AddStringToObject(ll, "kind", "module");
	cJSON_AddItemToArray(logical, ll);
	cJSON_AddItemToArray(locs, loc);

	if (c->evidence.len) {
		cJSON *related = cJSON_AddArrayToObject(o, "relatedLocations");
		for (size_t i = 0; i < c->evidence.len && i < MAX_RELATED; i++) {
			const al_evidence *e = c->evidence.items[i];
			cJSON *rl = physical_location(e->path, e->line);
			cJSON_AddNumberToObject(rl, "id", (double)(i + 1));
			char *why = al_sprintf("Evidence for %s (weight %.2f, %u hit%s): %s: %s",
			                       al_role_name(e->role), e->weight, e->hits,
			                       e->hits == 1 ? "" : "s", e->signal, e->why);
			add_message(rl, "message", why);
			free(why);
			cJSON_AddItemToArray(related, rl);
		}
	}

	cJSON *fp = cJSON_AddObjectToObject(o, "partialFingerprints");
	cJSON_AddStringToObject(fp, "archlintFinding/v1", f->fingerprint);

	if (f->suppressed) {
		cJSON *sups = cJSON_AddArrayToObject(o, "suppressions");
		cJSON *s = cJSON_CreateObject();
		cJSON_AddStringToObject(
		    s, "kind", f->suppressed->kind == AL_SUPPRESS_INLINE ? "inSource" : "external");
		cJSON_AddStringToObject(s, "status", "accepted");
		char *just =
		    al_sprintf("%s (%s: %s)", f->suppressed->reason,
		               al_suppress_kind_name(f->suppressed->kind), f->suppressed->origin);
		add_text(s, "justification", just);
		free(just);
		cJSON_AddItemToArray(sups, s);
	}

	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	add_text(props, "component", c->id);
	cJSON_AddStringToObject(props, "language", al_language_name(c->language));
	cJSON_AddStringToObject(props, "role", al_role_name(c->role));
	cJSON_AddNumberToObject(props, "confidence",
	                        (double)(long)(c->confidence * 100 + 0.5) / 100);
	if (c->owners.len) {
		cJSON *owners = cJSON_AddArrayToObject(props, "owners");
		for (size_t i = 0; i < c->owners.len; i++)
			cJSON_AddItemToArray(owners, al_json_string_item(c->owners.items[i]));
	}
	return o;
}

void al_report_sarif(FILE *out, const al_result *result)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(doc, "version", "2.1.0");
	cJSON *runs = cJSON_AddArrayToObject(doc, "runs");
	cJSON *run = cJSON_CreateObject();
	cJSON_AddItemToArray(runs, run);

	cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "archlint");
	cJSON_AddStringToObject(driver, "version", AL_VERSION);
	cJSON_AddStringToObject(driver, "semanticVersion", AL_VERSION);
	cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
	for (size_t i = 0; i < result->rules->rules.len; i++)
		cJSON_AddItemToArray(rules, rule_json(result->rules->rules.items[i]));

	cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
	cJSON *root = cJSON_AddObjectToObject(bases, SRCROOT);
	add_message(root, "description", "The root of the scanned repository.");

	cJSON *invocations = cJSON_AddArrayToObject(run, "invocations");
	cJSON *inv = cJSON_CreateObject();
	cJSON_AddBoolToObject(inv, "executionSuccessful", 1);
	if (result->notices.len) {
		cJSON *notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
		for (size_t i = 0; i < result->notices.len; i++) {
			cJSON *n = cJSON_CreateObject();
			char *text = al_sprintf("%s.", (const char *)result->notices.items[i]);
			add_message(n, "message", text);
			free(text);
			cJSON_AddStringToObject(n, "level", "warning");
			cJSON_AddItemToArray(notes, n);
		}
	}
	cJSON_AddItemToArray(invocations, inv);

	cJSON *results = cJSON_AddArrayToObject(run, "results");
	for (size_t i = 0; i < result->findings.len; i++) {
		const al_finding *f = result->findings.items[i];
		if (f->suppressed && f->suppressed->kind == AL_SUPPRESS_UNCHANGED)
			continue;
		cJSON_AddItemToArray(results, result_json(result, f));
	}
	cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");

	al_json_write(out, doc);
}
