#!/usr/bin/env bash
# test-github.sh: `archlint check --format github` on a repository with hostile path
# names. Its stdout is read the way the Actions runner reads a step's log (a line that is
# a workflow command after trimming starts with "::"; properties and data unescaped as the
# runner does): exactly the expected annotations, nothing injected, file and message
# round-trip, at most 10 annotations of a kind with the rest summarised. The job summary
# is appended to $GITHUB_STEP_SUMMARY and rendered with cmark-gfm (GitHub's Markdown
# renderer): one table row per finding, no markup from the repository.
. "$(dirname "$0")/lib.sh"
need python3 git cmark-gfm

# runner.py LOG JSON WANT_ANNOTATIONS: checks a log against the JSON contract.
cat >"$T/runner.py" <<'EOF'
import json, sys
log, contract, want = open(sys.argv[1], "rb").read(), json.load(open(sys.argv[2])), int(sys.argv[3])
text = log.decode("utf-8")  # must be valid UTF-8: the runner reads UTF-8
UNSAFE = lambda cp: (cp < 0x20 and cp not in (9, 10, 13)) or 0x7f <= cp < 0xa0 or 0x202a <= cp <= 0x202e \
    or 0x2066 <= cp <= 0x2069 or cp in (0x200e, 0x200f, 0x61c)
def shown(s):  # what archlint promises to show of a repository string
    return "".join("\ufffd" if UNSAFE(ord(c)) else c for c in s)
def unescape_property(s):  # actions/runner ActionCommand.UnescapeProperty
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
def unescape_data(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
commands = []
for line in text.split("\n")[:-1]:
    assert "\r" not in line, "raw CR in the log: %r" % line
    assert all(not UNSAFE(ord(c)) for c in line if c != "\t"), repr(line)
    t = line.strip()
    if not t.startswith("::"):
        assert line.startswith("archlint: "), "a plain line that is not archlint's: %r" % line
        continue
    end = t.index("::", 2)  # the runner: command and properties end at the next "::"
    head, data = t[2:end], t[end + 2:]
    name, _, props = head.partition(" ")
    assert name in ("error", "warning", "notice"), "unexpected command %r in %r" % (name, line)
    p = {}
    for kv in props.split(","):
        if kv:
            k, _, v = kv.partition("=")
            p[k] = unescape_property(v)
    commands.append((name, p, unescape_data(data)))
findings = [f for f in contract["findings"]]
annotated = [c for c in commands if "file" in c[1]]
summary = [c for c in commands if "file" not in c[1]]
assert len(annotated) == want, (len(annotated), want)
levels = {"error": "error", "warning": "warning", "note": "notice"}
for (name, p, data), f in zip(annotated, findings):
    assert name == levels[f["level"]]
    assert p["file"] == shown(f["path"]), (p["file"], f["path"])
    assert p["line"] == str(f["line"])
    assert p["title"].startswith("archlint " + f["rule"] + ": ")
    assert data == shown(f["message"]), (data, f["message"])
per_kind = {}
for name, p, data in commands:
    per_kind[name] = per_kind.get(name, 0) + 1
assert all(n <= 10 for n in per_kind.values()), per_kind
hidden = len(findings) - len(annotated)
if hidden:
    assert len(summary) == 1 and ("%d more" % hidden) in summary[0][2], summary
    plain = [l for l in text.split("\n") if l.startswith("archlint: ") and ": warning: " in l]
    assert len(plain) == hidden, (len(plain), hidden)
else:
    assert not summary, summary
assert text.split("\n")[-2].startswith("archlint: %d components; %d findings" % (len(contract["components"]), len(findings)))
EOF

# render.py SUMMARY.html JSON PREFIX: the rendered job summary against the contract.
cat >"$T/render.py" <<'EOF'
import html.parser, json, sys
page, contract = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2]))
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.rows = []; self.cell = None
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr": self.rows.append([])
        if tag in ("td", "th"): self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th"): self.rows[-1].append(self.cell); self.cell = None
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
p = P(); p.feed(page)
allowed = {"h2", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "code", "details", "summary"}
assert set(p.tags) <= allowed, set(p.tags) - allowed
body = p.rows[1:]
findings = contract["findings"]
assert len(body) == len(findings), (len(body), len(findings))
UNSAFE = lambda cp: 0x7f <= cp < 0xa0 or 0x202a <= cp <= 0x202e or 0x2066 <= cp <= 0x2069 or cp in (0x200e, 0x200f, 0x61c)
def cell(s):  # what the summary promises to show of a repository string
    return "".join("\\x%02x" % ord(c) if ord(c) < 0x20 or ord(c) == 0x7f else "\ufffd" if UNSAFE(ord(c)) else c for c in s)
for row, f in zip(body, findings):
    assert len(row) == 5, row
    assert row[1] == f["rule"] and row[0] == f["level"]
    assert row[2] == cell(f["component"]), (row[2], f["component"])
    assert row[3] == "%s:%d" % (cell(f["path"]), f["line"]), (row[3], f["path"])
    assert row[4] == cell(f["message"]), (row[4], f["message"])
EOF

repo=$T/repo
hostile_repo "$repo"
run_archlint 1 check "$repo" --format json -o "$T/out.json"
run_archlint 1 check "$repo" --format github
check "the runner reads exactly the 10 findings as annotations" python3 "$T/runner.py" "$T/out" "$T/out.json" 10

# Past the per-step cap: 9 annotations, one that says how many more, plain lines for the rest.
big=$T/big
hostile_repo "$big" 12
run_archlint 1 check "$big" --format json -o "$T/big.json"
printf '## an earlier step\n\n' >"$T/summary.md"
GITHUB_STEP_SUMMARY=$T/summary.md run_archlint 1 check "$big" --format github -o "$T/big.log"
check "22 findings: 9 annotations, a summary annotation, 13 log lines" python3 "$T/runner.py" "$T/big.log" "$T/big.json" 9
check "the job summary is appended, not overwritten" grep -q '^## an earlier step' "$T/summary.md"
check "the job summary counts the findings" grep -q '^\*\*22 findings\*\* (0 errors, 22 warnings, 0 notes) in 23 components' "$T/summary.md"
cmark-gfm -e table -e autolink -e strikethrough --unsafe "$T/summary.md" >"$T/summary.html"
check "the rendered summary has one row per finding and no markup from the repository" \
	python3 "$T/render.py" "$T/summary.html" "$T/big.json"

# An unwritable summary file is an error (exit 2), not a silent loss.
GITHUB_STEP_SUMMARY=$T/no/such/dir/summary.md run_archlint 2 check "$big" --format github -o "$T/x.log"
check "the error names GITHUB_STEP_SUMMARY" grep -q 'GITHUB_STEP_SUMMARY' "$T/err"

finish
