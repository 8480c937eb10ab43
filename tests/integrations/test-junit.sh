#!/usr/bin/env bash
# test-junit.sh: `archlint check --format junit` is valid against the common JUnit XSD
# (xmllint --schema), with hostile path names: one test case per component named by its
# id (characters XML cannot carry become U+FFFD, newlines and tabs survive as character
# references), one failure per finding, counts that add up.
. "$(dirname "$0")/lib.sh"
need xmllint python3 git

repo=$T/repo
hostile_repo "$repo"
run_archlint 1 check "$repo" --format junit -o "$T/junit.xml"
run_archlint 1 check "$repo" --format json -o "$T/out.json"
check "valid against junit-10.xsd" xmllint --noout --schema "$AL_SCHEMAS/junit-10.xsd" "$T/junit.xml"
sed 's/<testcase name="[^"]*"/<testcase/' "$T/junit.xml" >"$T/bad.xml"
if xmllint --noout --schema "$AL_SCHEMAS/junit-10.xsd" "$T/bad.xml" >/dev/null 2>&1; then
	fail "xmllint accepts test cases without a name (negative control)"
else
	pass
fi
check "test cases and failures match the components and findings" python3 - "$T/junit.xml" "$T/out.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
root, contract = ET.parse(sys.argv[1]).getroot(), json.load(open(sys.argv[2]))
def xml_text(s):  # what XML 1.0 can carry of a (valid UTF-8) string
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c for c in s)
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert len(suites) == 1
cases = suites[0].findall("testcase")
comps = contract["components"]
assert len(cases) == len(comps) == 11, (len(cases), len(comps))
by_comp = {}
for f in contract["findings"]:
    by_comp.setdefault(f["component"], []).append(f)
failed = 0
for case, comp in zip(cases, comps):
    assert case.get("name") == xml_text(comp["id"]), (case.get("name"), comp["id"])
    assert case.get("classname") == "archlint." + comp["language"]
    fails = case.findall("failure")
    want = by_comp.get(comp["id"], [])
    assert len(fails) == len(want), (comp["id"], len(fails), len(want))
    for fe, f in zip(fails, want):
        assert fe.get("type") == f["rule"] and fe.get("message") == xml_text(f["message"])
        assert fe.text.startswith(xml_text("%s:%d: warning: " % (f["path"], f["line"])))
    failed += bool(fails)
for el in (root, suites[0]):
    assert el.get("tests") == str(len(comps)) and el.get("failures") == str(failed) == "10", el.attrib
PY
run_archlint 1 check "$repo" --format junit -o "$T/again.xml"
check "deterministic" cmp "$T/junit.xml" "$T/again.xml"

finish
