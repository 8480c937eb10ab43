/*
 * json.c: the one place JSON text is parsed, so every JSON error names file, line and
 * column the same way, and every document archlint reads is held to one strict reading:
 * no NUL byte, nothing after the value, and no key twice in one object (cJSON would keep
 * the first where jq keeps the last, so a second "rules" could change a gate unseen).
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "archlint.h"
#include "json_lines.h"

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

int al_json_parse_lines(cJSON **out, al_strmap *lines, const char *path, const char *text,
                        size_t len)
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
	char *dup_key;
	long dup = al_json_lines(text, len, lines, &dup_key);
	if (dup >= 0) {
		int err = fail_at(path, text, (size_t)dup, "duplicate key", dup_key);
		free(dup_key);
		cJSON_Delete(doc);
		return err;
	}
	*out = doc;
	return 0;
}

int al_json_parse(cJSON **out, const char *path, const char *text, size_t len)
{
	return al_json_parse_lines(out, NULL, path, text, len);
}

const char *al_json_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}
