/*
 * cache.h: extraction results kept between runs, keyed by (blob id, ruleset hash).
 *
 * What a file yields depends only on its bytes and the ruleset, so a blob parsed once is
 * never parsed again. The cache is one file per ruleset, facts-<hash>.cache, in the cache
 * directory (--cache-dir, ARCHLINT_CACHE_DIR, else archlint/ under the repository's common
 * git directory; blob ids name content, so one directory can serve many repositories),
 * replaced atomically (write a temporary file, rename), so concurrent runs never see a
 * half-written cache. A truncated, corrupt or foreign file is detected by its header and
 * checksum, ignored, and rebuilt.
 *
 * al_cache_open allocates; al_cache_free frees. Facts returned by al_cache_get are new
 * objects owned by the caller.
 */
#ifndef AL_CACHE_H
#define AL_CACHE_H

#include <git2.h>

#include "extract.h"

typedef struct al_cache al_cache;

/* Opens (or starts) the cache for this ruleset in dir (no trailing '/'). Never fails: an
 * unreadable or invalid cache is an empty one; *notice receives a malloc'ed line saying why,
 * or NULL. */
al_cache *al_cache_open(const char *dir, const al_ruleset *rules, char **notice);
/* Facts for a blob, or NULL on a miss. */
al_file_facts *al_cache_get(al_cache *self, const git_oid *oid);
/* Records facts for a blob (serialised now; the caller keeps ownership of facts). */
void al_cache_put(al_cache *self, const git_oid *oid, const al_file_facts *facts);
/* Writes the cache if anything was added. Returns 0, or -1 with the error set. */
int al_cache_save(al_cache *self);
void al_cache_free(al_cache *self);

#endif
