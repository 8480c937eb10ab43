/*
 * main.c: archlint-docgen, run by the build: `archlint-docgen man|bash|zsh OUT` writes one
 * document made from the command-line tables, so the man page and the completions always
 * list the options the parser takes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "docgen.h"

static void man(FILE *out)
{
	al_docgen_man(out, AL_VERSION);
}

static const struct {
	const char *name;
	void (*write)(FILE *out);
} documents[] = {{"man", man}, {"bash", al_docgen_bash}, {"zsh", al_docgen_zsh}};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 3 && i < sizeof(documents) / sizeof(documents[0]); i++) {
		if (strcmp(argv[1], documents[i].name) != 0)
			continue;
		FILE *out = fopen(argv[2], "w");
		if (out)
			documents[i].write(out);
		if (!out || ferror(out) | fclose(out)) {
			fprintf(stderr, "archlint-docgen: %s: %s\n", argv[2], strerror(errno));
			return 2;
		}
		return 0;
	}
	fputs("usage: archlint-docgen man|bash|zsh OUT\n", stderr);
	return 2;
}
