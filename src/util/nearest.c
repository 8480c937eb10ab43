/*
 * nearest.c: bounded edit distance and the nearest candidate name (nearest.h). One row of
 * the distance matrix per comparison, which stops at the first row past the bound; a
 * search is still one comparison per candidate, so callers bound how many they make
 * (component_ids.c looks up the first 100 unknown ids).
 */
#include "nearest.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

size_t al_edit_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	size_t *row = al_calloc(lb + 1, sizeof(*row));
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], row_min = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
			if (best < row_min)
				row_min = best;
		}
		if (row_min > max) {
			free(row);
			return max + 1;
		}
	}
	size_t d = row[lb];
	free(row);
	return d > max ? max + 1 : d;
}

const char *al_nearest(const char *word, const char *const *candidates, size_t n)
{
	size_t limit = strlen(word) / 3;
	limit = limit < 1 ? 1 : limit > 3 ? 3 : limit;
	const char *best = NULL;
	size_t best_d = limit + 1;
	for (size_t i = 0; i < n && best_d > 0; i++) {
		size_t d = al_edit_distance(word, candidates[i], best_d - 1);
		if (d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}
