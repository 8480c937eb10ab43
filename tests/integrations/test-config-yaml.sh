#!/usr/bin/env bash
# test-config-yaml.sh: .archlint.yaml is .archlint.json in YAML. The same configuration in
# both formats (the YAML written by PyYAML from the JSON) gives the same roles, findings and
# acceptances; the YAML, read back into JSON by PyYAML, satisfies the shipped JSON Schema;
# each mistake is refused in both formats with the file and the line it is on; two
# configurations at the root are an error, never a silent choice; `archlint init` does
# not write a second one.
. "$(dirname "$0")/lib.sh"
need node git python3
python3 -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml is missing"; exit 77; }
schema=$AL_SOURCE_DIR/schema/archlint-config.schema.json
build_repo "$AL_FIXTURES/polyglot" "$T/repo"

# The decisions a run makes, without where they were declared: id, role, findings.
decisions() {
	"$ARCHLINT" check --worktree --fail-on never --format json "$1" 2>/dev/null | python3 -c '
import json, sys
doc = json.load(sys.stdin)
for c in doc["components"]:
    print(c["id"], c["role"], c.get("declared") is not None)
for f in doc["findings"]:
    print("open", f["rule"], f["component"])
for f in doc["suppressed"]:
    print("accepted", f["rule"], f["component"])'
}

cat >"$T/config.json" <<'EOF'
{
  "components": { "cmd/edge-proxy": { "role": "control-plane", "confidence": 0.91 },
                  "cmd/api": { "role": "control-plane" } },
  "rules": { "AL002": { "level": "warning" }, "AL005": { "level": "off" } },
  "signals": [ { "id": "acme.import.bus", "role": "data-path", "weight": 3,
                 "why": "our message bus client sits on the hot path",
                 "imports": ["acme.dev/bus"] } ],
  "exclude": [ "legacy" ],
  "min_confidence": 0.5,
  "max_file_bytes": 65536,
  "waivers": [ { "component": "crates/kv-admin:kvctl", "rule": "AL002",
                 "reason": "rewrite planned", "expires": "2999-01-31" } ]
}
EOF
python3 -c 'import json, sys, yaml; print(yaml.safe_dump(json.load(open(sys.argv[1])), sort_keys=False))' \
	"$T/config.json" >"$T/config.yaml"

cp "$T/config.json" "$T/repo/.archlint.json"
decisions "$T/repo" >"$T/from-json"
rm "$T/repo/.archlint.json"
cp "$T/config.yaml" "$T/repo/.archlint.yaml"
decisions "$T/repo" >"$T/from-yaml"
check "the JSON configuration declares and waives" grep -q "accepted AL002 crates/kv-admin:kvctl" "$T/from-json"
check "YAML and JSON make the same decisions" cmp -s "$T/from-json" "$T/from-yaml"
run_archlint 0 components --worktree "$T/repo"
check "a YAML declaration is shown as declared" grep -q "^cmd/edge-proxy  *go  *control-plane .*(declared)" "$T/out"

python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' \
	"$T/config.yaml" "$T/config-from-yaml.json"
check "the YAML satisfies the JSON Schema" validate_json "$schema" "$T/config-from-yaml.json"

# refused FORMAT LINE MESSAGE: the configuration on stdin, as .archlint.FORMAT, is refused
# with "archlint: .archlint.FORMAT:LINE: MESSAGE".
refused() {
	local format=$1 line=$2 message=$3 got=0
	rm -f "$T/repo/.archlint.json" "$T/repo/.archlint.yaml"
	cat >"$T/repo/.archlint.$format"
	"$ARCHLINT" check --worktree "$T/repo" >/dev/null 2>"$T/err" || got=$?
	check "$format, line $line: exit 2 (got $got)" test "$got" = 2
	check "$format, line $line: $message" grep -qxF "archlint: .archlint.$format:$line: $message" "$T/err"
}

refused yaml 3 'unknown key "rol" in component "cmd/api": did you mean "role"?' <<'EOF'
components:
  cmd/api:
    rol: control-plane
EOF
refused json 3 'unknown key "rol" in component "cmd/api": did you mean "role"?' <<'EOF'
{ "components": {
    "cmd/api": {
      "rol": "control-plane" } } }
EOF
# the second component's confidence, not the first "confidence" of the file
refused yaml 6 '"confidence" of component "cmd/edge-proxy" must be a number from 0 to 1' <<'EOF'
components:
  cmd/api:
    role: control-plane
    confidence: 0.5
  cmd/edge-proxy:
    confidence: 1.5
    role: data-path
EOF
refused json 5 '"confidence" of component "cmd/edge-proxy" must be a number from 0 to 1' <<'EOF'
{ "components": {
    "cmd/api": { "role": "control-plane", "confidence": 0.5 },
    "cmd/edge-proxy": {
      "role": "data-path",
      "confidence": 1.5 } } }
EOF
# a quoted number is a string in YAML, as in JSON
refused yaml 1 '"max_file_bytes" must be a number from 1024 to 8388608' <<'EOF'
max_file_bytes: "65536"
EOF
refused yaml 6 'a waiver needs "reason" (a non-empty string): component, rule, reason and expires are all required' <<'EOF'
waivers:
  - component: cmd/api
    rule: AL002
    reason: first
    expires: 2999-01-31
  - component: cmd/edge-proxy
    rule: AL001
    expires: 2999-01-31
EOF
refused json 4 'a waiver needs "reason" (a non-empty string): component, rule, reason and expires are all required' <<'EOF'
{ "waivers": [
    { "component": "cmd/api", "rule": "AL002", "reason": "first",
      "expires": "2999-01-31" },
    { "component": "cmd/edge-proxy", "rule": "AL001", "expires": "2999-01-31" } ] }
EOF
refused yaml 4 'rule "AL001" needs "level": error, warning, note or off' <<'EOF'
# rule levels
rules:
  AL002: { level: note }
  AL001:
    level: loud
EOF
refused yaml 2 'unknown key "componets": did you mean "components"?' <<'EOF'
min_confidence: 0.5
componets: {}
EOF

# A YAML syntax error: file, line and column.
rm -f "$T/repo/.archlint.json"
printf 'components:\n  cmd/api: [role\n' >"$T/repo/.archlint.yaml"
run_archlint 2 check --worktree "$T/repo"
check "a YAML syntax error names the file and line" grep -q '^archlint: \.archlint\.yaml:[0-9]*:[0-9]*: invalid YAML$' "$T/err"

# Near misses are noticed with the YAML line, as for JSON.
cat >"$T/repo/.archlint.yaml" <<'EOF'
components:
  cmd/api:
    role: control-plane
  cmd/edge-proxyy:
    role: data-path
EOF
run_archlint 0 check --worktree --fail-on never "$T/repo"
check "an unknown id is noticed at its line" grep -qF ".archlint.yaml:4: \"components\" names 'cmd/edge-proxyy', which matches no component: did you mean 'cmd/edge-proxy'?" "$T/err"

# Two configurations: an error naming both; --config picks one explicitly.
printf '{}\n' >"$T/repo/.archlint.json"
run_archlint 2 check --worktree "$T/repo"
check "two configurations are an error" grep -qxF "archlint: .archlint.json and .archlint.yaml are both at the root: keep one" "$T/err"
run_archlint 0 components --worktree --config "$T/config.yaml" "$T/repo"
check "--config FILE.yaml is read as YAML" grep -q "^cmd/edge-proxy  *go  *control-plane .*(declared)" "$T/out"
run_archlint 2 init --force "$T/repo"
check "init does not write a second configuration" grep -q "\.archlint\.yaml is the configuration there" "$T/err"

# The committed .archlint.yaml is read from the snapshot, like .archlint.json.
rm "$T/repo/.archlint.json"
git -C "$T/repo" add .archlint.yaml
git -C "$T/repo" -c user.name=t -c user.email=t@example.invalid commit -qm "yaml config"
run_archlint 0 check --fail-on never "$T/repo"
check "a committed .archlint.yaml is read at HEAD" grep -qF ".archlint.yaml:4:" "$T/err"
finish
