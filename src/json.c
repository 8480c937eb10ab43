/*
 * json.c: the one place JSON text is parsed, so every JSON error names file, line and
 * column the same way, and every document archlint reads is held to one strict reading:
 * no NUL byte, nothing after the value, and no key twice in one object (cJSON would keep
 * the first where jq keeps the last, so a second "rules" could change a gate unseen).
 */
#define _GNU_SOURCE /* memmem */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "archlint.h"
#include "util/strmap.h"

void al_text_position(const char *text, size_t offset, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	for (size_t i = 0; i < offset && text[i]; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

long al_json_key_offset(const char *text, size_t len, const char *key, unsigned nth)
{
	char *quoted = al_sprintf("\"%s\"", key ? key : "");
	size_t qlen = strlen(quoted);
	const char *at = text, *end = text + len;
	long found = -1;
	while ((at = memmem(at, (size_t)(end - at), quoted, qlen))) {
		const char *after = at + qlen;
		while (after < end && is_space(*after))
			after++;
		if (after < end && *after == ':' && nth-- == 0) {
			found = (long)(at - text);
			break;
		}
		at = after;
	}
	free(quoted);
	return found;
}

/* The first key, in document order, that repeats an earlier key of its object, or NULL. */
static const cJSON *first_duplicate(const cJSON *node)
{
	al_strmap seen = AL_STRMAP_INIT;
	const cJSON *dup = NULL;
	for (const cJSON *c = node->child; c && !dup; c = c->next) {
		if (cJSON_IsObject(node) && al_strmap_set(&seen, c->string, &seen))
			dup = c;
		else
			dup = first_duplicate(c);
	}
	al_strmap_dispose(&seen);
	return dup;
}

/* Counts the keys named like stop's before stop in document order; 1 once stop is met. */
static int same_keys_before(const cJSON *node, const cJSON *stop, unsigned *n)
{
	for (const cJSON *c = node->child; c; c = c->next) {
		if (c == stop)
			return 1;
		if (cJSON_IsObject(node) && strcmp(c->string, stop->string) == 0)
			(*n)++;
		if (same_keys_before(c, stop, n))
			return 1;
	}
	return 0;
}

static int fail_at(const char *path, const char *text, size_t offset, const char *cause,
                   const char *key)
{
	unsigned line, col;
	al_text_position(text, offset, &line, &col);
	if (key)
		al_error_set("%s:%u:%u: %s \"%s\"", path, line, col, cause, key);
	else
		al_error_set("%s:%u:%u: %s", path, line, col, cause);
	return AL_ECONFIG;
}

int al_json_parse(cJSON **out, const char *path, const char *text, size_t len)
{
	*out = NULL;
	const char *nul = memchr(text, '\0', len);
	if (nul)
		return fail_at(path, text, (size_t)(nul - text), "NUL byte in the JSON text", NULL);
	const char *end = NULL;
	cJSON *doc = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	size_t offset = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
	if (!doc)
		return fail_at(path, text, offset, "invalid JSON", NULL);
	while (offset < len && is_space(text[offset]))
		offset++;
	if (offset < len) {
		cJSON_Delete(doc);
		return fail_at(path, text, offset, "trailing bytes after the JSON value", NULL);
	}
	const cJSON *dup = first_duplicate(doc);
	if (dup) {
		unsigned before = 0;
		same_keys_before(doc, dup, &before);
		long at = al_json_key_offset(text, len, dup->string, before);
		int err =
		    fail_at(path, text, at < 0 ? 0 : (size_t)at, "duplicate key", dup->string);
		cJSON_Delete(doc);
		return err;
	}
	*out = doc;
	return 0;
}

const char *al_json_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}
