/*
 * last_error.h: a per-thread last-error slot, set once where a failure is understood and
 * read by the command line, which prints it as the one line a user sees.
 */
#ifndef AL_LAST_ERROR_H
#define AL_LAST_ERROR_H

/* The last error message of this thread (never NULL). */
const char *al_error_last(void);
void al_error_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void al_error_clear(void);

#endif
