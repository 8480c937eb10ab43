/*
 * owners.h: the owners stage — who owns each component. A Backstage entity's spec.owner
 * (read by the catalog stage, catalog.c) names the owners of its component; every other
 * component is owned by whom the repository's CODEOWNERS file names for its entry file:
 * the first of .github/CODEOWNERS, .gitlab/CODEOWNERS, CODEOWNERS and docs/CODEOWNERS that
 * the snapshot holds, its last matching line winning, patterns matched by git's rules
 * (git/path_rules.h). A line without owners leaves what it matches unowned.
 */
#ifndef AL_OWNERS_H
#define AL_OWNERS_H

#include "sink.h"
#include "source.h"

/* Fills owners and owners_from of the components (al_component *) the catalog left
 * unowned. A CODEOWNERS file that cannot be read is a gap; a line archlint cannot use
 * (a negation, which CODEOWNERS does not have) a notice. Returns 0, or an error code when
 * pattern matching cannot be set up. */
int al_owners_assign(al_source *source, al_vec *components, const al_sink *sink);

#endif
