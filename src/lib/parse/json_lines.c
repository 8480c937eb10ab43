/*
 * json_lines.c: where things are in a JSON text, which cJSON does not keep — the line of
 * every object key and array element by its dotted path ("0.waivers.2.rule", the same
 * paths al_yaml_parse gives, so a reader of either format looks lines up one way), and
 * the first key written twice in one object. Run on text cJSON has already accepted:
 * the scan only walks it, keys are decoded by cJSON itself (escapes included).
 */
#include "json_lines.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

typedef struct {
	const char *text, *p, *end;
	unsigned line;
	al_strmap *lines; /* may be NULL */
	al_buf path;
	long dup; /* offset of the first repeated key, or -1 */
	char *dup_key;
} scanner;

static void skip_space(scanner *s)
{
	for (; s->p < s->end; s->p++) {
		if (*s->p == '\n')
			s->line++;
		else if (*s->p != ' ' && *s->p != '\t' && *s->p != '\r')
			break;
	}
}

/* s->p at '"': moves past the closing quote (JSON strings hold no raw newline). */
static void skip_string(scanner *s)
{
	for (s->p++; s->p < s->end && *s->p != '"'; s->p++)
		if (*s->p == '\\' && s->p + 1 < s->end)
			s->p++;
	if (s->p < s->end)
		s->p++;
}

static void value(scanner *s);

/* Records the line of the value or key about to be read, under path + "." + name. */
static size_t enter(scanner *s, const char *name)
{
	size_t mark = s->path.len;
	al_buf_putc(&s->path, '.');
	al_buf_puts(&s->path, name);
	if (s->lines && !al_strmap_has(s->lines, al_buf_cstr(&s->path)))
		al_strmap_set(s->lines, al_buf_cstr(&s->path), (void *)(uintptr_t)s->line);
	return mark;
}

static void leave(scanner *s, size_t mark)
{
	s->path.len = mark;
	s->path.ptr[mark] = '\0';
}

static void object(scanner *s)
{
	al_strmap seen = AL_STRMAP_INIT;
	for (s->p++;;) {
		skip_space(s);
		if (s->p >= s->end || *s->p != '"')
			break; /* '}' of an empty object */
		const char *start = s->p;
		skip_string(s);
		cJSON *key = cJSON_ParseWithLength(start, (size_t)(s->p - start));
		const char *name = cJSON_IsString(key) ? key->valuestring : "";
		if (al_strmap_set(&seen, name, &seen) && s->dup < 0) {
			s->dup = (long)(start - s->text);
			s->dup_key = al_strdup(name);
		}
		size_t mark = enter(s, name);
		cJSON_Delete(key);
		skip_space(s);
		if (s->p < s->end && *s->p == ':')
			s->p++;
		value(s);
		leave(s, mark);
		skip_space(s);
		if (s->p >= s->end || *s->p != ',')
			break;
		s->p++;
	}
	if (s->p < s->end)
		s->p++; /* '}' */
	al_strmap_dispose(&seen);
}

static void array(scanner *s)
{
	s->p++;
	for (unsigned index = 0;; index++) {
		skip_space(s);
		if (s->p >= s->end || *s->p == ']')
			break;
		char name[16];
		snprintf(name, sizeof(name), "%u", index);
		size_t mark = enter(s, name);
		value(s);
		leave(s, mark);
		skip_space(s);
		if (s->p >= s->end || *s->p != ',')
			break;
		s->p++;
	}
	if (s->p < s->end)
		s->p++; /* ']' */
}

static void value(scanner *s)
{
	skip_space(s);
	if (s->p >= s->end)
		return;
	if (*s->p == '{')
		object(s);
	else if (*s->p == '[')
		array(s);
	else if (*s->p == '"')
		skip_string(s);
	else
		while (s->p < s->end && !strchr(",]} \t\r\n", *s->p))
			s->p++;
}

long al_json_lines(const char *text, size_t len, al_strmap *lines, char **dup_key)
{
	scanner s = {text, text, text + len, 1, lines, AL_BUF_INIT, -1, NULL};
	al_buf_puts(&s.path, "0");
	value(&s);
	al_buf_dispose(&s.path);
	if (dup_key)
		*dup_key = s.dup_key;
	else
		free(s.dup_key);
	return s.dup;
}

unsigned al_doc_line(const al_strmap *lines, const char *fmt, ...)
{
	al_buf path = AL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	al_buf_vprintf(&path, fmt, ap);
	va_end(ap);
	unsigned line = (unsigned)(uintptr_t)al_strmap_get(lines, al_buf_cstr(&path));
	al_buf_dispose(&path);
	return line;
}
