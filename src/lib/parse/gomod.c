/*
 * gomod.c: reads the `module` directive of a go.mod. The go.mod grammar is line based;
 * only the first directive matters to archlint (requirements are external code and the
 * closure never leaves the repository).
 */
#include "gomod.h"

#include <string.h>

#include "archlint.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int al_gomod_module_path(char **out, const char *path, const char *source, size_t len)
{
	*out = NULL;
	const char *p = source, *end = source + len;
	unsigned line = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		line++;
		const char *s = p;
		p = eol + 1;
		while (s < eol && is_space(*s))
			s++;
		if ((size_t)(eol - s) < 7 || strncmp(s, "module", 6) != 0 || !is_space(s[6]))
			continue;
		s += 6;
		while (s < eol && is_space(*s))
			s++;
		const char *v = s, *vend;
		if (s < eol && (*s == '"' || *s == '`')) {
			char q = *s++;
			v = s;
			while (s < eol && *s != q)
				s++;
			if (s >= eol) {
				al_error_set("%s:%u: unterminated module path", path, line);
				return AL_ECONFIG;
			}
			vend = s;
		} else {
			while (s < eol && !is_space(*s) &&
			       !(s[0] == '/' && s + 1 < eol && s[1] == '/'))
				s++;
			vend = s;
		}
		if (vend == v) {
			al_error_set("%s:%u: empty module path", path, line);
			return AL_ECONFIG;
		}
		for (const char *c = v; c < vend; c++) {
			if ((unsigned char)*c < 0x20) {
				al_error_set("%s:%u: invalid character in module path", path, line);
				return AL_ECONFIG;
			}
		}
		*out = al_strndup(v, (size_t)(vend - v));
		return 0;
	}
	al_error_set("%s: no module directive", path);
	return AL_ECONFIG;
}
