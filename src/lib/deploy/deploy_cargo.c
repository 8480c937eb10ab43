/*
 * deploy_cargo.c: a Cargo manifest as a packaging file. cargo-deb's
 * [package.metadata.deb] and cargo-generate-rpm's [package.metadata.generate-rpm] make a
 * workstation or server package of a crate's binaries: each asset copied from
 * target/release/NAME names a binary; without assets the package holds every binary of
 * the crate (a reference to its directory). Both are packages (AL_SHIP_PACKAGE).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deploy.h"
#include "toml.h"
#include "path.h"

static const char *const packagers[] = {"deb", "generate-rpm", NULL};

/* The file an asset copies: ["target/release/x", "usr/bin/", "755"] or { source = ... }. */
static const char *asset_source(const cJSON *asset)
{
	const cJSON *src = cJSON_IsArray(asset) ? cJSON_GetArrayItem(asset, 0)
	                                        : cJSON_GetObjectItemCaseSensitive(asset, "source");
	return cJSON_IsString(src) ? src->valuestring : NULL;
}

static void read_packager(al_vec *refs, const cJSON *meta, const char *packager, const char *path,
                          const char *dir, al_strmap *lines)
{
	char *key = al_sprintf("package.metadata.%s", packager);
	unsigned line = (unsigned)(uintptr_t)al_strmap_get(lines, key);
	const cJSON *assets = cJSON_GetObjectItemCaseSensitive(meta, "assets");
	if (!cJSON_IsArray(assets))
		assets = NULL;
	int named = 0;
	const cJSON *asset;
	cJSON_ArrayForEach(asset, assets)
	{
		const char *src = asset_source(asset);
		if (!src || !al_str_starts_with(src, "target/"))
			continue;
		al_deploy_add_ref(refs, AL_SHIP_PACKAGE, src, 1, "cargo", path, line ? line : 1);
		named = 1;
	}
	if (!named)
		al_deploy_add_ref(refs, AL_SHIP_PACKAGE, dir, 0, "cargo", path, line ? line : 1);
	free(key);
}

int al_deploy_read_cargo(al_vec *refs, TSParser *parser, const char *path, const char *text,
                         size_t len)
{
	cJSON *doc = NULL;
	al_strmap lines = AL_STRMAP_INIT;
	int err = al_toml_parse(&doc, &lines, parser, path, text, len);
	if (!err) {
		const cJSON *pkg = cJSON_GetObjectItemCaseSensitive(doc, "package");
		const cJSON *meta = cJSON_GetObjectItemCaseSensitive(pkg, "metadata");
		char *dir = al_path_dirname(path);
		for (const char *const *p = packagers; *p; p++) {
			const cJSON *m = cJSON_GetObjectItemCaseSensitive(meta, *p);
			if (cJSON_IsObject(m))
				read_packager(refs, m, *p, path, dir, &lines);
		}
		free(dir);
	}
	cJSON_Delete(doc);
	al_strmap_dispose(&lines);
	return err;
}
