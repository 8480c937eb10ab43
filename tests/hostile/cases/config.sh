#!/usr/bin/env bash
# A broken .archlint.json is a configuration error: exit 2 and one line naming the file
# and, where the file has one, the line and column — malformed JSON, unknown keys, unknown
# rule ids, a user tree-sitter query that does not compile (the file and the offset).
# A gate must not silently pass on a typo. Read from the snapshot and with --config.
# Every JSON file archlint reads (the config, a --baseline, a --rules folder) is read
# strictly: a NUL byte, bytes after the value or a key twice in one object is an error at
# its line and column (a second "rules" must not switch AL001 off unseen, nor on).
. "$(dirname "$0")/../lib.sh"

repo cfg
go_mod && go_proxy cmd/proxy && go_api cmd/api
commit base

# cfg_case CONTENT EXPECTED_ERROR_ERE: the config committed at the root, then --config.
cfg_case() {
	printf '%s' "$1" >"$T/cfg/.archlint.json"
	git -C "$T/cfg" add .archlint.json && git -C "$T/cfg" commit -q -m cfg
	al check --no-cache "$T/cfg"
	expect_rc 2
	expect_error_match "^archlint: \\.archlint\\.json$2"
	expect_empty_stdout
	printf '%s' "$1" >"$T/other.json"
	al check --no-cache --config "$T/other.json" "$T/cfg"
	expect_rc 2
	expect_error_match "^archlint: $T/other\\.json$2"
}

# Malformed JSON: line and column.
cfg_case '{ "rules": { "AL001": { "level": "warning" }, }' ':1:[0-9]+: invalid JSON$'
cfg_case '{
  "rules": {
    "AL001": { "level" "warning" }
  }
}' ':3:[0-9]+: invalid JSON$'
cfg_case '' ':1:1: invalid JSON$'
cfg_case '{"exclude": ["a", ' ':1:[0-9]+: invalid JSON$'
cfg_case "$(printf '{\n\n\n  "rules": \x01 }')" ':4:[0-9]+: invalid JSON$'
cfg_case "$(printf '%0.s[' $(seq 5000))" ':1:[0-9]+: (invalid JSON|.*nest.*)$'
# Strict JSON: nothing after the value, no key twice in one object (jq keeps the last
# value, cJSON the first: either would hide one of them).
cfg_case '{ "rules": {} } garbage' ':1:17: trailing bytes after the JSON value$'
cfg_case '{}{}' ':1:3: trailing bytes after the JSON value$'
cfg_case '{
  "rules": { "AL001": { "level": "error" } },
  "rules": { "AL001": { "level": "off" } }
}' ':3:3: duplicate key "rules"$'
cfg_case '{ "components": { "cmd/proxy": { "role": "control-plane", "role": "data-path" } } }' ':1:59: duplicate key "role"$'
cfg_case '{ "waivers": [ { "component": "cmd/proxy", "rule": "AL001", "rule": "AL002",
  "reason": "r", "expires": "2999-01-01" } ] }' ':1:61: duplicate key "rule"$'
# A NUL byte, after the value or inside a key (cJSON would read "rul" and stop).
printf '{ "rules": {} }\0{ "rules": { "AL001": { "level": "off" } } }' >"$T/nul.json"
al_bounded 20 512 check --no-cache --config "$T/nul.json" "$T/cfg"
expect_rc 2
expect_error "$T/nul.json:1:16: NUL byte in the JSON text"
printf '{\n  "rul\0es": {} }' >"$T/cfg/.archlint.json"
git -C "$T/cfg" add .archlint.json && git -C "$T/cfg" commit -q -m nul-config
al_bounded 20 512 check --no-cache "$T/cfg"
expect_rc 2
expect_error ".archlint.json:2:7: NUL byte in the JSON text"
git -C "$T/cfg" rm -q .archlint.json && git -C "$T/cfg" commit -q -m no-config
# The baseline: what it accepts must not depend on which of two lists a reader keeps.
al_bounded 20 512 baseline --no-cache -o "$T/base.json" "$T/cfg"
expect_rc 0
printf '{ "version": 1, "findings": [], "findings": [] }' >"$T/dup-base.json"
al_bounded 20 512 check --no-cache --baseline "$T/dup-base.json" "$T/cfg"
expect_rc 2
expect_error "$T/dup-base.json:1:33: duplicate key \"findings\""
printf '\n0' >>"$T/base.json"
al_bounded 20 512 check --no-cache --baseline "$T/base.json" "$T/cfg"
expect_rc 2
expect_error_match "^archlint: $T/base\\.json:[0-9]+:1: trailing bytes after the JSON value$"
# A --rules folder: the policy and the signal tables.
cp -R "$HERE/../../rules" "$T/rules"
sed -i '0,/"level": "warning"/s//"level": "warning", "level": "off"/' "$T/rules/policy.json"
al_bounded 20 512 rules --rules "$T/rules"
expect_rc 2
expect_error_match "^archlint: $T/rules/policy\\.json:5:[0-9]+: duplicate key \"level\"$"
al_bounded 20 512 check --no-cache --rules "$T/rules" "$T/cfg"
expect_rc 2
expect_error_match "^archlint: $T/rules/policy\\.json:5:[0-9]+: duplicate key \"level\"$"
cp "$HERE/../../rules/policy.json" "$T/rules/policy.json"
echo ']' >>"$T/rules/signals/paths.json"
al_bounded 20 512 rules --rules "$T/rules"
expect_rc 2
expect_error_match "^archlint: $T/rules/signals/paths\\.json:[0-9]+:1: trailing bytes after the JSON value$"
# Valid JSON, wrong shape or unknown names.
cfg_case '[]' ':1:1: expected a JSON object$'
cfg_case '{ "rulez": {} }' ':1: unknown key "rulez": did you mean "rules"\?$'
cfg_case '{ "frobnicate": {} }' ':1: unknown key "frobnicate"$'
cfg_case '{ "components": { "cmd/proxy": { "role": "data-path", "confidence": 2 } } }' ':1: "confidence" of component "cmd/proxy" must be a number from 0 to 1$'
cfg_case '{
  "components": {},
  "signal": []
}' ':3: unknown key "signal": did you mean "signals"\?$'
cfg_case '{ "rules": { "AL001": { "level": "loud" } } }' ':1: rule "AL001" needs "level": error, warning, note or off$'
cfg_case '{ "components": { "cmd/proxy": { "role": "hot-path" } } }' ':1: component "cmd/proxy" needs "role": data-path, control-plane or tool$'
cfg_case '{"max_file_bytes": -1}' ':1: "max_file_bytes" must be a number from 1024 to 8388608$'
cfg_case '{"exclude": [1]}' ':1: "exclude" must list glob strings$'
# Unknown rule ids name the file; README promises the line too.
cfg_case '{ "rules": { "AL999": { "level": "note" } } }' '(:1)?: unknown rule id "AL999"$'
rule_line_named() { grep -q '^archlint: [^:]*\.json:1: unknown rule id' "$T/err"; }
if rule_line_named; then pass; else fail "an unknown rule id names the line"; fi
# User signal queries that do not compile: the file and the offset in the query.
q() { printf '{ "signals": [ { "id": "acme.q", "role": "data-path", "weight": 2, "why": "w", "language": "%s", "query": "%s" } ] }' "$1" "$2"; }
cfg_case "$(q go '(call_expression function: (identifier) @f')" ": signal 'acme\\.q': unfinished pattern in query at line 1, column 43 \\(offset 42\\)$"
# Shapes tree-sitter 0.20.7 writes out of bounds on, or never finishes matching, are refused.
cfg_case "$(q rust 'name: (#eq? @n \"main\")')" ": signal 'acme\\.q': field naming a predicate in query at line 1, column 7 \\(offset 6\\)$"
cfg_case "$(q go '(source_file ((comment)?)+ @c)')" ": signal 'acme\\.q': quantifier on a pattern that can already match nothing in query at line 1, column 26 \\(offset 25\\)$"
cfg_case "$(q go '(no_such_node) @x')" ": signal 'acme\\.q': unknown node type in query at line 1, column 2 \\(offset 1\\)$"
cfg_case "$(q rust '(call_expression nosuchfield: (identifier)) @x')" ": signal 'acme\\.q': unknown field in query at line 1, column 18 \\(offset 17\\)$"
# Predicates are checked by archlint after tree-sitter compiled the query.
cfg_case "$(q go '((identifier) @x (#eq? @x))')" ": signal 'acme\\.q': '#eq\\?' takes a capture and one value$"
cfg_case "$(q go '((identifier) @x (#match? @x \"[\"))')" ': signal .acme\.q.: invalid regular expression "\[": '
cfg_case "$(q go '(identifier) @')" ": signal 'acme\\.q': .* in query at line 1, column [0-9]+ \\(offset [0-9]+\\)$"
cfg_case "$(q cobol '(identifier) @x')" ':.*cobol'
cfg_case '{ "signals": [ { "id": "acme.q", "role": "data-path", "weight": 2, "why": "w", "query": "(identifier) @x" } ] }' ': signal .acme\.q.: a query needs a string and a "language"$'
cfg_case '{
  "signals": [
    { "id": "acme.q", "role": "data-path", "weight": 2, "why": "w", "language": "go",
      "query": "(call_expression\n  function: (identifier) @f\n  (nosuch))" } ] }' ": signal 'acme\\.q': unknown node type in query at line 3, column 4 \\(offset 48\\)$"

# A valid query of the user's own: it compiles and its hits count.
printf '%s' "$(q go '(call_expression function: (selector_expression field: (field_identifier) @f (#eq? @f \"Accept\")))')" >.archlint.json
commit good-config
al check --no-cache --format json .
expect_rc 1
json 'any(e["signal"] == "acme.q" for e in comp("cmd/proxy")["evidence"])' "user query hits"

# Unknown keys inside a component entry: a typo must not pass silently either.
printf '{ "components": { "cmd/proxy": { "role": "data-path", "rol": "control-plane" } } }' >.archlint.json
commit nested-typo
nested_typo_refused() {
	"$ARCHLINT" check --no-cache . >/dev/null 2>"$T/err2"
	[ $? = 2 ] && grep -q '^archlint: \.archlint\.json:1: unknown key "rol" in component "cmd/proxy": did you mean "role"?$' "$T/err2"
}
if nested_typo_refused; then pass; else fail "an unknown key inside a components entry is an error"; fi

# A config that is not a regular file in the snapshot: a symlink, a directory.
git rm -q .archlint.json
ln -s /etc/passwd .archlint.json
commit symlink-config
al check --no-cache --format json .
if [ "$rc" = 1 ]; then
	json 'finding("AL001", "cmd/proxy")' "a symlinked config is not followed"
else
	expect_rc 2
	expect_error_match '^archlint: \.archlint\.json: '
fi
git rm -q .archlint.json
mkdir .archlint.json && echo '{}' >.archlint.json/x
commit dir-config
al check --no-cache .
if [ "$rc" = 1 ]; then pass; else
	expect_rc 2
	expect_error_match '^archlint: \.archlint\.json: '
fi
# --config naming nothing, a directory, an unreadable file.
al check --config "$T/nope.json" .
expect_rc 2
expect_error_match "^archlint: $T/nope\\.json: "
al check --config "$T" .
expect_rc 2
expect_error_match "^archlint: $T: "
finish
