/*
 * discover.c: the found set's writers (discover.h), shared by Go and Rust discovery.
 */
#include "discover.h"

#include <stdlib.h>

al_found *al_found_set_add(al_found_set *set, al_language lang, const char *id, const char *name,
                           const char *entry_path, unsigned entry_line, const char *package_dir)
{
	al_component *c = al_calloc(1, sizeof(*c));
	c->id = al_strdup(id);
	c->language = lang;
	c->kind = lang == AL_LANG_GO ? "go-main-package" : "cargo-bin";
	c->name = al_strdup(name);
	c->entry_path = al_strdup(entry_path);
	c->entry_line = entry_line;
	c->package_dir = al_strdup(package_dir);
	al_vec_push(set->components, c);
	al_found *f = al_found_new(c);
	al_vec_push(&set->found, f);
	return f;
}

void al_found_mark_unread(al_found_set *set, al_found *found, const char *why)
{
	al_component *c = found->component;
	c->unread = al_sprintf("%s: %s", c->entry_path, why);
	al_sink_gap(&set->sink, "%s: its entry file was not read (%s): kept, unclassified", c->id,
	            c->unread);
}
