/*
 * glob.h: the glob matcher of rules, Cargo workspace members and configuration excludes.
 * '*' matches any run without '/', '**' any run including '/', '?' one non-'/' character;
 * "**" followed by "/" also matches zero directories. Time grows with pattern length times
 * path length, whatever the pattern (no backtracking); memory with the pattern's length.
 */
#ifndef AL_UTIL_GLOB_H
#define AL_UTIL_GLOB_H

int al_glob_match(const char *pattern, const char *path);

#endif
