/*
 * json_write.c: writing JSON that is valid whatever the repository holds: strings made valid
 * UTF-8 on the way in, one document printed with a newline on the way out.
 */
#include <stdlib.h>

#include "json.h"
#include "utf8.h"

void al_json_add_string(cJSON *obj, const char *key, const char *value)
{
	if (!value) {
		cJSON_AddNullToObject(obj, key);
		return;
	}
	char *clean = al_utf8_sanitize(value);
	cJSON_AddStringToObject(obj, key, clean);
	free(clean);
}

cJSON *al_json_string_item(const char *value)
{
	char *clean = al_utf8_sanitize(value);
	cJSON *s = cJSON_CreateString(clean);
	free(clean);
	return s;
}

void al_json_write(FILE *out, cJSON *doc)
{
	char *text = cJSON_Print(doc);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	cJSON_Delete(doc);
}
