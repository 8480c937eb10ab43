/*
 * owners.c: components' owners from CODEOWNERS (owners.h).
 */
#include "owners.h"

#include <stdlib.h>
#include <string.h>

#include "git/path_rules.h"

static const char *const codeowners_paths[] = {".github/CODEOWNERS", ".gitlab/CODEOWNERS",
                                               "CODEOWNERS", "docs/CODEOWNERS"};

typedef struct {
	char *pattern;
	al_vec owners; /* char * */
	unsigned line;
} owner_rule;

static void rule_free(void *p)
{
	owner_rule *r = p;
	free(r->pattern);
	al_vec_dispose_with(&r->owners, free);
	free(r);
}

/* The next whitespace-separated word of *p ("\ " and "\#" kept in a pattern), or NULL at
 * the end of the line or at a comment. */
static char *next_word(const char **p)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s || *s == '#')
		return NULL;
	const char *start = s;
	while (*s && *s != ' ' && *s != '\t')
		s += (*s == '\\' && s[1]) ? 2 : 1;
	*p = s;
	return al_strndup(start, (size_t)(s - start));
}

/* One line: NULL for a blank line, a comment, a GitLab section heading, or a line
 * archlint cannot use (a notice). */
static owner_rule *parse_line(const char *text, const char *path, unsigned line,
                              const al_sink *sink)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '[' || (*p == '^' && p[1] == '['))
		return NULL;
	char *pattern = next_word(&p);
	if (!pattern)
		return NULL;
	if (pattern[0] == '!') {
		al_sink_note(sink, "%s:%u: '%s': CODEOWNERS has no negation; the line is left out",
		             path, line, pattern);
		free(pattern);
		return NULL;
	}
	owner_rule *r = al_calloc(1, sizeof *r);
	r->pattern = pattern;
	r->line = line;
	for (char *w; (w = next_word(&p));)
		al_vec_push(&r->owners, w);
	return r;
}

static void parse_rules(al_vec *rules, const char *text, size_t len, const char *path,
                        const al_sink *sink)
{
	unsigned line = 0;
	for (size_t start = 0; start < len;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		char *one = al_strndup(text + start, end - start);
		size_t n = strlen(one);
		if (n && one[n - 1] == '\r')
			one[n - 1] = '\0';
		owner_rule *r = parse_line(one, path, ++line, sink);
		if (r)
			al_vec_push(rules, r);
		free(one);
		start = end + 1;
	}
}

static void set_owners(al_component *c, const owner_rule *r, const char *path)
{
	al_vec_dispose_with(&c->owners, free);
	for (size_t i = 0; i < r->owners.len; i++)
		al_vec_push(&c->owners, al_strdup(r->owners.items[i]));
	free(c->owners_from);
	c->owners_from = al_sprintf("%s:%u", path, r->line);
}

/* Rule by rule (the last that matches wins), every component still to be owned. */
static int match_rules(const al_vec *rules, al_vec *wanted, const char *path)
{
	al_path_rule *matcher = al_path_rule_new();
	if (!matcher)
		return AL_EREPO;
	for (size_t i = 0; i < rules->len; i++) {
		const owner_rule *r = rules->items[i];
		if (al_path_rule_set(matcher, r->pattern) != 0)
			continue;
		for (size_t k = 0; k < wanted->len; k++) {
			al_component *c = wanted->items[k];
			if (al_path_rule_matches(matcher, c->entry_path))
				set_owners(c, r, path);
		}
	}
	al_path_rule_free(matcher);
	return 0;
}

int al_owners_assign(al_source *source, al_vec *components, const al_sink *sink)
{
	const char *path = NULL;
	for (size_t i = 0; !path && i < sizeof codeowners_paths / sizeof *codeowners_paths; i++)
		if (al_source_find(source, codeowners_paths[i]))
			path = codeowners_paths[i];
	if (!path)
		return 0;
	al_vec wanted = AL_VEC_INIT;
	for (size_t i = 0; i < components->len; i++) {
		al_component *c = components->items[i];
		if (!c->owners_from)
			al_vec_push(&wanted, c);
	}
	al_buf text = AL_BUF_INIT;
	al_vec rules = AL_VEC_INIT;
	int err = 0;
	if (wanted.len && al_source_read_path(source, path, &text) != 0)
		al_sink_gap(sink, "%s", al_error_last());
	else if (wanted.len) {
		parse_rules(&rules, al_buf_cstr(&text), text.len, path, sink);
		err = match_rules(&rules, &wanted, path);
	}
	al_vec_dispose_with(&rules, rule_free);
	al_buf_dispose(&text);
	al_vec_dispose(&wanted);
	return err;
}
