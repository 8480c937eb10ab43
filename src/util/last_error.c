/*
 * last_error.c: the per-thread last-error slot of last_error.h.
 */
#include <stdarg.h>
#include <stdio.h>

#include "last_error.h"

static _Thread_local char last_error[1024];

void al_error_set(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
}

void al_error_clear(void)
{
	last_error[0] = '\0';
}

const char *al_error_last(void)
{
	return last_error[0] ? last_error : "unknown error";
}
