/*
 * rules_embedded.h: the rules/ folder compiled into the binary by
 * cmake/embed_rules.cmake; a table of (relative path, bytes, length), ending in a zero row.
 */
#ifndef AL_RULES_EMBEDDED_H
#define AL_RULES_EMBEDDED_H

#include <stddef.h>

typedef struct {
	const char *path;
	const char *data;
	size_t len;
} al_embedded_file;

extern const al_embedded_file al_rules_embedded[];
/* SHA-1 (hex) of the generated table, taken at build time: it changes with any rules byte. */
extern const char al_rules_embedded_digest[];

#endif
