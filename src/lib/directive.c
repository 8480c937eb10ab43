/*
 * directive.c: near-miss archlint directives (directive.h). A comment counts as meant for
 * archlint when, after "//" and optional blanks, it reads "archlint", optional blanks, ":"
 * and a word within one edit of "ignore" or "role" in any case; it is a near miss unless
 * it is spelt exactly as the extractor reads it.
 */
#include "directive.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nearest.h"

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

const char *al_directive_near_miss(const char *comment, al_language lang, size_t *head_len)
{
	static const char *const keywords[] = {"ignore", "role"};
	if (strncmp(comment, "//", 2) != 0)
		return NULL;
	const char *name = skip_blanks(comment + 2);
	if (strncasecmp(name, "archlint", 8) != 0)
		return NULL;
	const char *colon = skip_blanks(name + 8);
	if (*colon != ':')
		return NULL;
	const char *word = skip_blanks(colon + 1), *end = word;
	while (isalpha((unsigned char)*end))
		end++;
	if (end == word || end - word > 8)
		return NULL;
	char lower[9] = {0};
	for (size_t i = 0; i < (size_t)(end - word); i++)
		lower[i] = (char)tolower((unsigned char)word[i]);
	const char *kw = al_nearest(lower, keywords, 2);
	if (!kw || (strcmp(kw, "ignore") != 0 && strcmp(lower, kw) != 0))
		return NULL; /* "role" is too short for a typo to be told from another word */
	*head_len = (size_t)(end - comment);
	int exact = name == comment + 2 && colon == name + 8 && word == colon + 1 &&
	            strncmp(name, "archlint", 8) == 0 && strncmp(word, kw, strlen(kw)) == 0 &&
	            (size_t)(end - word) == strlen(kw) &&
	            (*end == '\0' || isspace((unsigned char)*end));
	if (strcmp(kw, "role") == 0 && lang == AL_LANG_RUST)
		return "a Rust package declares its role in its Cargo.toml: "
		       "[package.metadata.archlint] "
		       "role = \"...\"";
	if (exact)
		return NULL;
	return strcmp(kw, "ignore") == 0 ? "did you mean '//archlint:ignore'?"
	                                 : "did you mean '//archlint:role'?";
}

void al_directive_near_miss_notices(const al_strmap *facts, al_vec *notices)
{
	for (size_t i = 0; i < facts->cap; i++) {
		const al_strmap_slot *s = &facts->slots[i];
		const al_file_facts *f = s->key ? s->value : NULL;
		for (size_t k = 0; f && k < f->near_misses.len; k++) {
			const al_import *d = f->near_misses.items[k];
			size_t head_len = 0;
			const char *advice =
			    al_directive_near_miss(d->path, f->language, &head_len);
			if (advice)
				al_vec_push(
				    notices,
				    al_sprintf("%s:%u: '%.*s' is not an archlint directive, so "
				               "it does nothing: %s",
				               s->key, d->line, (int)head_len, d->path, advice));
		}
	}
}
