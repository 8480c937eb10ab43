/*
 * names.c: the spellings of languages, roles, levels, shipment kinds and lifecycles shared by
 * rules, configuration and every output format.
 */
#include <string.h>

#include "archlint.h"

static const char *const language_names[] = {"go", "rust"};
static const char *const role_names[] = {"data-path", "control-plane", "tool", "unclassified"};
static const char *const level_names[] = {"off", "note", "warning", "error"};
static const char *const ship_kind_names[] = {"service", "job", "container", "package", "build"};
static const char *const lifecycle_names[] = {"unknown", "server", "command"};

const char *al_ship_kind_name(al_ship_kind kind)
{
	return ship_kind_names[kind];
}

const char *al_lifecycle_name(al_lifecycle life)
{
	return lifecycle_names[life];
}

const char *al_language_name(al_language lang)
{
	return language_names[lang];
}

const char *al_role_name(al_role role)
{
	return role_names[role];
}

int al_role_parse(al_role *out, const char *name)
{
	for (int i = 0; i < AL_ROLE__COUNT; i++) {
		if (strcmp(role_names[i], name) == 0) {
			*out = (al_role)i;
			return 0;
		}
	}
	return -1;
}

const char *al_level_name(al_level level)
{
	return level_names[level];
}

int al_level_parse(al_level *out, const char *name)
{
	for (int i = 0; i <= AL_LEVEL_ERROR; i++) {
		if (strcmp(level_names[i], name) == 0) {
			*out = (al_level)i;
			return 0;
		}
	}
	return -1;
}
