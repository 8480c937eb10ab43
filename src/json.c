/*
 * json.c: the one place JSON text is parsed, so every JSON error names file, line and
 * column the same way.
 */
#include "json.h"

#include "archlint.h"

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

int al_json_parse(cJSON **out, const char *path, const char *text, size_t len)
{
	const char *end = NULL;
	*out = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (*out)
		return 0;
	size_t offset = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
	unsigned line, col;
	al_text_position(text, offset, &line, &col);
	al_error_set("%s:%u:%u: invalid JSON", path, line, col);
	return AL_ECONFIG;
}

const char *al_json_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}
