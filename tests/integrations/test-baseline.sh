#!/usr/bin/env bash
# test-baseline.sh: `archlint baseline` records today's open findings in
# .archlint-baseline.json at the work tree root (from any directory, or -o FILE), keyed by
# rule and component, never by line; `check --baseline FILE` hides exactly those, still
# fails on a new finding, survives line moves, and names entries that no longer match;
# committed (or staged, for --staged), `check` applies it without a flag.
. "$(dirname "$0")/lib.sh"
need python3 git

repo=$T/repo
hostile_repo "$repo"
mkdir -p "$repo/cmd/api/sub"
(cd "$repo/cmd/api/sub" && "$ARCHLINT" baseline) >"$T/out" 2>"$T/err" && pass || fail "baseline from a subdirectory failed: $(cat "$T/err")"
bl=$repo/.archlint-baseline.json
check "written at the work tree root" test -f "$bl"
check "stderr says how many and where" grep -qF "archlint: 10 findings recorded in $repo/.archlint-baseline.json" "$T/err"
run_archlint 1 check "$repo" --format json -o "$T/out.json"
check "one entry per finding: rule, component, language; no line, no message" python3 - "$bl" "$T/out.json" <<'PY'
import json, sys
b, c = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert b["version"] == 1 and b["tool"] == "archlint"
assert all(set(e) == {"rule", "component", "language"} for e in b["findings"]), b["findings"]
assert sorted((e["component"], e["rule"]) for e in b["findings"]) == [(e["component"], e["rule"]) for e in b["findings"]]
assert {(e["rule"], e["component"]) for e in b["findings"]} == {(f["rule"], f["component"]) for f in c["findings"]}
PY
"$ARCHLINT" baseline "$repo" -o "$T/again.json" 2>/dev/null
check "deterministic" cmp "$bl" "$T/again.json"

# The baseline makes the gate pass; the findings are still counted.
run_archlint 0 check "$repo" --baseline "$bl"
check "stdout is empty" test ! -s "$T/out"
check "stderr counts the baseline" grep -qF '0 findings (0 errors, 0 warnings, 0 notes); 10 suppressed (10 baseline)' "$T/err"

# Commit it, move every line, add a service, remove one: only the new one fails, the
# removed one is named as paid debt.
git -C "$repo" add .archlint-baseline.json
for f in "$repo"/cmd/*/main.go; do { printf '\n\n\n'; cat "$f"; } >"$f.new" && mv "$f.new" "$f"; done
mkdir "$repo/cmd/zz-new-relay" && cp "$AL_FIXTURES/hostile/relay.go.txt" "$repo/cmd/zz-new-relay/main.go"
git -C "$repo" rm -rqf "cmd/space dir #hash?q=1&r=2"
git -C "$repo" add -A && git -C "$repo" commit -qm "move lines, add a relay, remove one"
run_archlint 1 check "$repo" --baseline "$bl"
check "only the new finding is reported" python3 -c '
import sys
lines = sys.stdin.read().splitlines()
assert len(lines) == 1 and lines[0].startswith("cmd/zz-new-relay/main.go:14: warning:"), lines' < <(finding_lines "$T/out")
check "the removed component's entry is named" grep -qE "^archlint: notice: $bl:[0-9]+: the baseline entry for AL001 names 'cmd/space dir #hash\\?q=1&r=2', which matches no component: drop it from the baseline" "$T/err"
check "9 hidden" grep -qF '1 finding (0 errors, 1 warning, 0 notes); 9 suppressed (9 baseline)' "$T/err"

# Committed, it is applied without a flag, from the snapshot judged: --no-baseline opts out;
# a baseline staged (not committed) counts for --staged, as the pre-commit hook runs.
run_archlint 1 check "$repo"
check "committed: found without a flag" grep -qF '1 finding (0 errors, 1 warning, 0 notes); 9 suppressed (9 baseline)' "$T/err"
check "committed: the stale entry named at its line in the snapshot" grep -qE "^archlint: notice: \.archlint-baseline\.json:[0-9]+: the baseline entry for AL001 names 'cmd/space dir" "$T/err"
run_archlint 1 check "$repo" --no-baseline
check "--no-baseline: every finding" grep -qF '10 findings (0 errors, 10 warnings, 0 notes)' "$T/err"
check "--no-baseline: no baseline notice" sh -c '! grep -q "baseline entry" "$1"' _ "$T/err"
"$ARCHLINT" baseline "$repo" 2>/dev/null
git -C "$repo" add .archlint-baseline.json
run_archlint 0 check "$repo" --staged
check "staged: the staged baseline accepts the new finding" grep -qF '0 findings (0 errors, 0 warnings, 0 notes); 10 suppressed (10 baseline)' "$T/err"
run_archlint 1 check "$repo"
check "HEAD: still the committed one" grep -qF '9 suppressed (9 baseline)' "$T/err"
echo '{"version": 1, "findings": [' >"$bl"
git -C "$repo" add .archlint-baseline.json
run_archlint 2 check "$repo" --staged
check "staged: a malformed baseline is an error naming it" grep -qE "^archlint: \.archlint-baseline\.json:[0-9]+:[0-9]+: invalid JSON" "$T/err"
git -C "$repo" checkout -q HEAD -- .archlint-baseline.json

run_archlint 1 check "$repo" --baseline "$bl" --format sarif -o "$T/out.sarif"
check "SARIF marks baseline findings as external suppressions" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(r) == 10
assert sum(1 for x in r if x.get("suppressions", [{}])[0].get("kind") == "external") == 9' "$T/out.sarif"

# Broken or missing baselines are errors that name the file.
run_archlint 2 check "$repo" --baseline "$T/none.json"
check "a missing baseline is named" grep -qF "archlint: $T/none.json: the baseline cannot be read" "$T/err"
echo '{"findings": "no"}' >"$T/bad.json"
run_archlint 2 check "$repo" --baseline "$T/bad.json"
check "a malformed baseline is named" grep -qF "archlint: $T/bad.json: not an archlint baseline" "$T/err"
echo '{"version": 1, "findings": [' >"$T/trunc.json"
run_archlint 2 check "$repo" --baseline "$T/trunc.json"
check "invalid JSON names file and line" grep -qE "archlint: $T/trunc.json:[0-9]+:[0-9]+: invalid JSON" "$T/err"
run_archlint 2 check "$repo" --baseline
check "--baseline needs a value" grep -qF -- "option '--baseline' needs a value" "$T/err"

# A bare repository has no work tree: -o is required, and works.
git clone -q --bare "$repo" "$T/bare.git"
run_archlint 2 baseline "$T/bare.git"
check "bare: asks for -o" grep -qF 'use -o FILE' "$T/err"
run_archlint 0 baseline "$T/bare.git" -o -
check "bare: -o - writes to stdout" python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["findings"]) == 10' "$T/out"
run_archlint 1 check "$T/bare.git"
check "bare: the committed baseline applies" grep -qF '9 suppressed (9 baseline)' "$T/err"

finish
