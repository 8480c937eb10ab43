/*
 * buf.c: growable byte buffer and the aborting allocators every module uses.
 * Invariant: a buffer with cap > 0 always has ptr[len] == '\0'.
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("archlint: out of memory\n", stderr);
	abort();
}

void *al_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *al_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *al_realloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *al_strndup(const char *str, size_t len)
{
	char *p = al_malloc(len + 1);
	memcpy(p, str, len);
	p[len] = '\0';
	return p;
}

char *al_strdup(const char *str)
{
	return al_strndup(str, strlen(str));
}

char *al_sprintf(const char *fmt, ...)
{
	al_buf b = AL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	al_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return al_buf_detach(&b);
}

void al_buf_grow(al_buf *self, size_t extra)
{
	size_t need = self->len + extra + 1;
	if (need <= self->cap)
		return;
	size_t cap = self->cap ? self->cap : 64;
	while (cap < need)
		cap *= 2;
	self->ptr = al_realloc(self->ptr, cap);
	self->cap = cap;
}

void al_buf_put(al_buf *self, const char *data, size_t len)
{
	al_buf_grow(self, len);
	if (len)
		memcpy(self->ptr + self->len, data, len);
	self->len += len;
	self->ptr[self->len] = '\0';
}

void al_buf_puts(al_buf *self, const char *str)
{
	al_buf_put(self, str, strlen(str));
}

void al_buf_putc(al_buf *self, char c)
{
	al_buf_put(self, &c, 1);
}

void al_buf_vprintf(al_buf *self, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	al_buf_grow(self, (size_t)n);
	vsnprintf(self->ptr + self->len, (size_t)n + 1, fmt, ap);
	self->len += (size_t)n;
}

void al_buf_printf(al_buf *self, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	al_buf_vprintf(self, fmt, ap);
	va_end(ap);
}

void al_buf_clear(al_buf *self)
{
	self->len = 0;
	if (self->cap)
		self->ptr[0] = '\0';
}

const char *al_buf_cstr(const al_buf *self)
{
	return self->cap ? self->ptr : "";
}

char *al_buf_detach(al_buf *self)
{
	char *p = self->cap ? self->ptr : al_strdup("");
	self->ptr = NULL;
	self->len = self->cap = 0;
	return p;
}

void al_buf_dispose(al_buf *self)
{
	free(self->ptr);
	self->ptr = NULL;
	self->len = self->cap = 0;
}
