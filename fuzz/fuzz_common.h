/*
 * fuzz_common.h: what every harness in fuzz/ shares. Each harness defines
 * LLVMFuzzerTestOneInput; it is linked either with libFuzzer (clang, ARCHLINT_FUZZ) or
 * with replay.c, which feeds it the files of a corpus (any compiler, ordinary CTest tests).
 *
 * Inputs are copied into a buffer of exactly their size, with no terminating NUL, so that
 * a read past the end of what a parser was given is caught by ASan.
 */
#ifndef AL_FUZZ_COMMON_H
#define AL_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A malloc'ed copy of data (size 0: a 1-byte allocation, never read). */
static inline char *al_fuzz_copy(const uint8_t *data, size_t size)
{
	char *p = malloc(size ? size : 1);
	if (p && size)
		memcpy(p, data, size);
	return p;
}

/* With AL_FUZZ_VERBOSE set (triage of one input), prints the error an input ended with. */
static inline void al_fuzz_error(const char *harness)
{
	if (getenv("AL_FUZZ_VERBOSE"))
		fprintf(stderr, "%s: %s\n", harness, al_error_last());
}

#endif
