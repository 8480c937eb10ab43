#!/usr/bin/env bash
# test-config-schema.sh: schema/archlint-config.schema.json, the JSON Schema of
# .archlint.json shipped for editors, agrees with archlint: ajv accepts what `archlint init`
# writes, the README's example and a config naming the schema in "$schema", which archlint
# accepts too; and each mistake archlint refuses (an unknown key, a role that does not
# exist, a confidence past 1, a waiver without a reason) the schema refuses as well.
. "$(dirname "$0")/lib.sh"
need node git
schema=$AL_SOURCE_DIR/schema/archlint-config.schema.json
build_repo "$AL_FIXTURES/polyglot" "$T/repo"

run_archlint 0 init "$T/repo"
check "what init writes is valid" validate_json "$schema" "$T/repo/.archlint.json"
check "init declared components" grep -q '"confidence"' "$T/repo/.archlint.json"

# accepted CONFIG_TEXT: valid for the schema and for archlint (run on the work tree).
accepted() {
	printf '%s\n' "$1" >"$T/repo/.archlint.json"
	check "schema accepts: $1" validate_json "$schema" "$T/repo/.archlint.json"
	local got=0
	"$ARCHLINT" check --worktree --fail-on never "$T/repo" >/dev/null 2>"$T/err" || got=$?
	check "archlint accepts: $1" test "$got" = 0
}
# refused CONFIG_TEXT: invalid for the schema, and archlint exits 2 on it.
refused() {
	printf '%s\n' "$1" >"$T/repo/.archlint.json"
	check "schema refuses: $1" bash -c '! node "$1/validate-json.js" "$2" "$3" >/dev/null 2>&1' _ "$AL_TOOLS" "$schema" "$T/repo/.archlint.json"
	local got=0
	"$ARCHLINT" check --worktree "$T/repo" >/dev/null 2>"$T/err" || got=$?
	check "archlint refuses: $1" test "$got" = 2
}

accepted '{ "$schema": "./schema/archlint-config.schema.json", "components": { "cmd/api": { "role": "control-plane" } } }'
accepted '{
  "components": { "cmd/relay": { "role": "data-path" } },
  "rules": { "AL002": { "level": "warning" }, "AL003": { "level": "off" } },
  "signals": [ { "id": "acme.import.bus", "role": "data-path", "weight": 3,
                 "why": "our message bus client sits on the hot path",
                 "imports": ["acme.dev/bus"] } ],
  "exclude": [ "legacy", "experiments/**" ],
  "min_confidence": 0.5,
  "waivers": [ { "component": "cmd/edge-proxy", "rule": "AL001", "reason": "rewrite planned",
                 "expires": "2999-01-31" } ]
}'
refused '{ "componets": {} }'
refused '{ "components": { "cmd/api": { "role": "hot-path" } } }'
refused '{ "components": { "cmd/api": { "role": "tool", "confidence": 1.5 } } }'
refused '{ "components": { "cmd/api": { "role": "tool", "rol": "tool" } } }'
refused '{ "rules": { "AL001": { "level": "loud" } } }'
refused '{ "waivers": [ { "component": "cmd/edge-proxy", "rule": "AL001", "expires": "2999-01-31" } ] }'
refused '{ "max_file_bytes": 10 }'
finish
