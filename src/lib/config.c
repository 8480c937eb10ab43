/*
 * config.c: loads and validates .archlint.json or .archlint.yaml (one schema, read into
 * the same cJSON tree: JSON with cJSON, YAML with the tree-sitter grammar archlint already
 * uses). Every error names the file and the line, taken from the line map either reader
 * fills (json_lines.h, yaml.h), so both formats report the same way.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "json_lines.h"
#include "yaml.h"
#include "glob.h"
#include "nearest.h"
#include "path.h"

/* "$schema" names schema/archlint-config.schema.json for editors; archlint ignores it. */
static const char *const top_keys[] = {"components",     "rules",   "signals",        "exclude",
                                       "max_file_bytes", "waivers", "min_confidence", "groups",
                                       "$schema",        NULL};

/* The keys a components entry takes: its role, and the confidence archlint had in it when
 * `archlint init` wrote the declaration (for the reviewer; never read back). */
static const char *const component_keys[] = {"role", "confidence", NULL};

static int known(const char *key, const char *const *keys)
{
	for (; *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return 1;
	return 0;
}

/* Sets the error for key, which is not among keys: with the key meant when one is close.
 * `where` (may be "") says whose key it is. */
static int unknown_key(const char *path, unsigned line, const char *key, const char *const *keys,
                       const char *where)
{
	size_t n = 0;
	while (keys[n])
		n++;
	const char *near = al_nearest(key, keys, n);
	if (near)
		al_error_set("%s:%u: unknown key \"%s\"%s: did you mean \"%s\"?", path, line, key,
		             where, near);
	else
		al_error_set("%s:%u: unknown key \"%s\"%s", path, line, key, where);
	return AL_ECONFIG;
}

/* The top-level keys and the JSON type each must have. */
static int check_shape(const al_config *self)
{
	static const struct {
		const char *key;
		int type;
	} shapes[] = {{"components", cJSON_Object},
	              {"rules", cJSON_Object},
	              {"signals", cJSON_Array},
	              {"exclude", cJSON_Array},
	              {"groups", cJSON_Object}};
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(self->doc, shapes[i].key);
		if (v && (v->type & 0xFF) != shapes[i].type) {
			al_error_set("%s:%u: \"%s\" must be %s", self->path,
			             al_config_line(self, "%s", shapes[i].key), shapes[i].key,
			             shapes[i].type == cJSON_Object ? "an object" : "an array");
			return AL_ECONFIG;
		}
	}
	return 0;
}

unsigned al_config_line(const al_config *self, const char *fmt, ...)
{
	al_buf key = AL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	al_buf_vprintf(&key, fmt, ap);
	va_end(ap);
	unsigned line = al_doc_line(&self->lines, "0.%s", al_buf_cstr(&key));
	al_buf_dispose(&key);
	return line ? line : 1;
}

int al_config_is_yaml(const char *path)
{
	size_t n = strlen(path);
	return (n >= 5 && strcmp(path + n - 5, ".yaml") == 0) ||
	       (n >= 4 && strcmp(path + n - 4, ".yml") == 0);
}

/* A YAML configuration: one document, its plain scalars typed as YAML reads them. */
static int parse_yaml(cJSON **out, al_strmap *lines, const char *path, const char *text, size_t len)
{
	*out = NULL;
	cJSON *docs = NULL;
	TSParser *parser = ts_parser_new();
	int err = al_yaml_parse(&docs, lines, parser, path, text, len, AL_YAML_TYPED);
	ts_parser_delete(parser);
	if (err)
		return err;
	int n = cJSON_GetArraySize(docs);
	if (n != 1) {
		al_error_set("%s: expected one YAML document, not %d", path, n);
		cJSON_Delete(docs);
		return AL_ECONFIG;
	}
	*out = cJSON_DetachItemFromArray(docs, 0);
	cJSON_Delete(docs);
	return 0;
}

int al_config_parse(al_config **out, const char *path, const char *text, size_t len)
{
	*out = NULL;
	al_config *self = al_calloc(1, sizeof(*self));
	self->path = al_strdup(path);
	int err = al_config_is_yaml(path)
	              ? parse_yaml(&self->doc, &self->lines, path, text, len)
	              : al_json_parse_lines(&self->doc, &self->lines, path, text, len);
	if (err)
		goto done;
	cJSON *doc = self->doc;
	if (!cJSON_IsObject(doc)) {
		al_error_set("%s:1:1: expected a %s", path,
		             al_config_is_yaml(path) ? "YAML mapping" : "JSON object");
		err = AL_ECONFIG;
		goto done;
	}
	const cJSON *it;
	cJSON_ArrayForEach(it, doc)
	{
		if (!known(it->string, top_keys)) {
			err = unknown_key(path, al_config_line(self, "%s", it->string), it->string,
			                  top_keys, "");
			goto done;
		}
	}
	if ((err = check_shape(self)))
		goto done;
	if ((err = al_config_parse_waivers(self)))
		goto done;
	const cJSON *max = cJSON_GetObjectItemCaseSensitive(doc, "max_file_bytes");
	self->max_file_bytes = AL_DEFAULT_MAX_FILE_BYTES;
	if (max) {
		if (!cJSON_IsNumber(max) || max->valuedouble < 1024 ||
		    max->valuedouble > AL_MAX_MAX_FILE_BYTES) {
			al_error_set("%s:%u: \"max_file_bytes\" must be a number from 1024 to %zu",
			             path, al_config_line(self, "max_file_bytes"),
			             AL_MAX_MAX_FILE_BYTES);
			err = AL_ECONFIG;
			goto done;
		}
		self->max_file_bytes = (size_t)max->valuedouble;
	}
	const cJSON *conf = cJSON_GetObjectItemCaseSensitive(doc, "min_confidence");
	self->min_confidence = -1;
	if (conf) {
		if (!cJSON_IsNumber(conf) || conf->valuedouble < 0 || conf->valuedouble > 1) {
			al_error_set("%s:%u: \"min_confidence\" must be a number from 0 to 1", path,
			             al_config_line(self, "min_confidence"));
			err = AL_ECONFIG;
			goto done;
		}
		self->min_confidence = conf->valuedouble;
	}
	const cJSON *comps = cJSON_GetObjectItemCaseSensitive(doc, "components");
	cJSON_ArrayForEach(it, comps)
	{
		if (!cJSON_IsObject(it)) {
			al_error_set("%s:%u: component \"%s\" must be an object ({\"role\": ...})",
			             path, al_config_line(self, "components.%s", it->string),
			             it->string);
			err = AL_ECONFIG;
			goto done;
		}
		const cJSON *key;
		cJSON_ArrayForEach(key, it)
		{
			if (!known(key->string, component_keys)) {
				char *where = al_sprintf(" in component \"%s\"", it->string);
				err = unknown_key(path,
				                  al_config_line(self, "components.%s.%s",
				                                 it->string, key->string),
				                  key->string, component_keys, where);
				free(where);
				goto done;
			}
		}
		const cJSON *confidence = cJSON_GetObjectItemCaseSensitive(it, "confidence");
		if (confidence && (!cJSON_IsNumber(confidence) || confidence->valuedouble < 0 ||
		                   confidence->valuedouble > 1)) {
			al_error_set("%s:%u: \"confidence\" of component \"%s\" must be a number "
			             "from 0 to 1",
			             path,
			             al_config_line(self, "components.%s.confidence", it->string),
			             it->string);
			err = AL_ECONFIG;
			goto done;
		}
		const char *role = al_json_string(it, "role");
		al_role r;
		if (!role || al_role_parse(&r, role) < 0 || r == AL_ROLE_UNCLASSIFIED) {
			al_error_set("%s:%u: component \"%s\" needs \"role\": data-path, "
			             "control-plane or tool",
			             path, al_config_line(self, "components.%s", it->string),
			             it->string);
			err = AL_ECONFIG;
			goto done;
		}
		al_strmap_set(&self->roles, it->string, (void *)(uintptr_t)(r + 1));
	}
	const cJSON *ex = cJSON_GetObjectItemCaseSensitive(doc, "exclude");
	cJSON_ArrayForEach(it, ex)
	{
		if (!cJSON_IsString(it)) {
			al_error_set("%s:%u: \"exclude\" must list glob strings", path,
			             al_config_line(self, "exclude"));
			err = AL_ECONFIG;
			goto done;
		}
		al_vec_push(&self->excludes, al_strdup(it->valuestring));
	}
	const cJSON *groups = cJSON_GetObjectItemCaseSensitive(doc, "groups");
	cJSON_ArrayForEach(it, groups)
	{
		if (!cJSON_IsString(it) || !*it->valuestring) {
			al_error_set("%s:%u: group \"%s\" must name its system (a string)", path,
			             al_config_line(self, "groups.%s", it->string), it->string);
			err = AL_ECONFIG;
			goto done;
		}
	}
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(doc, "rules");
	cJSON_ArrayForEach(it, rules)
	{
		const char *level = al_json_string(it, "level");
		al_level lv;
		if (!level || al_level_parse(&lv, level) < 0) {
			al_error_set(
			    "%s:%u: rule \"%s\" needs \"level\": error, warning, note or off", path,
			    al_config_line(self, "rules.%s", it->string), it->string);
			err = AL_ECONFIG;
			goto done;
		}
	}
done:
	if (err) {
		al_config_free(self);
		return err;
	}
	*out = self;
	return 0;
}

int al_config_apply(const al_config *self, al_ruleset *rules)
{
	char *printed = cJSON_PrintUnformatted(self->doc);
	al_ruleset_add_hash_input(rules, ".archlint.json", printed, strlen(printed));
	free(printed);
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(self->doc, "signals"))
	{
		int err = al_ruleset_add_signal_json(rules, it, self->path);
		if (err)
			return err;
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(self->doc, "rules"))
	{
		al_rule *r = al_ruleset_find_rule(rules, it->string);
		if (!r) {
			al_error_set("%s:%u: unknown rule id \"%s\"", self->path,
			             al_config_line(self, "rules.%s", it->string), it->string);
			return AL_ECONFIG;
		}
		al_level_parse(&r->level, al_json_string(it, "level"));
	}
	if (self->min_confidence >= 0)
		rules->thresholds.min_confidence = self->min_confidence;
	if (al_config_check_waivers(self, rules))
		return AL_ECONFIG;
	return 0;
}

int al_config_role(const al_config *self, const char *id, unsigned *line)
{
	uintptr_t v = (uintptr_t)al_strmap_get(&self->roles, id);
	if (line)
		*line = al_config_line(self, "components.%s", id);
	return v ? (int)v - 1 : -1;
}

const char *al_config_group(const al_config *self, const char *dir, unsigned *line)
{
	const cJSON *groups = cJSON_GetObjectItemCaseSensitive(self->doc, "groups");
	if (!groups)
		return NULL;
	char *prefix = al_strdup(dir);
	const cJSON *hit = NULL;
	for (;;) {
		const cJSON *it;
		cJSON_ArrayForEach(it, groups)
		{
			if (!hit && al_glob_match(it->string, prefix))
				hit = it;
		}
		char *slash = strrchr(prefix, '/');
		if (hit || !slash)
			break;
		*slash = '\0';
	}
	free(prefix);
	if (!hit)
		return NULL;
	*line = al_config_line(self, "groups.%s", hit->string);
	return hit->valuestring;
}

/* A glob excludes a path when it matches the path or one of its parent directories. */
int al_config_excludes(const al_config *self, const char *path)
{
	if (!self->excludes.len)
		return 0;
	char *prefix = al_strdup(path);
	int hit = 0;
	for (;;) {
		for (size_t i = 0; i < self->excludes.len && !hit; i++)
			hit = al_glob_match(self->excludes.items[i], prefix);
		char *slash = strrchr(prefix, '/');
		if (hit || !slash)
			break;
		*slash = '\0';
	}
	free(prefix);
	return hit;
}

void al_config_free(al_config *self)
{
	if (!self)
		return;
	free(self->path);
	cJSON_Delete(self->doc);
	al_strmap_dispose(&self->lines);
	al_strmap_dispose(&self->roles);
	al_vec_dispose_with(&self->excludes, free);
	al_vec_dispose_with(&self->waivers, al_waiver_free);
	free(self);
}
