/*
 * go_head.h: how much of a Go file archlint has to parse.
 *
 * A generated file (`// Code generated ... DO NOT EDIT.` before its package clause, the Go
 * convention) is not queried: only its build constraints, package clause and imports count,
 * and Go puts all of them before the file's first other declaration. Generated files are
 * large (protocol buffers, mocks: 17 % of terraform's Go) and their parse trees set a scan's
 * peak memory, so only their head is parsed. A file that could yield more beyond its head
 * (func main, an archlint directive, a cgo line) is parsed whole.
 */
#ifndef AL_GO_HEAD_H
#define AL_GO_HEAD_H

#include <stddef.h>

/* The number of leading bytes of `src` to parse: len, or less for a generated file. */
size_t al_go_head_length(const char *src, size_t len);

#endif
