/*
 * plural.h: the "s" of a count's noun, so a line reads "1 finding" and "2 findings" (every
 * noun archlint counts takes a plain "s").
 */
#ifndef AL_UTIL_PLURAL_H
#define AL_UTIL_PLURAL_H

#define AL_PLURAL(n) ((n) == 1 ? "" : "s")

#endif
