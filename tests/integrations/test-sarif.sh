#!/usr/bin/env bash
# test-sarif.sh: `archlint check --format sarif` on a repository with hostile path names
# is accepted by the Microsoft SARIF Multitool (rule kinds Sarif and Gh, as GitHub code
# scanning validates) and by the official SARIF 2.1.0 JSON schema, and says what the
# findings say: rule index, level, percent-encoded relative URIs that decode to the real
# path bytes, evidence as related locations, the component as a logical location, and
# fingerprints that do not move when lines do.
. "$(dirname "$0")/lib.sh"
need node python3 git
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
MULTITOOL=$AL_TOOLS/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

# multitool_findings SARIF OUT: runs `validate` and writes "RULE LEVEL where" lines of
# every error and warning to OUT. The Multitool exits 0 even on errors: its own SARIF
# log is what says.
multitool_findings() {
	rm -f "$T/validation.sarif"
	"$MULTITOOL" validate --rule-kind "Sarif;Gh" --level "Error;Warning" \
		-o "$T/validation.sarif" "$1" >"$T/multitool.log" 2>&1 || true
	python3 - "$T/validation.sarif" >"$2" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
runs = log["runs"]
assert runs and runs[0]["tool"]["driver"]["name"].lower().startswith("sarif"), "not a Multitool log"
for run in runs:
    for note in (run.get("invocations") or [{}])[0].get("toolExecutionNotifications", []):
        if note.get("level") == "error":
            print("TOOL-ERROR error", note["message"].get("text"))
    for r in run.get("results", []):
        args = r.get("message", {}).get("arguments", [])
        print(r["ruleId"], r.get("level", "warning"), args[0] if args else "")
EOF
}

repo=$T/repo
hostile_repo "$repo"
run_archlint 1 check "$repo" --format sarif -o "$T/out.sarif"
run_archlint 1 check "$repo" --format json -o "$T/out.json"

# The real validator. SARIF2005 (driver.informationUri) is the one accepted warning:
# archlint has no public home page to point to.
multitool_findings "$T/out.sarif" "$T/mt.txt"
if grep -v '^SARIF2005 ' "$T/mt.txt" | grep -q .; then
	fail "SARIF Multitool reports errors or warnings"
	sed 's/^/    /' "$T/mt.txt"
	sed -n '1,30s/^/    /p' "$T/multitool.log"
else
	pass
fi

# Negative control: the same validator must reject a result whose location is an
# absolute path and whose message is empty (GitHub would refuse it).
python3 - "$T/out.sarif" "$T/broken.sarif" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
r = d["runs"][0]["results"][0]
r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "file:///abs/path/main.go"
del r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
r["message"] = {}
json.dump(d, open(sys.argv[2], "w"))
EOF
multitool_findings "$T/broken.sarif" "$T/mt-broken.txt"
check "the Multitool flags a broken log (negative control)" grep -q ' error ' "$T/mt-broken.txt"

check "valid against the SARIF 2.1.0 schema" validate_json "$AL_SCHEMAS/sarif-schema-2.1.0.json" "$T/out.sarif"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["runs"][0]["results"][0]["level"]="fatal"; json.dump(d,open(sys.argv[2],"w"))' \
	"$T/out.sarif" "$T/bad-level.sarif"
if validate_json "$AL_SCHEMAS/sarif-schema-2.1.0.json" "$T/bad-level.sarif" >/dev/null 2>&1; then
	fail "the schema check accepts level 'fatal' (negative control)"
else
	pass
fi

# What the log says, against the JSON contract and the repository's real path bytes.
git -C "$repo" ls-files -z -- 'cmd/*/main.go' >"$T/paths.z"
check "results match the findings" python3 - "$T/out.sarif" "$T/out.json" "$T/paths.z" <<'EOF'
import json, sys, urllib.parse
sarif = json.load(open(sys.argv[1]))
contract = json.load(open(sys.argv[2]))
paths = set(p for p in open(sys.argv[3], "rb").read().split(b"\0") if p and p != b"cmd/api/main.go")
assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
run = sarif["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert [r["id"] for r in rules][:4] == ["AL001", "AL002", "AL003", "AL004"], rules
for r in rules:
    for k in ("shortDescription", "fullDescription", "help"):
        assert r[k]["text"].strip(), (r["id"], k)
    assert r["help"]["markdown"].strip() and r["defaultConfiguration"]["level"] in ("error", "warning", "note", "none")
results = run["results"]
findings = contract["findings"]
assert len(results) == len(findings) == len(paths) == 10, (len(results), len(findings), len(paths))
seen = set()
for res, f in zip(results, findings):
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f["rule"] == "AL001"
    assert res["level"] == "warning" and res["message"]["text"].startswith(f["message"])
    loc = res["locations"][0]
    art = loc["physicalLocation"]["artifactLocation"]
    assert art["uriBaseId"] == "%SRCROOT%"
    uri = art["uri"]
    assert all(c.isalnum() and c.isascii() or c in "-._~/%" for c in uri), uri
    raw = urllib.parse.unquote_to_bytes(uri)
    assert raw in paths, (uri, raw)
    seen.add(raw)
    assert loc["physicalLocation"]["region"]["startLine"] == f["line"] >= 1
    ll = loc["logicalLocations"][0]
    assert ll["fullyQualifiedName"] == f["component"] and ll["kind"] == "module"
    assert res["partialFingerprints"]["archlintFinding/v1"] == f["fingerprint"]
    rel = res.get("relatedLocations", [])
    assert rel and all(r["physicalLocation"]["region"]["startLine"] >= 1 and r["message"]["text"] for r in rel)
    assert "suppressions" not in res
assert seen == paths
EOF

# Deterministic, and fingerprints survive unrelated line moves.
run_archlint 1 check "$repo" --format sarif -o "$T/again.sarif"
check "two runs give byte-identical SARIF" cmp "$T/out.sarif" "$T/again.sarif"
for f in "$repo"/cmd/*/main.go; do
	{ printf '// moved\n// down\n\n'; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
done
git -C "$repo" add -A && git -C "$repo" commit -qm "move every line down"
run_archlint 1 check "$repo" --format sarif -o "$T/moved.sarif"
check "fingerprints stay when lines move" python3 - "$T/out.sarif" "$T/moved.sarif" <<'EOF'
import json, sys
a, b = (json.load(open(p))["runs"][0]["results"] for p in sys.argv[1:3])
fa = [r["partialFingerprints"] for r in a]
fb = [r["partialFingerprints"] for r in b]
assert fa == fb, "fingerprints changed"
la = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in a]
lb = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in b]
assert all(y == x + 3 for x, y in zip(la, lb)), (la, lb)
EOF

finish
