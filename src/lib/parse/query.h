/*
 * query.h: one combined tree-sitter query per language, built from every query signal,
 * with the predicates the C library leaves to its caller (#eq?, #match?, #any-of? and
 * their #not- forms) compiled and evaluated here.
 *
 * al_query_set_new borrows the signals (they outlive the set); al_query_set_free frees it.
 */
#ifndef AL_QUERY_H
#define AL_QUERY_H

#include "rules.h"

int al_query_set_new(al_query_set **out, al_language lang, al_signal *const *signals, size_t n);
void al_query_set_free(al_query_set *self);
void al_query_set_run(const al_query_set *self, TSQueryCursor *cursor, TSNode root,
                      const char *source, al_query_hit_fn hit, void *ctx);

#endif
