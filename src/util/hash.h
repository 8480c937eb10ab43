/*
 * hash.h: one fast 64-bit hash over bytes, eight at a time, for the string map's keys and
 * the caches' checksums. Each step is a bijection of the running state, so changing any one
 * eight-byte word of the input always changes the result.
 */
#ifndef AL_UTIL_HASH_H
#define AL_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t al_hash64(const void *data, size_t len);

#endif
