/*
 * catalog.c: Backstage catalog files (catalog-info.yaml). A `Component` entity in the
 * directory of a component's package describes that component (when the file holds
 * several, the one whose metadata.name is the component's name). Its annotation
 * `archlint.io/role` is a declaration; its spec.type and metadata.tags become facts
 * ("backstage-type:service", "backstage-tag:proxy") that signals in rules/ can weigh; its
 * spec.owner owns the component (owners.h) and its spec.system is the system the report
 * groups it in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json.h"
#include "discover.h"
#include "path.h"
#include "yaml.h"

static int is_catalog_file(const char *path)
{
	const char *base = al_path_basename(path);
	return strcmp(base, "catalog-info.yaml") == 0 || strcmp(base, "catalog-info.yml") == 0;
}

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* The Component entity of docs that describes c, or NULL. */
static const cJSON *entity_for(const cJSON *docs, const al_component *c, int *index)
{
	const cJSON *only = NULL, *named = NULL, *d;
	int count = 0, i = 0;
	cJSON_ArrayForEach(d, docs)
	{
		const char *kind = al_json_string(d, "kind");
		if (kind && strcasecmp(kind, "Component") == 0) {
			count++;
			if (!only) {
				only = d;
				*index = i;
			}
			const char *name = al_json_string(get(d, "metadata"), "name");
			if (name && strcmp(name, c->name) == 0 && !named) {
				named = d;
				*index = i;
			}
		}
		i++;
	}
	if (named)
		return named;
	return count == 1 ? only : NULL;
}

static void apply_entity(al_found_set *set, al_found *found, const cJSON *entity, const char *path,
                         int index, al_strmap *lines)
{
	al_component *c = found->component;
	const cJSON *meta = get(entity, "metadata");
	const char *type = al_json_string(get(entity, "spec"), "type");
	if (type)
		al_vec_push(&found->facts, al_sprintf("backstage-type:%s", type));
	const cJSON *tag;
	cJSON_ArrayForEach(tag, get(meta, "tags"))
	{
		if (cJSON_IsString(tag))
			al_vec_push(&found->facts,
			            al_sprintf("backstage-tag:%s", tag->valuestring));
	}
	const char *owner = al_json_string(get(entity, "spec"), "owner");
	if (owner && *owner) {
		char *key = al_sprintf("%d.spec.owner", index);
		al_vec_push(&c->owners, al_strdup(owner));
		c->owners_from =
		    al_sprintf("%s:%u", path, (unsigned)(uintptr_t)al_strmap_get(lines, key));
		free(key);
	}
	const char *system = al_json_string(get(entity, "spec"), "system");
	if (system && *system) {
		char *key = al_sprintf("%d.spec.system", index);
		c->system = al_strdup(system);
		c->system_from =
		    al_sprintf("%s:%u", path, (unsigned)(uintptr_t)al_strmap_get(lines, key));
		free(key);
	}
	const char *role = al_json_string(get(meta, "annotations"), "archlint.io/role");
	if (!role || c->declared)
		return;
	char *key = al_sprintf("%d.metadata.annotations.archlint.io/role", index);
	unsigned line = (unsigned)(uintptr_t)al_strmap_get(lines, key);
	free(key);
	al_role r;
	if (al_role_parse(&r, role) != 0 || r == AL_ROLE_UNCLASSIFIED) {
		al_sink_unknown_role(&set->sink, path, line, "archlint.io/role", role);
		return;
	}
	c->declared = al_sprintf("%s: archlint.io/role", path);
	c->declared_as = r;
	c->declared_line = line;
}

int al_catalog_apply(al_found_set *set, const al_discover_input *in)
{
	TSParser *parser = NULL;
	al_buf buf = AL_BUF_INIT;
	const al_vec *files = &in->source->files;
	for (size_t i = 0; i < files->len; i++) {
		const char *path = ((al_source_file *)files->items[i])->path;
		if (!is_catalog_file(path) || (in->config && al_config_excludes(in->config, path)))
			continue;
		char *dir = al_path_dirname(path);
		int wanted = 0;
		for (size_t k = 0; k < set->found.len && !wanted; k++)
			wanted = strcmp(((al_found *)set->found.items[k])->component->package_dir,
			                dir) == 0;
		if (!wanted) {
			free(dir);
			continue;
		}
		if (!parser)
			parser = ts_parser_new();
		cJSON *docs = NULL;
		al_strmap lines = AL_STRMAP_INIT;
		if (al_source_read_path(in->source, path, &buf) != 0 ||
		    al_yaml_parse(&docs, &lines, parser, path, al_buf_cstr(&buf), buf.len, 0) !=
		        0) {
			al_sink_gap(&set->sink, "%s", al_error_last());
		} else {
			for (size_t k = 0; k < set->found.len; k++) {
				al_found *f = set->found.items[k];
				int index = 0;
				if (strcmp(f->component->package_dir, dir) != 0)
					continue;
				const cJSON *entity = entity_for(docs, f->component, &index);
				if (entity)
					apply_entity(set, f, entity, path, index, &lines);
			}
		}
		cJSON_Delete(docs);
		al_strmap_dispose(&lines);
		free(dir);
	}
	al_buf_dispose(&buf);
	if (parser)
		ts_parser_delete(parser);
	return 0;
}
