/*
 * rust_cfg_test.h: the parts of a Rust file that only exist in test builds.
 *
 * A `#[cfg(test)] mod NAME { ... }` block is compiled only into `cargo test`; like a Go
 * `_test.go` file it says nothing about the service, and in real repositories it is a large
 * share of the source (28 % of tikv's). The extractor leaves these blocks out of the parse.
 */
#ifndef AL_RUST_CFG_TEST_H
#define AL_RUST_CFG_TEST_H

#include <stddef.h>

#include <tree_sitter/api.h>

/*
 * The parts of `src` to parse: the whole text minus every `#[cfg(test)]` module, from its
 * first attribute to its closing brace, as *count ranges (malloc'ed; *count may be 0 when
 * the modules are all there is). NULL when the file has no such module.
 */
TSRange *al_rust_cfg_test_ranges(const char *src, size_t len, uint32_t *count);

#endif
