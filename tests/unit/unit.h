/*
 * unit.h: what every cmocka unit test includes — cmocka's required headers in the order it
 * needs them, and assertions that print both sides when a substring check fails.
 * Not a test itself (the CMake glob only picks up test_*.c).
 */
#ifndef AL_TEST_UNIT_H
#define AL_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "archlint.h"

/* Fails unless hay contains needle, showing both. */
#define assert_contains(hay, needle)                                                               \
	do {                                                                                       \
		const char *al_h_ = (hay), *al_n_ = (needle);                                      \
		if (!al_h_ || !strstr(al_h_, al_n_))                                               \
			fail_msg("expected \"%s\" in \"%s\"", al_n_, al_h_ ? al_h_ : "(null)");    \
	} while (0)

/* Fails unless an archlint call returned 0, showing the last error message. */
#define assert_ok(call)                                                                            \
	do {                                                                                       \
		int al_rc_ = (call);                                                               \
		if (al_rc_ != 0)                                                                   \
			fail_msg("%s returned %d: %s", #call, al_rc_, al_error_last());            \
	} while (0)

/* Fails unless an archlint call returned the given error code. */
#define assert_err(code, call)                                                                     \
	do {                                                                                       \
		int al_rc_ = (call);                                                               \
		if (al_rc_ != (code))                                                              \
			fail_msg("%s returned %d, expected %d (last error: %s)", #call, al_rc_,    \
			         (int)(code), al_error_last());                                    \
	} while (0)

#endif
