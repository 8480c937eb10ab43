/*
 * links.h: the links stage — after classification, where the Go control plane and the
 * Rust data path meet: FFI links from Go components (cgo `-lNAME`) to the Rust packages
 * that build that library, and the Rust components built with them.
 */
#ifndef AL_LINKS_H
#define AL_LINKS_H

#include "cargo_graph.h"
#include "extract.h"
#include "found.h"

/* Appends to result->links (sorted) the FFI links of the found components (al_found *),
 * from the facts of their files and the Cargo graph. */
void al_links_find(al_result *result, const al_vec *found, const al_strmap *facts,
                   const al_cargo_graph *cargo);
void al_link_free(void *link);

#endif
