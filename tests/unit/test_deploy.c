/*
 * test_deploy.c: the deployment readers over hand-written files — shell command lines
 * (go build -o, cargo build --bin/-p, started programs, && and quotes), Dockerfiles (RUN
 * with continuations, COPY --from, ENTRYPOINT exec and shell forms, CMD), systemd units,
 * Procfiles, Makefiles ($(GO) recipes, rule targets), YAML (a Deployment's command, a
 * CronJob, a ko:// image, compose, goreleaser builds with and without dockers, a release
 * workflow), Cargo packaging metadata, a malformed YAML file (an error, no references), and
 * al_deploy_link matching references to components by path and by binary name.
 */
#include "unit.h"

#include <stdio.h>

#include <tree_sitter/api.h>

#include "deploy.h"
#include "grammars.h"

/* Whether refs holds a reference of that kind to that target, read at that line. */
static int has_ref(const al_vec *refs, al_ship_kind kind, const char *target, unsigned line)
{
	for (size_t i = 0; i < refs->len; i++) {
		const al_ship_ref *r = refs->items[i];
		if (r->kind == kind && strcmp(r->target, target) == 0 && (!line || r->line == line))
			return 1;
	}
	return 0;
}

/* The references read, for a failure message: "build ./cmd/x @3, ...". */
static const char *list_refs(const al_vec *refs)
{
	static char out[2048];
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < refs->len && n < sizeof(out) - 1; i++) {
		const al_ship_ref *r = refs->items[i];
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s %s @%u", i ? ", " : "",
		                      al_ship_kind_name(r->kind), r->target, r->line);
	}
	return out;
}

/* Fails with the references read, unless one matches. */
#define assert_ref(refs, kind, target, line)                                                       \
	do {                                                                                       \
		if (!has_ref((refs), (kind), (target), (line)))                                    \
			fail_msg("no %s reference to '%s' at line %u; read: %s",                   \
			         al_ship_kind_name(kind), (target), (unsigned)(line),              \
			         list_refs(refs));                                                 \
	} while (0)

static void command_lines(void **state)
{
	(void)state;
	al_vec refs = AL_VEC_INIT;
	al_deploy_scan_command(
	    &refs,
	    "cd src && CGO_ENABLED=0 go build -trimpath -o /out/gated ./cmd/gated "
	    "&& go install ./cmd/ctl/...",
	    AL_SHIP_BUILD, -1, "shell", "build.sh", 3);
	assert_ref(&refs, AL_SHIP_BUILD, "./cmd/gated", 3);
	assert_ref(&refs, AL_SHIP_BUILD, "./cmd/ctl/...", 3);
	al_deploy_scan_command(&refs, "cargo build --release --bin 'storaged' -p admin-cli",
	                       AL_SHIP_BUILD, -1, "shell", "build.sh", 4);
	assert_ref(&refs, AL_SHIP_BUILD, "storaged", 4);
	assert_ref(&refs, AL_SHIP_BUILD, "admin-cli", 4);
	/* A started program counts only when asked for. */
	size_t before = refs.len;
	al_deploy_scan_command(&refs, "echo done; ls -l", AL_SHIP_BUILD, -1, "shell", "b.sh", 5);
	assert_int_equal(refs.len, before);
	al_deploy_scan_command(&refs, "/usr/local/bin/gated --config /etc/g.yaml", AL_SHIP_BUILD,
	                       AL_SHIP_SERVICE, "systemd", "g.service", 6);
	assert_ref(&refs, AL_SHIP_SERVICE, "gated", 6);
	al_vec_dispose_with(&refs, al_ship_ref_free);
}

static void dockerfile(void **state)
{
	(void)state;
	static const char text[] = "# syntax=docker/dockerfile:1\n"
	                           "FROM golang:1.22 AS build\n"
	                           "RUN go build \\\n"
	                           "    -o /out/ingestd \\\n"
	                           "    ./cmd/ingestd\n"
	                           "FROM gcr.io/distroless/static\n"
	                           "COPY --from=build /out/ingestd /usr/bin/ingestd\n"
	                           "ENTRYPOINT [\"/usr/bin/ingestd\", \"serve\"]\n"
	                           "CMD --port 80\n";
	al_vec refs = AL_VEC_INIT;
	al_deploy_read_dockerfile(&refs, "deploy/Dockerfile", text, sizeof(text) - 1);
	assert_ref(&refs, AL_SHIP_BUILD, "./cmd/ingestd", 3);
	assert_ref(&refs, AL_SHIP_CONTAINER, "ingestd", 7);
	assert_ref(&refs, AL_SHIP_CONTAINER, "ingestd", 8);
	al_vec_dispose_with(&refs, al_ship_ref_free);

	static const char shell_form[] = "FROM alpine\nCMD exec relay --listen :80\n";
	al_deploy_read_dockerfile(&refs, "Dockerfile", shell_form, sizeof(shell_form) - 1);
	assert_ref(&refs, AL_SHIP_CONTAINER, "relay", 2);
	al_vec_dispose_with(&refs, al_ship_ref_free);
}

static void line_formats(void **state)
{
	(void)state;
	al_vec refs = AL_VEC_INIT;
	static const char unit[] =
	    "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/nodeagent "
	    "--node %H\nRestart=always\n";
	al_deploy_read_unit_lines(&refs, "systemd", "dist/nodeagent.service", unit,
	                          sizeof(unit) - 1);
	assert_ref(&refs, AL_SHIP_SERVICE, "nodeagent", 5);

	static const char procfile[] = "web: bin/apiserver --port $PORT\nworker: bin/mailer\n";
	al_deploy_read_unit_lines(&refs, "procfile", "Procfile", procfile, sizeof(procfile) - 1);
	assert_ref(&refs, AL_SHIP_SERVICE, "apiserver", 1);
	assert_ref(&refs, AL_SHIP_SERVICE, "mailer", 2);

	static const char make[] = "GO ?= go\n"
	                           "bin/fsck: $(wildcard cmd/fsck/*.go)\n"
	                           "\t@$(GO) build -o $@ ./cmd/fsck\n"
	                           "install:\n"
	                           "\tcargo install --path crates/server\n";
	al_deploy_read_unit_lines(&refs, "makefile", "Makefile", make, sizeof(make) - 1);
	assert_ref(&refs, AL_SHIP_BUILD, "./cmd/fsck", 3);
	assert_ref(&refs, AL_SHIP_BUILD, "crates/server", 5);
	al_vec_dispose_with(&refs, al_ship_ref_free);
}

/* Reads YAML text; returns the error (freed by the caller) or NULL. */
static char *read_yaml(al_vec *refs, const char *path, const char *text)
{
	TSParser *parser = ts_parser_new();
	ts_parser_set_language(parser, tree_sitter_yaml());
	char *error = NULL;
	al_deploy_read_yaml(refs, parser, path, text, strlen(text), &error);
	ts_parser_delete(parser);
	return error;
}

static void yaml_formats(void **state)
{
	(void)state;
	al_vec refs = AL_VEC_INIT;
	assert_null(read_yaml(&refs, "deploy/agent.yaml",
	                      "apiVersion: apps/v1\n"
	                      "kind: DaemonSet\n"
	                      "spec:\n"
	                      "  template:\n"
	                      "    spec:\n"
	                      "      containers:\n"
	                      "        - name: agent\n"
	                      "          image: ko://example.com/store/tools/node-agent\n"
	                      "        - name: sidecar\n"
	                      "          command: [\"/bin/metrics-relay\", \"--port\", \"9100\"]\n"
	                      "---\n"
	                      "apiVersion: batch/v1\n"
	                      "kind: CronJob\n"
	                      "spec:\n"
	                      "  jobTemplate:\n"
	                      "    spec:\n"
	                      "      template:\n"
	                      "        spec:\n"
	                      "          containers:\n"
	                      "            - name: compact\n"
	                      "              command: [compactor, --once]\n"));
	assert_ref(&refs, AL_SHIP_SERVICE, "example.com/store/tools/node-agent", 8);
	assert_ref(&refs, AL_SHIP_SERVICE, "metrics-relay", 10);
	assert_ref(&refs, AL_SHIP_JOB, "compactor", 21);
	al_vec_dispose_with(&refs, al_ship_ref_free);

	assert_null(
	    read_yaml(&refs, "docker-compose.yml",
	              "services:\n  broker:\n    image: x\n    command: brokerd --data /d\n"));
	assert_ref(&refs, AL_SHIP_SERVICE, "brokerd", 4);
	al_vec_dispose_with(&refs, al_ship_ref_free);

	assert_null(
	    read_yaml(&refs, ".goreleaser.yaml",
	              "builds:\n  - id: cli\n    main: ./cmd/storectl\n    binary: storectl\n"
	              "brews:\n  - name: storectl\n"));
	assert_ref(&refs, AL_SHIP_PACKAGE, "./cmd/storectl", 3);
	for (size_t i = 0; i < refs.len; i++)
		assert_int_not_equal(((al_ship_ref *)refs.items[i])->kind, AL_SHIP_CONTAINER);
	al_vec_dispose_with(&refs, al_ship_ref_free);
	assert_null(
	    read_yaml(&refs, ".goreleaser.yml",
	              "builds:\n  - main: ./cmd/stored\ndockers:\n  - image_templates: [x]\n"));
	assert_ref(&refs, AL_SHIP_CONTAINER, "./cmd/stored", 2);
	al_vec_dispose_with(&refs, al_ship_ref_free);

	assert_null(read_yaml(&refs, ".github/workflows/release.yml",
	                      "name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n"
	                      "    runs-on: ubuntu-latest\n    steps:\n"
	                      "      - run: go build -o dist/gated ./cmd/gated\n"));
	assert_ref(&refs, AL_SHIP_PACKAGE, "./cmd/gated", 9);
	al_vec_dispose_with(&refs, al_ship_ref_free);
}

static void malformed_yaml(void **state)
{
	(void)state;
	al_vec refs = AL_VEC_INIT;
	char *error =
	    read_yaml(&refs, "deploy/bad.yaml",
	              "kind: Deployment\nspec: [unclosed\n  containers:\n    - command: [x\n");
	assert_non_null(error);
	assert_contains(error, "deploy/bad.yaml");
	assert_int_equal(refs.len, 0);
	free(error);
}

static void cargo_packaging(void **state)
{
	(void)state;
	al_vec refs = AL_VEC_INIT;
	TSParser *parser = ts_parser_new();
	static const char assets[] =
	    "[package]\nname = \"store\"\n\n"
	    "[package.metadata.deb]\n"
	    "assets = [[\"target/release/stored\", \"usr/bin/\", \"755\"],\n"
	    "          [\"README.md\", \"usr/share/doc/store/\", \"644\"]]\n";
	assert_ok(al_deploy_read_cargo(&refs, parser, "crates/store/Cargo.toml", assets,
	                               sizeof(assets) - 1));
	assert_ref(&refs, AL_SHIP_PACKAGE, "target/release/stored", 4);
	assert_int_equal(refs.len, 1);
	al_vec_dispose_with(&refs, al_ship_ref_free);
	static const char whole[] = "[package]\nname = \"cli\"\n[package.metadata.generate-rpm]\n";
	assert_ok(
	    al_deploy_read_cargo(&refs, parser, "crates/cli/Cargo.toml", whole, sizeof(whole) - 1));
	assert_ref(&refs, AL_SHIP_PACKAGE, "crates/cli", 3);
	al_vec_dispose_with(&refs, al_ship_ref_free);
	static const char broken[] = "[package\nname = \n";
	assert_err(AL_ECONFIG,
	           al_deploy_read_cargo(&refs, parser, "Cargo.toml", broken, sizeof(broken) - 1));
	assert_contains(al_error_last(), "Cargo.toml");
	ts_parser_delete(parser);
}

static al_component *component(al_language lang, const char *id, const char *name,
                               const char *entry, const char *dir)
{
	al_component *c = calloc(1, sizeof(*c));
	c->language = lang;
	c->id = strdup(id);
	c->name = strdup(name);
	c->entry_path = strdup(entry);
	c->package_dir = strdup(dir);
	return c;
}

static void free_shipment(void *p)
{
	free(((al_shipment *)p)->path);
	free(p);
}

static void free_component(void *p)
{
	al_component *c = p;
	al_vec_dispose_with(&c->shipped, free_shipment);
	free(c->id);
	free(c->name);
	free(c->entry_path);
	free(c->package_dir);
	free(c);
}

static void linking(void **state)
{
	(void)state;
	al_vec comps = AL_VEC_INIT, refs = AL_VEC_INIT;
	al_vec_push(&comps,
	            component(AL_LANG_GO, "cmd/gated", "gated", "cmd/gated/main.go", "cmd/gated"));
	al_vec_push(&comps, component(AL_LANG_GO, "tools/node-agent", "node-agent",
	                              "tools/node-agent/main.go", "tools/node-agent"));
	al_vec_push(&comps, component(AL_LANG_RUST, "crates/store:stored", "stored",
	                              "crates/store/src/main.rs", "crates/store"));
	al_vec_push(&comps, component(AL_LANG_GO, "cmd/repair", "repair", "cmd/repair/main.go",
	                              "cmd/repair"));
	al_deploy_add_ref(&refs, AL_SHIP_BUILD, "./cmd/gated/...", 0, "makefile", "Makefile", 2);
	al_deploy_add_ref(&refs, AL_SHIP_SERVICE, "example.com/m/tools/node-agent", 0, "kubernetes",
	                  "deploy/ds.yaml", 9);
	al_deploy_add_ref(&refs, AL_SHIP_CONTAINER, "/usr/bin/gated-linux-amd64", 1, "dockerfile",
	                  "Dockerfile", 7);
	al_deploy_add_ref(&refs, AL_SHIP_PACKAGE, "target/release/stored", 1, "cargo",
	                  "crates/store/Cargo.toml", 4);
	al_deploy_link(&refs, &comps);
	al_component *gated = comps.items[0], *agent = comps.items[1], *store = comps.items[2],
	             *repair = comps.items[3];
	assert_int_equal(gated->shipped.len, 2);
	assert_int_equal(agent->shipped.len, 1);
	assert_int_equal(((al_shipment *)agent->shipped.items[0])->kind, AL_SHIP_SERVICE);
	assert_string_equal(((al_shipment *)agent->shipped.items[0])->path, "deploy/ds.yaml");
	assert_int_equal(((al_shipment *)agent->shipped.items[0])->line, 9);
	assert_int_equal(store->shipped.len, 1);
	assert_int_equal(repair->shipped.len, 0);
	al_vec_dispose_with(&refs, al_ship_ref_free);
	al_vec_dispose_with(&comps, free_component);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(command_lines),  cmocka_unit_test(dockerfile),
	    cmocka_unit_test(line_formats),   cmocka_unit_test(yaml_formats),
	    cmocka_unit_test(malformed_yaml), cmocka_unit_test(cargo_packaging),
	    cmocka_unit_test(linking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
