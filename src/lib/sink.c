/*
 * sink.c: notices and warnings written where a stage was told to write them (sink.h).
 */
#include "sink.h"

#include <stdarg.h>

#include "nearest.h"

al_sink al_sink_of(al_result *result)
{
	return (al_sink){&result->notices, &result->warnings, &result->incomplete};
}

static void push(al_vec *into, const char *fmt, va_list ap)
{
	al_buf b = AL_BUF_INIT;
	al_buf_vprintf(&b, fmt, ap);
	al_vec_push(into, al_buf_detach(&b));
}

void al_sink_note(const al_sink *sink, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	push(sink->notices, fmt, ap);
	va_end(ap);
}

void al_sink_gap(const al_sink *sink, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	push(sink->notices, fmt, ap);
	va_end(ap);
	*sink->incomplete = 1;
}

void al_sink_unknown_role(const al_sink *sink, const char *path, unsigned line, const char *where,
                          const char *value)
{
	static const char *const declarable[] = {"data-path", "control-plane", "tool"};
	const char *near = al_nearest(value, declarable, 3);
	if (near)
		al_sink_gap(sink, "%s:%u: unknown role '%s' in %s: did you mean '%s'?", path, line,
		            value, where, near);
	else
		al_sink_gap(sink,
		            "%s:%u: unknown role '%s' in %s: data-path, control-plane or tool",
		            path, line, value, where);
}
