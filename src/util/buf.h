/*
 * buf.h: a growable, always NUL-terminated byte buffer.
 *
 * An al_buf owns its bytes; al_buf_dispose frees them and leaves an empty buffer.
 * al_buf_detach hands the bytes to the caller, who frees them with free().
 * Allocation failure aborts: archlint cannot do anything useful without memory.
 */
#ifndef AL_UTIL_BUF_H
#define AL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
} al_buf;

#define AL_BUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void al_buf_grow(al_buf *self, size_t extra);
void al_buf_put(al_buf *self, const char *data, size_t len);
void al_buf_puts(al_buf *self, const char *str);
void al_buf_putc(al_buf *self, char c);
void al_buf_printf(al_buf *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void al_buf_vprintf(al_buf *self, const char *fmt, va_list ap);
void al_buf_clear(al_buf *self);
const char *al_buf_cstr(const al_buf *self);
char *al_buf_detach(al_buf *self);
void al_buf_dispose(al_buf *self);

/* Aborting allocation helpers. */
void *al_malloc(size_t size);
void *al_calloc(size_t count, size_t size);
void *al_realloc(void *ptr, size_t size);
char *al_strdup(const char *str);
char *al_strndup(const char *str, size_t len);
char *al_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
