/*
 * fuzz_deploy.c: the deployment readers (deploy.h) over repository-controlled files. The
 * first byte picks the reader — Dockerfile, systemd unit, Procfile, Makefile, build script,
 * Kubernetes/compose/goreleaser YAML, a release workflow, Cargo packaging metadata — the
 * rest is the file; every reference read is then linked against two components.
 */
#include "fuzz_common.h"

#include "archlint.h"
#include "deploy.h"
#include "grammars.h"

static const char *const unit_formats[] = {"systemd", "procfile", "makefile", "shell"};

static void read_file(al_vec *refs, unsigned pick, const char *text, size_t len)
{
	static TSParser *yaml, *toml;
	char *error = NULL;
	switch (pick % 7) {
	case 0:
		al_deploy_read_dockerfile(refs, "cmd/fuzz/Dockerfile", text, len);
		break;
	case 1:
	case 2:
		al_deploy_read_unit_lines(refs, unit_formats[(pick / 7) % 4], "fuzz.mk", text, len);
		break;
	case 3:
	case 4:
		if (!yaml) {
			yaml = ts_parser_new();
			ts_parser_set_language(yaml, tree_sitter_yaml());
		}
		al_deploy_read_yaml(refs, yaml,
		                    pick % 7 == 3 ? "deploy/fuzz.yaml"
		                                  : ".github/workflows/release.yml",
		                    text, len, &error);
		if (error && getenv("AL_FUZZ_VERBOSE"))
			fprintf(stderr, "deploy: %s\n", error);
		free(error);
		break;
	case 5:
		al_deploy_scan_command(refs, text, AL_SHIP_BUILD, AL_SHIP_SERVICE, "shell", "b.sh",
		                       1);
		break;
	default:
		if (!toml)
			toml = ts_parser_new();
		if (al_deploy_read_cargo(refs, toml, "crates/fuzz/Cargo.toml", text, len))
			al_fuzz_error("deploy");
		break;
	}
}

static al_component *component(const char *id, const char *name, const char *dir, al_language lang)
{
	al_component *c = calloc(1, sizeof(*c));
	c->id = al_strdup(id);
	c->name = al_strdup(name);
	c->entry_path = al_sprintf("%s/main.go", dir);
	c->package_dir = al_strdup(dir);
	c->language = lang;
	return c;
}

static void free_component(void *p)
{
	al_component *c = p;
	for (size_t i = 0; i < c->shipped.len; i++)
		free(((al_shipment *)c->shipped.items[i])->path);
	al_vec_dispose_with(&c->shipped, free);
	free(c->id);
	free(c->name);
	free(c->entry_path);
	free(c->package_dir);
	free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	/* NUL-terminated as the readers' callers make it (one shell command is a C string). */
	char *text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	al_vec refs = AL_VEC_INIT, comps = AL_VEC_INIT;
	read_file(&refs, data[0], text, size - 1);
	al_vec_push(&comps, component("cmd/fuzz", "fuzz", "cmd/fuzz", AL_LANG_GO));
	al_vec_push(&comps, component("crates/fuzz:fuzzd", "fuzzd", "crates/fuzz", AL_LANG_RUST));
	al_deploy_link(&refs, &comps);
	al_vec_dispose_with(&comps, free_component);
	al_vec_dispose_with(&refs, al_ship_ref_free);
	al_error_clear();
	free(text);
	return 0;
}
