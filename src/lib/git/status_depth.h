/*
 * status_depth.h: git_status_list_new for work trees nested deeper than libgit2 walks.
 *
 * libgit2 1.5's work-tree iterator refuses to open a directory nested 100 levels deep, and
 * the whole status fails ("directory nesting too deep (100)") without saying where. Git has
 * no such limit, so a deep untracked chain is legitimate; archlint leaves such directories
 * out and names them, instead of losing the work tree's untracked files altogether.
 */
#ifndef AL_STATUS_DEPTH_H
#define AL_STATUS_DEPTH_H

#include <git2.h>

#include "vec.h"

/* git_status_list_new(out, repo, opts); when it fails because the work tree is nested too
 * deep, runs it again with every directory at libgit2's limit left out, as if ignored, and
 * pushes those that are not ignored anyway onto too_deep ("a/b/.../z/", malloc'ed, the
 * caller frees). 0, or libgit2's error code with its error set. */
int al_status_depth_list(git_status_list **out, git_repository *repo,
                         const git_status_options *opts, al_vec *too_deep);

#endif
