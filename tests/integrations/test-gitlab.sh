#!/usr/bin/env bash
# test-gitlab.sh: `archlint check --format gitlab` is a GitLab Code Quality report: every
# item valid against GitLab's own item schema (app/validators/json_schemas/codeclimate.json)
# and the whole array against the documented, stricter report shape (check_name,
# location.path relative, a line, a known severity, unique fingerprints), with hostile path
# names; fingerprints unique and stable across line moves; an empty report is "[]".
. "$(dirname "$0")/lib.sh"
need node python3 git

repo=$T/repo
hostile_repo "$repo"
run_archlint 1 check "$repo" --format gitlab -o "$T/cq.json"
run_archlint 1 check "$repo" --format json -o "$T/out.json"
check "each item valid against GitLab's item schema" \
	validate_json "$AL_SCHEMAS/gitlab-codeclimate-item.json" "$T/cq.json" --each
check "the report valid against the strict report schema" \
	validate_json "$AL_SCHEMAS/gitlab-codequality-report.strict.json" "$T/cq.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d[0]["fingerprint"]; json.dump(d,open(sys.argv[2],"w"))' "$T/cq.json" "$T/bad.json"
if validate_json "$AL_SCHEMAS/gitlab-codeclimate-item.json" "$T/bad.json" --each >/dev/null 2>&1; then
	fail "the item schema accepts an issue without fingerprint (negative control)"
else
	pass
fi
check "issues match the findings" python3 - "$T/cq.json" "$T/out.json" <<'PY'
import json, sys
cq, contract = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
findings = contract["findings"]
assert isinstance(cq, list) and len(cq) == len(findings) == 10, len(cq)
assert len({i["fingerprint"] for i in cq}) == len(cq), "fingerprints not unique"
for i, f in zip(cq, findings):
    assert i["type"] == "issue" and i["check_name"] == f["rule"] == "AL001"
    assert i["description"] == f["message"] and i["severity"] == "major"
    assert i["fingerprint"] == f["fingerprint"]
    assert i["location"]["path"] == f["path"] and i["location"]["lines"]["begin"] == f["line"]
    assert i["content"]["body"]
PY

# Stable fingerprints: move every line of every entry file down.
for f in "$repo"/cmd/*/main.go; do
	{ printf '\n\n'; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
done
git -C "$repo" add -A && git -C "$repo" commit -qm "move lines"
run_archlint 1 check "$repo" --format gitlab -o "$T/moved.json"
check "fingerprints stay when lines move" python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [i["fingerprint"] for i in a] == [i["fingerprint"] for i in b]
assert [i["location"]["lines"]["begin"] + 2 for i in a] == [i["location"]["lines"]["begin"] for i in b]
' "$T/cq.json" "$T/moved.json"

# No findings: an empty array, still a valid report.
build_repo - "$T/empty"
run_archlint 0 check "$T/empty" --format gitlab -o "$T/empty.json"
check "no findings: []" python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' "$T/empty.json"
check "the empty report is valid" validate_json "$AL_SCHEMAS/gitlab-codequality-report.strict.json" "$T/empty.json"

finish
