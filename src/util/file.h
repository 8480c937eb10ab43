/*
 * file.h: reading a whole file from disk into a buffer (configuration, rules folders and
 * work-tree files). Returns 0, or -1 with errno describing the failure; the caller
 * words the message, since only it knows what the file was for.
 */
#ifndef AL_UTIL_FILE_H
#define AL_UTIL_FILE_H

#include "buf.h"

int al_file_read(const char *path, al_buf *out);

#endif
