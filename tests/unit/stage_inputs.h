/*
 * stage_inputs.h: what the tests of the pipeline's stages build by hand — a result holding
 * the embedded rules, facts to free, the notices a stage wrote. Not a test itself (the
 * CMake glob only picks up test_*.c).
 */
#ifndef AL_TEST_STAGE_INPUTS_H
#define AL_TEST_STAGE_INPUTS_H

#include "unit.h"

#include "extract.h"

/* An empty result that owns the embedded ruleset, as a scan's result does. */
static inline al_result *stage_result(void)
{
	al_result *r = al_calloc(1, sizeof(*r));
	assert_ok(al_ruleset_open(&r->rules, NULL));
	return r;
}

/* al_file_facts_free for al_strmap_dispose_with. */
static inline void stage_free_facts(void *p)
{
	al_file_facts_free(p);
}

/* The notices of r joined by newlines (for assert_contains); the caller frees it. */
static inline char *stage_notices(const al_result *r)
{
	al_buf b = AL_BUF_INIT;
	for (size_t i = 0; i < r->notices.len; i++)
		al_buf_printf(&b, "%s\n", (char *)r->notices.items[i]);
	return al_buf_detach(&b);
}

#endif
