/*
 * new_from_rev.c: --new-from-rev REV — gate only on what changed. The tree at REV is
 * scanned with the same options (libgit2 reads it; nothing is checked out), and every open
 * finding whose component existed at REV with the same id, language, role and closure is
 * marked AL_SUPPRESS_UNCHANGED. A component that is new, or whose role, language or closure
 * changed, keeps its findings. On a repository without a commit yet, HEAD is no base:
 * everything is new (the pre-commit hook's first commit). The base must be in the object
 * database: in a shallow clone fetch it first (git fetch --depth=1 origin main); when it is
 * missing the error says so.
 */
#include <stdlib.h>
#include <string.h>

#include "gate.h"
#include "base_check.h"
#include "source.h"
#include "strmap.h"

static int same_closure(const al_component *a, const al_component *b)
{
	if (a->closure.len != b->closure.len)
		return 0;
	for (size_t i = 0; i < a->closure.len; i++)
		if (strcmp(a->closure.items[i], b->closure.items[i]) != 0)
			return 0;
	return 1;
}

/* Whether c was at the base as it is now: same id, language, role and closure (the
 * packages it is built from). base_ids maps the base's ids to its components. */
static int unchanged(const al_strmap *base_ids, const al_component *c)
{
	const al_component *b = al_strmap_get(base_ids, c->id);
	return b && b->language == c->language && b->role == c->role && same_closure(b, c);
}

int al_new_from_rev_apply(al_result *result, const al_scan_options *opts, const char *rev)
{
	int err = al_repo_check_base(opts->path, rev);
	if (err)
		return err == AL_NO_BASE ? 0 : err;
	al_scan_options base_opts = *opts;
	base_opts.mode = AL_SOURCE_REV;
	base_opts.rev = rev;
	base_opts.committed_baseline = 0; /* the base is compared, not judged */
	al_result *base = NULL;
	if (al_scan_run(&base, &base_opts) != 0) {
		char *why = al_strdup(al_error_last());
		al_error_set("--new-from-rev '%s': the base cannot be scanned: %s", rev, why);
		free(why);
		return AL_EREPO;
	}
	al_strmap base_ids = AL_STRMAP_INIT;
	for (size_t i = 0; i < base->components.len; i++) {
		al_component *b = base->components.items[i];
		al_strmap_set(&base_ids, b->id, b);
	}
	char *reason = al_sprintf("unchanged since %s", rev);
	for (size_t i = 0; i < result->findings.len; i++) {
		al_finding *f = result->findings.items[i];
		if (!f->suppressed && unchanged(&base_ids, f->component))
			al_finding_suppress(f, AL_SUPPRESS_UNCHANGED, reason, rev);
	}
	free(reason);
	al_strmap_dispose(&base_ids);
	al_result_free(base);
	return 0;
}
