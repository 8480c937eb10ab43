/*
 * utf8.c: repository text made valid UTF-8 (utf8.h), for every output format that needs
 * it (JSON, SARIF, JUnit, the GitHub and Markdown outputs) and for comparing ids the way
 * the baseline writes them.
 */
#include "utf8.h"

#include "buf.h"

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *p)
{
	if (p[0] < 0x80)
		return 1;
	size_t n = (p[0] & 0xE0) == 0xC0   ? 2
	           : (p[0] & 0xF0) == 0xE0 ? 3
	           : (p[0] & 0xF8) == 0xF0 ? 4
	                                   : 0;
	if (!n || (n == 2 && p[0] < 0xC2))
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if (n == 3 && p[0] == 0xE0 && p[1] < 0xA0)
		return 0;
	if (n == 3 && p[0] == 0xED && p[1] >= 0xA0)
		return 0;
	if (n == 4 &&
	    ((p[0] == 0xF0 && p[1] < 0x90) || p[0] > 0xF4 || (p[0] == 0xF4 && p[1] >= 0x90)))
		return 0;
	return n;
}

char *al_utf8_sanitize(const char *s)
{
	al_buf out = AL_BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_seq(p);
		if (n) {
			al_buf_put(&out, (const char *)p, n);
			p += n;
		} else {
			al_buf_puts(&out, "\xEF\xBF\xBD");
			p++;
		}
	}
	return al_buf_detach(&out);
}
