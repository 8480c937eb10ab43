/* fuzz_gomod.c: go.mod through al_gomod_module_path. */
#include "fuzz_common.h"

#include "archlint.h"
#include "gomod.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = al_fuzz_copy(data, size);
	char *module = NULL;
	if (al_gomod_module_path(&module, "go.mod", text, size) == 0)
		free(module);
	else
		al_fuzz_error("gomod");
	al_error_clear();
	free(text);
	return 0;
}
