#!/usr/bin/env bash
# test-new-from-rev.sh: `check --new-from-rev REV` keeps only findings on components that
# are new, or changed in role or language, since REV — computed from the two trees with
# libgit2 — in every format; works in a shallow clone once the base is fetched and says
# how to fetch it when it is not.
. "$(dirname "$0")/lib.sh"
need python3 git

src=$T/src
mkdir -p "$src/cmd/relay-a" "$src/cmd/relay-c"
cp "$AL_FIXTURES/hostile/go.mod" "$src/"
cp -r "$AL_FIXTURES/hostile/cmd/api" "$src/cmd/"
cp "$AL_FIXTURES/hostile/relay.go.txt" "$src/cmd/relay-a/main.go"
cp "$AL_FIXTURES/hostile/relay.go.txt" "$src/cmd/relay-c/main.go"
repo=$T/repo
build_repo "$src" "$repo"
git -C "$repo" tag base
# After base: a new relay (new), api turns data path (changed role), relay-a is edited
# but keeps its role (unchanged), relay-c is untouched (unchanged).
mkdir "$repo/cmd/relay-b"
cp "$AL_FIXTURES/hostile/relay.go.txt" "$repo/cmd/relay-b/main.go"
sed -i 's|archlint:role control-plane|archlint:role data-path|' "$repo/cmd/api/main.go"
printf '\n// an unrelated edit\n' >>"$repo/cmd/relay-a/main.go"
git -C "$repo" add -A && git -C "$repo" commit -qm "relay-b, api on the data path"

run_archlint 1 check "$repo"
check "without the gate: four findings" test "$(finding_lines "$T/out" | wc -l)" = 4
run_archlint 1 check "$repo" --new-from-rev base
check "new and changed components only" python3 -c '
import sys
got = [l.split(":")[0] for l in sys.stdin.read().splitlines()]
assert got == ["cmd/api/main.go", "cmd/relay-b/main.go"], got' < <(finding_lines "$T/out")
check "stderr counts the unchanged" grep -qF '2 findings (0 errors, 2 warnings, 0 notes); 2 suppressed (2 unchanged)' "$T/err"
run_archlint 1 check "$repo" --new-from-rev=base --format json -o "$T/out.json"
check "JSON: unchanged findings listed as suppressed" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["component"] for f in d["findings"]] == ["cmd/api", "cmd/relay-b"]
assert sorted(f["component"] for f in d["suppressed"]) == ["cmd/relay-a", "cmd/relay-c"]
assert all(f["suppressed"] == {"kind": "unchanged", "reason": "unchanged since base", "origin": "base"} for f in d["suppressed"])' "$T/out.json"
run_archlint 1 check "$repo" --new-from-rev base --format sarif -o "$T/out.sarif"
check "SARIF: out-of-scope findings are left out" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert [x["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for x in r] == ["cmd/api", "cmd/relay-b"]' "$T/out.sarif"
run_archlint 1 check "$repo" --new-from-rev base --format gitlab -o "$T/cq.json"
check "GitLab: two issues" python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 2' "$T/cq.json"
run_archlint 0 check "$repo" --new-from-rev HEAD
check "against itself: nothing new" test ! -s "$T/out"

# The staged snapshot is compared too (the pre-commit use).
mkdir "$repo/cmd/relay-d" && cp "$AL_FIXTURES/hostile/relay.go.txt" "$repo/cmd/relay-d/main.go"
git -C "$repo" add cmd/relay-d
run_archlint 1 check "$repo" --staged --new-from-rev HEAD
check "staged: only the staged new relay" python3 -c '
import sys
got = [l.split(":")[0] for l in sys.stdin.read().splitlines()]
assert got == ["cmd/relay-d/main.go"], got' < <(finding_lines "$T/out")
git -C "$repo" rm -rqf --cached cmd/relay-d && rm -rf "$repo/cmd/relay-d"

# Missing bases: a clear error (exit 2), in a full and in a shallow clone.
run_archlint 2 check "$repo" --new-from-rev no-such-rev
check "unknown revision" grep -qF "archlint: --new-from-rev 'no-such-rev': no such revision in this repository" "$T/err"
git clone -q --depth 1 "file://$repo" "$T/shallow"
run_archlint 2 check "$T/shallow" --new-from-rev base
check "shallow: says how to fetch the base" grep -qF "archlint: --new-from-rev 'base': this is a shallow clone without that revision; fetch the base first (e.g. git fetch --depth=1 origin base)" "$T/err"
git -C "$T/shallow" fetch -q --depth=1 origin tag base
check "the shallow clone is still shallow" test -f "$T/shallow/.git/shallow"
run_archlint 1 check "$T/shallow" --new-from-rev base
check "shallow with the base fetched: same verdict" python3 -c '
import sys
got = [l.split(":")[0] for l in sys.stdin.read().splitlines()]
assert got == ["cmd/api/main.go", "cmd/relay-b/main.go"], got' < <(finding_lines "$T/out")

finish
