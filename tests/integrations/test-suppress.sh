#!/usr/bin/env bash
# test-suppress.sh: waivers in .archlint.json and //archlint:ignore in a component's entry
# file (tests/fixtures/suppress). Accepted findings leave the gate and the open-finding
# formats, stay in JSON ("suppressed") and SARIF (suppressions, still valid for the
# Multitool), and are counted on stderr; expired waivers, waivers matching nothing and
# directives without a reason are notices; directives in another file, in prose or in a
# string accept nothing; malformed waivers are configuration errors naming file and line.
. "$(dirname "$0")/lib.sh"
need node python3 git xmllint
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
MULTITOOL=$AL_TOOLS/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

repo=$T/repo
build_repo "$AL_FIXTURES/suppress" "$repo"
open_ids='cmd/relay-expired cmd/relay-no-reason cmd/relay-other-file cmd/relay-string'

run_archlint 1 check "$repo"
check "text: only the four open findings, each under its component" python3 - "$T/out" "$open_ids" <<'EOF'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
want = sys.argv[2].split()
findings = [l for l in lines if re.search(r":\d+: (error|warning|note): ", l)]
heads = [l.split(" (")[0] for l in lines if l and l not in findings]
assert heads == want and len(findings) == 4, (heads, findings, want)
assert all(f.startswith(h + "/main.go:") for h, f in zip(heads, findings)), lines
EOF
check "stderr counts what is hidden" grep -qF '4 findings (0 errors, 4 warnings, 0 notes); 3 suppressed (2 inline, 1 waiver)' "$T/err"
check "an expired waiver says so, with its line" grep -qF "archlint: notice: .archlint.json:9: the waiver of AL001 for 'cmd/relay-expired' expired on 2000-01-31: its finding is reported again" "$T/err"
check "a waiver of a component that does not exist says so" grep -qF "archlint: notice: .archlint.json:15: the waiver of AL001 names 'cmd/retired', which matches no component: remove it" "$T/err"
check "a directive without reason says so" grep -qF "archlint: notice: cmd/relay-no-reason/main.go:4: //archlint:ignore needs a reason" "$T/err"
check "no notice for prose, strings or block comments" python3 -c '
import sys
err = open(sys.argv[1]).read()
assert "relay-string" not in err and "relay-other-file" not in err and "AL004" not in err, err' "$T/err"

# Accepted findings never gate, whatever --fail-on says.
"$ARCHLINT" check "$repo" --fail-on note --format json -o "$T/out.json" 2>/dev/null && got=0 || got=$?
[ "$got" = 1 ] && pass || fail "--fail-on note: exit $got"
check "JSON: open findings and a suppressed list with kind, reason and origin" python3 - "$T/out.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["component"] for f in d["findings"]] == ["cmd/relay-expired", "cmd/relay-no-reason", "cmd/relay-other-file", "cmd/relay-string"]
s = {f["component"]: f["suppressed"] for f in d["suppressed"]}
assert set(s) == {"cmd/relay-inline", "cmd/relay-waived", "crates/ctl"}, s
assert s["cmd/relay-inline"] == {"kind": "inline", "reason": "moving to the Rust relay in PLAT-12; this one is retired by June", "origin": "cmd/relay-inline/main.go:4"}, s
assert s["crates/ctl"]["kind"] == "inline" and s["crates/ctl"]["origin"] == "crates/ctl/src/main.rs:2"
assert s["cmd/relay-waived"] == {"kind": "waiver", "reason": "batch relay, throughput-insensitive; rewrite not worth it before the 2030 re-platform", "origin": ".archlint.json:3"}, s
EOF

# Only findings with no suppression at all fail: once all four are accepted, exit 0.
cp -r "$repo" "$T/all"
python3 - "$T/all/.archlint.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for c in ("cmd/relay-expired", "cmd/relay-no-reason", "cmd/relay-other-file", "cmd/relay-string"):
    d["waivers"].append({"component": c, "rule": "AL001", "reason": "test", "expires": "2999-01-01"})
json.dump(d, open(sys.argv[1], "w"), indent=2)
EOF
run_archlint 0 check "$T/all" --worktree

# SARIF: suppressions, and the Multitool still finds no error in the log.
run_archlint 1 check "$repo" --format sarif -o "$T/out.sarif"
check "SARIF: suppressions on accepted results only" python3 - "$T/out.sarif" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
by = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r for r in results}
assert len(results) == 7, len(results)
for c, kind in (("cmd/relay-inline", "inSource"), ("crates/ctl", "inSource"), ("cmd/relay-waived", "external")):
    s = by[c]["suppressions"]
    assert len(s) == 1 and s[0]["kind"] == kind and s[0]["status"] == "accepted" and s[0]["justification"], s
for c in ("cmd/relay-expired", "cmd/relay-no-reason", "cmd/relay-other-file", "cmd/relay-string"):
    assert "suppressions" not in by[c], c
EOF
"$MULTITOOL" validate --rule-kind "Sarif;Gh" --level "Error;Warning" -o "$T/val.sarif" "$T/out.sarif" >/dev/null 2>&1 || true
check "SARIF with suppressions passes the Multitool" python3 -c '
import json, sys
bad = [r["ruleId"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"] if r["ruleId"] != "SARIF2005"]
assert not bad, bad' "$T/val.sarif"
check "SARIF with suppressions is schema-valid" validate_json "$AL_SCHEMAS/sarif-schema-2.1.0.json" "$T/out.sarif"

# The open-finding formats leave accepted findings out.
run_archlint 1 check "$repo" --format gitlab -o "$T/cq.json"
check "GitLab: four issues" python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 4' "$T/cq.json"
run_archlint 1 check "$repo" --format github -o "$T/gh.log"
check "GitHub: four annotations" test "$(grep -c '^::warning file=' "$T/gh.log")" = 4
run_archlint 1 check "$repo" --format junit -o "$T/junit.xml"
check "JUnit: valid" xmllint --noout --schema "$AL_SCHEMAS/junit-10.xsd" "$T/junit.xml"
check "JUnit: four failures, accepted ones in system-out" python3 - "$T/junit.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot().find("testsuite")
assert suite.get("failures") == "4" and suite.get("tests") == "8", suite.attrib
case = {c.get("name"): c for c in suite.findall("testcase")}
assert case["cmd/relay-waived"].find("failure") is None
assert "waiver" in case["cmd/relay-waived"].find("system-out").text
assert case["cmd/relay-string"].find("failure") is not None
EOF

# Expiry is inclusive, in UTC; SOURCE_DATE_EPOCH fixes "today" for reproducible runs.
cp -r "$repo" "$T/day"
sed -i 's/"2999-12-31"/"2030-06-15"/' "$T/day/.archlint.json"
SOURCE_DATE_EPOCH=$(date -u -d '2030-06-15 23:59:59' +%s) run_archlint 1 check "$T/day" --worktree
check "a waiver holds through its expiry day" grep -qF '1 waiver)' "$T/err"
SOURCE_DATE_EPOCH=$(date -u -d '2030-06-16 00:00:00' +%s) run_archlint 1 check "$T/day" --worktree
check "and not a day longer" grep -qF "the waiver of AL001 for 'cmd/relay-waived' expired on 2030-06-15" "$T/err"

# Malformed waivers: configuration errors (exit 2) naming the file and the waiver's line.
bad_config() { # bad_config EXPECTED_MESSAGE JSON
	printf '%s\n' "$2" >"$T/bad.json"
	run_archlint 2 check "$repo" --config "$T/bad.json" || return 0
	check "malformed waiver: $1" grep -qF "archlint: $T/bad.json:$1" "$T/err"
}
bad_config '1: "waivers" must be an array' '{"waivers": {"component": "cmd/api"}}'
bad_config '3: a waiver needs "reason"' '{ "waivers": [
  { "component": "cmd/relay-waived", "rule": "AL001", "reason": "ok", "expires": "2999-01-01" },
  { "component": "cmd/relay-waived", "rule": "AL001", "expires": "2999-01-01" } ] }'
bad_config '2: a waiver needs "expires"' '{ "waivers": [
  { "component": "cmd/relay-waived", "rule": "AL001", "reason": "no expiry" } ] }'
bad_config '2: a waiver needs "reason"' '{ "waivers": [
  { "component": "cmd/x", "rule": "AL001", "reason": "   ", "expires": "2999-01-01" } ] }'
bad_config "2: waiver \"expires\" must be a date YYYY-MM-DD, not '2025-02-29'" '{ "waivers": [
  { "component": "cmd/x", "rule": "AL001", "reason": "r", "expires": "2025-02-29" } ] }'
bad_config '2: unknown key "owner" in a waiver' '{ "waivers": [
  { "component": "cmd/x", "rule": "AL001", "reason": "r", "expires": "2999-01-01", "owner": "me" } ] }'
bad_config '2: waiver for unknown rule id "AL999"' '{ "waivers": [
  { "component": "cmd/x", "rule": "AL999", "reason": "r", "expires": "2999-01-01" } ] }'

finish
