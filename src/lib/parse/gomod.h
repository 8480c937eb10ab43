/*
 * gomod.h: the module path of a go.mod file. Returns a malloc'ed string the caller frees.
 * A go.mod without a module directive fails with AL_ECONFIG naming the file.
 */
#ifndef AL_GOMOD_H
#define AL_GOMOD_H

#include <stddef.h>

int al_gomod_module_path(char **out, const char *path, const char *source, size_t len);

#endif
