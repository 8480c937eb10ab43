/*
 * utf8.h: a copy of a string that is valid UTF-8, invalid bytes replaced by U+FFFD.
 */
#ifndef AL_UTIL_UTF8_H
#define AL_UTIL_UTF8_H

/* A copy of s that is valid UTF-8: invalid bytes become U+FFFD (malloc'ed). */
char *al_utf8_sanitize(const char *s);

#endif
