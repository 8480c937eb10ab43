#!/usr/bin/env bash
# No silent pass: a setting that makes archlint judge nothing, or a name that matches
# nothing, is an error (exit 2) or a notice naming the file and line — never a clean exit 0.
# Rules folders (--rules, ARCHLINT_RULES) without signals or a policy; folders that are
# really some other tree (never walked). Component ids in the configuration, waivers and the
# baseline that match no component: a notice with the line and the nearest id. Comments that
# nearly are a directive, and role values that are no role: a notice saying what was meant.
. "$(dirname "$0")/../lib.sh"
RULES=$HERE/../../rules

repo svc
go_mod && go_proxy cmd/proxy && go_api cmd/api
commit base
cd "$T"

# A rules folder missing a half: an error naming the folder and what is missing.
mkdir -p "$T/empty" "$T/policy-only" "$T/signals-only"
cp "$RULES/policy.json" "$T/policy-only/"
cp -r "$RULES/signals" "$T/signals-only/"
need_signals='a rules folder needs signals (signals/*.json or queries/{go,rust}/*.scm)'
need_policy='a rules folder needs a policy (policy.json listing rules)'
for args in "check svc" "components svc" rules; do
	al $args --rules "$T/empty"
	expect_rc 2
	expect_error "$T/empty: $need_signals and a policy (policy.json listing rules)"
	expect_empty_stdout
done
al check --rules "$T/policy-only" svc
expect_rc 2
expect_error "$T/policy-only: $need_signals"
al check --rules "$T/signals-only" svc
expect_rc 2
expect_error "$T/signals-only: $need_policy"
ARCHLINT_RULES=$T/empty al check svc
expect_rc 2
expect_error "$T/empty: $need_signals and a policy (policy.json listing rules)"
echo '{"rules": []}' >"$T/signals-only/policy.json"
al check --rules "$T/signals-only" svc
expect_rc 2
expect_error "$T/signals-only: $need_policy"
al check --rules "$T/no-such-folder" svc
expect_rc 2
expect_error "$T/no-such-folder: No such file or directory"

# A full rules folder inside an unrelated tree: only the rules layout is read (the known
# top-level files, signals/*.json, queries/{go,rust}/*.scm), never .git, node_modules,
# nested folders or a symlink loop, however many files they hold.
cp -r "$RULES" "$T/big"
mkdir -p "$T/big/node_modules/pkg" "$T/big/.git" "$T/big/signals/nested" "$T/big/queries/go/old"
for d in node_modules/pkg .git signals/nested queries/go/old; do
	echo '{ not json' >"$T/big/$d/broken.json"
	echo '(unfinished' >"$T/big/$d/broken.scm"
done
echo '{ not json' >"$T/big/unrelated.json"
ln -s . "$T/big/loop"
ln -s . "$T/big/signals/loop"
for i in $(seq 1 400); do mkdir -p "$T/big/tree/$i/a/b" && : >"$T/big/tree/$i/a/b/x.json"; done
al_bounded 20 512 check --format json --rules "$T/big" svc
expect_rc 1
json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"'

# Ids that match no component: a notice with file, line and the nearest existing id.
cd "$T/svc"
put .archlint.json <<'EOF'
{
  "components": {
    "cmd/api": { "role": "control-plane" },
    "cmd/proxx": { "role": "data-path" },
    "services/gone": { "role": "tool" }
  },
  "waivers": [
    { "component": "cmd/prxy", "rule": "AL001", "reason": "accepted", "expires": "2999-01-01" }
  ]
}
EOF
commit ids
put "$T/baseline.json" <<'EOF'
{
  "version": 1,
  "findings": [
    { "rule": "AL001", "component": "cmd/proxy", "language": "go" },
    { "rule": "AL001", "component": "cmd/Proxy", "language": "go" },
    { "rule": "AL001", "component": "legacy/relay", "language": "go" }
  ]
}
EOF
cd "$T"
al_bounded 20 512 check --no-cache --baseline "$T/baseline.json" svc
expect_rc 0
no_component="which matches no component"
expect_notice ".archlint.json:4: \"components\" names 'cmd/proxx', $no_component: did you mean 'cmd/proxy'?"
expect_notice ".archlint.json:5: \"components\" names 'services/gone', $no_component ('archlint components' lists them)"
expect_notice ".archlint.json:8: the waiver of AL001 names 'cmd/prxy', $no_component: did you mean 'cmd/proxy'?"
expect_notice "$T/baseline.json:5: the baseline entry for AL001 names 'cmd/Proxy', $no_component: did you mean 'cmd/proxy'?"
expect_notice "$T/baseline.json:6: the baseline entry for AL001 names 'legacy/relay', $no_component: drop it from the baseline ('archlint baseline' rewrites the file)"
# The same notice from every command that reads the configuration.
al components svc
expect_rc 0
expect_notice ".archlint.json:4: \"components\" names 'cmd/proxx', $no_component: did you mean 'cmd/proxy'?"

# Near-miss directives: a notice naming file:line and what was meant; an unknown role value
# names the nearest role, the same way in a Go directive and in Cargo metadata.
repo near
go_mod
put cmd/spaced/main.go <<'EOF'
// archlint:role data-path
package main

// archlint:ignore AL001 -- spaced
//archlint:Ignore AL001 -- capital
//archlint:igonre AL001 -- typo
// This comment is about archlint: it is prose.
func main() {}
EOF
put cmd/capital/main.go <<'EOF'
//archlint:Role tool
package main

func main() {}
EOF
put cmd/value/main.go <<'EOF'
//archlint:role data_path
package main

func main() {}
EOF
put crates/r/Cargo.toml <<'EOF'
[package]
name = "r"
version = "0.1.0"

[package.metadata.archlint]
role = "data_path"
EOF
put crates/r/src/main.rs <<'EOF'
//archlint:role data-path
fn main() {}
EOF
commit near
cd "$T"
for cache in --no-cache ""; do
	al_bounded 20 512 check $cache near
	not_directive="is not an archlint directive, so it does nothing"
	expect_notice "cmd/spaced/main.go:1: '// archlint:role' $not_directive: did you mean '//archlint:role'?"
	expect_notice "cmd/spaced/main.go:4: '// archlint:ignore' $not_directive: did you mean '//archlint:ignore'?"
	expect_notice "cmd/spaced/main.go:5: '//archlint:Ignore' $not_directive: did you mean '//archlint:ignore'?"
	expect_notice "cmd/spaced/main.go:6: '//archlint:igonre' $not_directive: did you mean '//archlint:ignore'?"
	expect_notice "cmd/capital/main.go:1: '//archlint:Role' $not_directive: did you mean '//archlint:role'?"
	expect_notice "cmd/value/main.go:1: unknown role 'data_path' in //archlint:role: did you mean 'data-path'?"
	expect_notice "crates/r/Cargo.toml:6: unknown role 'data_path' in [package.metadata.archlint]: did you mean 'data-path'?"
	expect_notice "crates/r/src/main.rs:1: '//archlint:role' $not_directive: a Rust package declares its role in its Cargo.toml: [package.metadata.archlint] role = \"...\""
	if grep -q "main.go:7" "$T/err"; then fail "prose about archlint is a notice"; else pass; fi
done

finish
