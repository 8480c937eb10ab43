#!/usr/bin/env python3
"""Tests of `archlint report` on real git repositories built by the test.

    report_tests.py CHECK ARCHLINT_BINARY

CHECK is one of: sizes, formats, changes, escaping, comment, owners, browser, mermaid. Each builds its repositories
with tests/e2e/build-fixture-repo.sh (from tests/fixtures, or from the tree that
make-hostile-tree.sh writes) in a private temporary directory, runs the archlint binary
and checks what it wrote. Exit status: 0 pass, 1 fail, 77 skipped (a tool is missing).

Sizes are checked against counts this test makes itself from `git ls-files` and the
files' bytes (what `wc -l` counts, plus a last line without a newline), never against
archlint's own code.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
E2E = os.path.join(TESTS, "e2e")
FIXTURES = os.path.join(TESTS, "fixtures")
SKIP = 77

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


class Env:
    """A scratch directory and an environment without the caller's git or archlint
    settings (a test run from a git hook has GIT_DIR and friends set)."""

    def __init__(self, archlint):
        self.archlint = os.path.abspath(archlint)
        self.tmp = tempfile.mkdtemp(prefix="archlint-report.")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("GIT_") and not k.startswith("ARCHLINT_")}
        env.update(HOME=os.path.join(self.tmp, "home"), XDG_CACHE_HOME=os.path.join(self.tmp, "cache"),
                   XDG_CONFIG_HOME=os.path.join(self.tmp, "home", ".config"),
                   GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C", TZ="UTC",
                   NO_COLOR="1")
        os.makedirs(env["HOME"])
        self.env = env

    def close(self):
        if os.environ.get("KEEP_TMP") == "1":
            print("keeping " + self.tmp)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def build(self, fixture, name, *options):
        out = self.path(name)
        r = subprocess.run(["bash", os.path.join(E2E, "build-fixture-repo.sh"), fixture, out, *options],
                           cwd=E2E, env=self.env, capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit("building %s failed:\n%s%s" % (name, r.stdout, r.stderr))
        return out

    def git(self, repo, *args):
        return subprocess.run(["git", "-C", repo, *args], env=self.env, capture_output=True,
                              check=True).stdout

    def run(self, *args, want=0):
        r = subprocess.run([self.archlint, *args], env=self.env, capture_output=True, cwd=self.tmp)
        check(r.returncode == want, "archlint %s: exit %d, expected %d; stderr: %s"
              % (" ".join(args), r.returncode, want, r.stderr.decode(errors="replace")[:2000]))
        return r

    def report(self, repo, *args, fmt="json"):
        r = self.run("report", repo, "--format", fmt, *args)
        return json.loads(r.stdout) if fmt == "json" else r.stdout


def polyglot_history(env):
    return env.build(os.path.join(FIXTURES, "polyglot"), "polyglot",
                     "--commit-without", "crates,fuzz,Cargo.toml,cmd/gen-docs",
                     "--commit-without", "crates/kv-admin,cmd/gen-docs")


SUBJECT = "<script>alert('subject')</script> @alice |x| `y` [z](javascript:q) *b* _i_ ~s~ &amp;"


def hostile(env):
    src = env.path("hostile-src")
    subprocess.run(["bash", os.path.join(HERE, "make-hostile-tree.sh"), src], check=True, env=env.env)
    repo = env.build(src, "hostile", "--commit-without", "cmd")
    # A commit subject is repository-controlled too.
    env.git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q",
            "--allow-empty", "-m", SUBJECT)
    return repo


FFI_TREE = {
    "go.mod": "module example.com/hybrid\n\ngo 1.21\n",
    "cmd/control/main.go": """package main

/*
#cgo LDFLAGS: -L${SRCDIR}/../../target/release -lfastpath
#include <stdint.h>
int64_t fastpath_forward(const uint8_t *buf, int64_t len);
*/
import "C"

import (
	"net/http"

	"k8s.io/client-go/kubernetes"
)

var _ = kubernetes.NewForConfig

func main() {
	http.HandleFunc("/api/v1/routes", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", nil)
}
""",
    "Cargo.toml": '[workspace]\nmembers = ["crates/fastpath"]\nresolver = "2"\n',
    "crates/fastpath/Cargo.toml": """[package]
name = "fastpath"
version = "0.1.0"
edition = "2021"

[lib]
crate-type = ["staticlib", "rlib"]

[dependencies]
tokio = { version = "1", features = ["full"] }
bytes = "1"
""",
    "crates/fastpath/src/lib.rs": """#[no_mangle]
pub extern "C" fn fastpath_forward(buf: *const u8, len: i64) -> i64 {
    let _ = buf;
    len
}
""",
    "crates/fastpath/src/main.rs": """use tokio::io::copy_bidirectional;
use tokio::net::{TcpListener, TcpStream};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:9000").await?;
    loop {
        let (mut inbound, _) = listener.accept().await?;
        tokio::spawn(async move {
            let mut outbound = TcpStream::connect("backend:9000").await.unwrap();
            let _ = copy_bidirectional(&mut inbound, &mut outbound).await;
        });
    }
}
""",
}


def ffi_repo(env):
    """A Go control plane that links the Rust data path's library through cgo."""
    src = env.path("ffi-src")
    for rel, text in FFI_TREE.items():
        os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
        with open(os.path.join(src, rel), "w") as f:
            f.write(text)
    return env.build(src, "ffi")


# ---- sizes ------------------------------------------------------------------------------

def ls_files(repo, *pathspecs):
    out = subprocess.run(["git", "-C", repo, "ls-files", "-z", "--", *pathspecs], capture_output=True,
                         check=True).stdout
    return sorted(p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p)


def lines_of(repo, path):
    """What `wc -l` counts, plus one for a last line without a newline."""
    with open(os.path.join(os.fsencode(repo), path.encode("utf-8", "surrogateescape")), "rb") as f:
        data = f.read()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def go_files(repo, d):
    """The non-test .go files directly in d (not below it)."""
    return [p for p in ls_files(repo, ":(glob)%s/*.go" % d) if not p.endswith("_test.go")]


def rs_files(repo, d):
    return ls_files(repo, ":(glob)%s/**/*.rs" % d)


# What each polyglot component is built from, by the fixture's own description
# (tests/fixtures/README.md): Go packages by directory, Rust sources by folder.
POLYGLOT_CLOSURES = {
    "cmd/api": [("go", d) for d in ["cmd/api", "internal/config", "internal/logging",
                                     "internal/metrics", "internal/store"]],
    "cmd/edge-proxy": [("go", d) for d in ["cmd/edge-proxy", "internal/config", "internal/logging",
                                            "internal/metrics"]],
    "cmd/edge-proxy/testdata/echo-upstream": [("go", "cmd/edge-proxy/testdata/echo-upstream")],
    "cmd/gen-docs": [("go", "cmd/gen-docs")],
    "scripts/seed-db": [("go", "scripts/seed-db"), ("go", "internal/store")],
    "crates/kv-admin:kvctl": [("rs", "crates/kv-admin/src")],
    "crates/kv-server": [("rs", "crates/kv-server/src"), ("rs", "crates/storage-engine/src")],
    "fuzz:value_pointer": [("rs", "fuzz/fuzz_targets"), ("rs", "crates/storage-engine/src")],
}


def expected_files(repo, spec):
    files = []
    for kind, d in spec:
        files += go_files(repo, d) if kind == "go" else rs_files(repo, d)
    return files


def check_sizes(env):
    repo = polyglot_history(env)
    doc = env.report(repo)
    comps = {c["id"]: c for c in doc["components"]}
    check(sorted(comps) == sorted(POLYGLOT_CLOSURES), "polyglot components: %s" % sorted(comps))
    union = set()
    for cid, spec in POLYGLOT_CLOSURES.items():
        c = comps.get(cid)
        if not c:
            continue
        files = expected_files(repo, spec)
        union.update(files)
        want = {"files": len(files), "lines": sum(lines_of(repo, p) for p in files)}
        check(c["size"] == want, "%s: size %s, git ls-files + wc -l say %s" % (cid, c["size"], want))
        # Per package: the files directly in a Go package directory, or below a Cargo one.
        for d in c["closure"]:
            if c["language"] == "go":
                fs = go_files(repo, d["dir"])
            else:
                fs = [p for p in files if p.startswith(d["dir"] + "/")]
            got = (d["files"], d["lines"])
            exp = (len(fs), sum(lines_of(repo, p) for p in fs))
            check(got == exp, "%s: package %s has (files, lines) %s, expected %s" % (cid, d["dir"], got, exp))
    tot = doc["totals"]
    want = (len(union), sum(lines_of(repo, p) for p in union))
    check((tot["files"], tot["lines"]) == want, "totals %s, expected distinct files and lines %s" % (tot, want))

    # Files whose last line has no newline: every hostile command's main.go.
    repo = hostile(env)
    doc = env.report(repo)
    shared = [p for p in ls_files(repo, "internal") if p.endswith(".go")]
    mains = [p for p in ls_files(repo, "cmd") if p.endswith("/main.go")]
    check(len(shared) == 1 and len(mains) == 9, "hostile: 1 shared file and 9 mains: %s %s" % (shared, mains))
    per_main = {lines_of(repo, p) for p in mains}
    for p in mains:
        with open(os.path.join(os.fsencode(repo), p.encode("utf-8", "surrogateescape")), "rb") as f:
            check(not f.read().endswith(b"\n"), "hostile %r: no newline at the end" % p)
    check(len(per_main) == 1, "hostile mains have one length: %s" % per_main)
    want = {"files": 2, "lines": per_main.pop() + lines_of(repo, shared[0])}
    gos = [c for c in doc["components"] if c["language"] == "go"]
    check(len(gos) == 9, "hostile: 9 Go commands, found %d" % len(gos))
    for c in gos:
        check(c["size"] == want, "hostile %r: size %s, expected %s" % (c["id"], c["size"], want))


# ---- formats -----------------------------------------------------------------------------

def check_formats(env):
    repo = polyglot_history(env)
    doc = env.report(repo)
    comps = doc["components"]
    check(doc["totals"]["services"] == len(comps) == 8, "8 services")
    # The matrix counts what the components say.
    for role in ["data-path", "control-plane", "tool", "unclassified"]:
        for lang in ["go", "rust"]:
            n = sum(1 for c in comps if c["role"] == role and c["language"] == lang)
            check(doc["matrix"][role][lang] == n, "matrix %s/%s: %s, expected %d"
                  % (role, lang, doc["matrix"][role][lang], n))
    check(doc["matrix"]["total"]["total"] == 8, "matrix total")
    # The JSON of check is a part of the report's.
    chk = json.loads(env.run("check", repo, "--format", "json", "--fail-on", "never").stdout)
    for key in chk:
        if key not in ("components", "findings", "suppressed"):
            check(doc.get(key) == chk[key], "report keeps check's %r" % key)
    for key in ("findings", "suppressed"):
        for a, b in zip(doc.get(key, []), chk.get(key, [])):
            check({k: a[k] for k in b} == b, "%s %s: report keeps check's fields" % (key, b["rule"]))
    for a, b in zip(doc["components"], chk["components"]):
        check({k: a[k] for k in b} == b, "component %s: report keeps check's fields" % b["id"])
    # Links: shared in-repo packages, never the own package of both.
    links = {(l["a"], l["b"]): l["via"] for l in doc["edges"] if l["kind"] == "shared-code"}
    check(links.get(("cmd/api", "cmd/edge-proxy")) == ["internal/config", "internal/logging", "internal/metrics"],
          "api and edge-proxy share internal/config, logging, metrics: %s" % links)
    check(links.get(("crates/kv-server", "fuzz:value_pointer")) == ["crates/storage-engine"],
          "kv-server and the fuzz target share storage-engine: %s" % links)
    check(links.get(("cmd/api", "scripts/seed-db")) == ["internal/store"], "api and seed-db share internal/store")
    check(len(links) == 3, "exactly 3 links: %s" % sorted(links))
    # Findings carry the rule's rationale.
    for f in doc["findings"]:
        check(f["rationale"] and f["title"], "finding %s %s has title and rationale" % (f["rule"], f["component"]))
    check(sorted((f["rule"], f["component"]) for f in doc["findings"])
          == [("AL001", "cmd/edge-proxy"), ("AL002", "crates/kv-admin:kvctl")], "polyglot findings")
    check([r["id"] for r in doc["guideline"]][:4] == ["AL001", "AL002", "AL003", "AL004"], "guideline rules")
    check(doc["since"] is None and doc["history"] is None, "no since or history unless asked")

    # Deterministic: byte-identical across runs and --jobs.
    for fmt in ["html", "md", "json"]:
        a = env.run("report", repo, "--format", fmt, "--since", "v0.1.0", "--history", "3").stdout
        b = env.run("report", repo, "--format", fmt, "--since", "v0.1.0", "--history", "3", "--jobs", "1").stdout
        check(a == b and len(a) > 1000, "%s is deterministic across runs and --jobs" % fmt)
    html_default = env.run("report", repo).stdout
    check(html_default.startswith(b"<!DOCTYPE html>"), "html is the default format")
    out = env.path("out.md")
    r = env.run("report", repo, "--format", "md", "-o", out)
    check(r.stdout == b"" and open(out, "rb").read().startswith(b"# Architecture report"), "-o FILE")

    # Usage and repository errors: exit 2, one line naming the cause.
    for args, text in [(["--history", "0"], "--history"), (["--history", "x"], "--history"),
                       (["--since"], "--since"), (["--format", "text"], "--format takes html, md or json, not 'text'"),
                       (["--since", "no-such-rev"], "no-such-rev"), (["--bogus"], "unknown option")]:
        r = env.run("report", repo, *args, want=2)
        check(text.encode() in r.stderr, "report %s: stderr names %r: %s" % (args, text, r.stderr[:300]))
    r = env.run("report", env.path("nowhere"), want=2)
    r = env.run("report", "--help")
    check(b"--history N" in r.stdout, "report --help documents --history")
    r = env.run("--help")
    check(b"report" in r.stdout, "report is in the command table")

    # FFI: the Go control plane and the Rust data path, and where they meet.
    ffi = ffi_repo(env)
    doc = env.report(ffi)
    edges = [(e["kind"], e["a"], e["b"], e.get("library")) for e in doc["edges"]]
    check(edges == [("ffi", "cmd/control", "crates/fastpath", "fastpath")], "ffi edge: %s" % edges)
    page = env.run("report", ffi).stdout.decode()
    check(page.count('class="edge"') == 1 and 'stroke="#8250df"' in page and "stroke-dasharray" in page,
          "html map draws the FFI edge, dashed")
    check("-lfastpath" in page, "html card names the linked library")
    md = env.report(ffi, fmt="md").decode()
    check(re.search(r"^  s0 -\.- s1$", md, re.M) is not None, "md map draws the FFI edge dotted")

    # Accepted findings (tests/fixtures/suppress): a waiver with its reason and expiry, an
    # inline ignore; open ones stay open.
    sup = env.build(os.path.join(FIXTURES, "suppress"), "suppress")
    doc = env.report(sup)
    acc = {f["component"]: f["suppressed"] for f in doc.get("suppressed", [])}
    check(acc.get("cmd/relay-waived", {}).get("expires") == "2999-12-31", "waiver expiry in json: %s" % acc)
    check(acc.get("cmd/relay-inline", {}).get("kind") == "inline", "inline ignore in json")
    check(doc["totals"]["accepted"] == len(acc) and "cmd/relay-expired" not in acc,
          "the expired waiver hides nothing: %s" % sorted(acc))
    page = env.run("report", sup).stdout.decode()
    check("until 2999-12-31" in page and "<b>Accepted</b> (waiver)" in page, "html shows the waiver and its expiry")
    titles = "".join(re.findall(r"<title>[^<]*</title>", page))
    check(titles.count("(accepted)") == len(acc), "the map's node titles name the accepted findings")
    md = env.report(sup, fmt="md").decode()
    check("**Accepted** (waiver): " in md and "until 2999\\-12\\-31" not in md and "until 2999-12-31" in md,
          "md shows the waiver and its expiry")

    # An empty tree: a report with no services.
    empty = env.build("-", "empty")
    doc = env.report(empty)
    check(doc["totals"]["services"] == 0 and doc["edges"] == [], "empty repository report")
    page = env.run("report", empty).stdout
    check(b"No Go or Rust service was found" in page, "empty html says so")


# ---- changes -----------------------------------------------------------------------------

def check_changes(env):
    repo = polyglot_history(env)
    doc = env.report(repo, "--since", "v0.1.0")
    since = doc["since"]
    added = sorted(c["component"] for c in since["changes"] if c["kind"] == "added")
    check(added == ["cmd/gen-docs", "crates/kv-admin:kvctl", "crates/kv-server", "fuzz:value_pointer"],
          "new services since v0.1.0: %s" % added)
    check(all(c["kind"] == "added" for c in since["changes"]), "only additions since v0.1.0")
    check([(f["rule"], f["component"]) for f in since["findings_added"]] == [("AL002", "crates/kv-admin:kvctl")],
          "findings added since v0.1.0")
    check(since["findings_resolved"] == [], "nothing resolved since v0.1.0")
    check(since["commit"] == env.git(repo, "rev-parse", "v0.1.0^{commit}").decode().strip(), "since commit id")
    doc = env.report(repo, "--since", "HEAD")
    check(doc["since"]["changes"] == [] and doc["since"]["findings_added"] == [], "nothing changed since HEAD")

    # Staged: a new Go data-path service, and kvctl's binary deleted.
    staged = env.build(os.path.join(FIXTURES, "polyglot"), "staged", "--staged-change",
                       os.path.join(E2E, "overlays", "polyglot-staged"))
    doc = env.report(staged, "--staged", "--since", "HEAD")
    kinds = sorted((c["kind"], c["component"]) for c in doc["since"]["changes"])
    check(kinds == [("added", "cmd/stream-relay"), ("removed", "crates/kv-admin:kvctl")], "staged changes: %s" % kinds)
    check([(f["rule"], f["component"]) for f in doc["since"]["findings_added"]] == [("AL001", "cmd/stream-relay")],
          "staged: AL001 added")
    check([(f["rule"], f["component"]) for f in doc["since"]["findings_resolved"]]
          == [("AL002", "crates/kv-admin:kvctl")], "staged: AL002 resolved")

    # Work tree: edge-proxy declared control-plane: a role change, AL001 resolved.
    wt = env.build(os.path.join(FIXTURES, "polyglot"), "worktree", "--worktree-change",
                   os.path.join(E2E, "overlays", "polyglot-worktree"))
    doc = env.report(wt, "--worktree", "--since", "HEAD")
    ch = doc["since"]["changes"]
    check([(c["kind"], c["component"], c["before"]["role"], c["after"]["role"]) for c in ch]
          == [("role", "cmd/edge-proxy", "data-path", "control-plane")], "worktree role change: %s" % ch)
    check([(f["rule"], f["component"]) for f in doc["since"]["findings_resolved"]] == [("AL001", "cmd/edge-proxy")],
          "worktree: AL001 resolved")

    # A service rewritten from Go to Rust under the same id: a language change.
    base = env.path("lang-src")
    os.makedirs(os.path.join(base, "svc"))
    with open(os.path.join(base, "go.mod"), "w") as f:
        f.write("module example.com/lang\n\ngo 1.21\n")
    with open(os.path.join(base, "svc", "main.go"), "w") as f:
        f.write('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n')
    change = env.path("lang-change")
    os.makedirs(os.path.join(change, "svc", "src"))
    with open(os.path.join(change, ".overlay-delete"), "w") as f:
        f.write("svc/main.go\n")
    with open(os.path.join(change, "svc", "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "svc"\nversion = "0.1.0"\nedition = "2021"\n')
    with open(os.path.join(change, "svc", "src", "main.rs"), "w") as f:
        f.write('fn main() {\n    println!("hi");\n}\n')
    lang = env.build(base, "lang", "--staged-change", change)
    doc = env.report(lang, "--staged", "--since", "HEAD")
    ch = doc["since"]["changes"]
    check([(c["kind"], c["component"], c["before"]["language"], c["after"]["language"]) for c in ch]
          == [("language", "svc", "go", "rust")], "language change: %s" % ch)

    # History: first parent, oldest first, ends where the history does.
    doc = env.report(repo, "--history", "10")
    h = doc["history"]
    commits = env.git(repo, "rev-list", "--first-parent", "HEAD").decode().split()
    check(h["asked"] == 10 and [p["commit"] for p in h["commits"]] == commits[::-1], "history commits")
    check([p["services"] for p in h["commits"]] == [4, 6, 8], "history services: %s" % [p["services"] for p in h["commits"]])
    check([p["matrix"]["control-plane"]["rust"] for p in h["commits"]] == [0, 0, 1], "history: kvctl arrives last")
    check([p["subject"] for p in h["commits"]][-1] == "import fixture polyglot", "history subjects")
    doc = env.report(repo, "--history", "2", "--rev", "HEAD~1")
    check([p["commit"] for p in doc["history"]["commits"]] == commits[1:3][::-1], "history from --rev")
    # A shallow clone: the history ends at the graft.
    shallow = env.build(os.path.join(FIXTURES, "polyglot"), "shallow", "--shallow",
                        "--commit-without", "crates,fuzz,Cargo.toml,cmd/gen-docs")
    doc = env.report(shallow, "--history", "5")
    check(len(doc["history"]["commits"]) == 1, "shallow history has one commit")
    # A commit that cannot be scanned (a broken configuration) is a point with its error,
    # not the end of the report.
    bad = env.build(os.path.join(FIXTURES, "polyglot"), "badhist")
    with open(os.path.join(bad, ".archlint.json"), "w") as f:
        f.write('{ "rules": { "AL001": { "level": "loud" } } }\n')
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    env.git(bad, "add", ".archlint.json")
    env.git(bad, *ident, "commit", "-q", "-m", "broken config")
    env.git(bad, "rm", "-q", ".archlint.json")
    env.git(bad, *ident, "commit", "-q", "-m", "fix config")
    doc = env.report(bad, "--history", "3")
    pts = doc["history"]["commits"]
    check([p["error"] is not None for p in pts] == [False, True, False], "history marks the broken commit: %s"
          % [p["error"] for p in pts])
    check(".archlint.json" in (pts[1]["error"] or ""), "the error names the file")
    page = env.run("report", bad, "--history", "3").stdout
    check(b"not scanned: " in page, "html says the broken commit was not scanned")
    env.run("report", bad, "--since", "HEAD~1", want=2)

    md = env.report(repo, "--history", "3", "--since", "v0.2.0", fmt="md").decode()
    check("## History" in md and "## Changes since `v0.2.0`" in md and "| `crates/kv-admin:kvctl` |" in md,
          "md has the history and changes sections")


# ---- escaping ----------------------------------------------------------------------------

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "nav", "section", "footer",
                "h1", "h2", "h3", "h4", "p", "div", "span", "b", "code", "a", "ul", "li", "dl", "dt", "dd",
                "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col",
                "svg", "g", "rect", "text", "path", "polygon", "title", "a", "details", "summary"}


def map_reach(page):
    """The service cards the map reaches: a node's link to a card, or a family node's link
    to its list of members, each linking to a card. page: the html as text."""
    svg = re.search(r'<svg class="map".*?</svg>', page, re.S)
    reached = set()
    for target in re.findall(r'xlink:href="#((?:svc|fam)-[0-9]+)"', svg.group(0) if svg else ""):
        if target.startswith("svc-"):
            reached.add(target)
            continue
        members = re.search(r'<details class="members" id="%s">.*?</details>' % target, page, re.S)
        reached.update(re.findall(r'href="#(svc-[0-9]+)"', members.group(0) if members else ""))
    cards = set(re.findall(r'<section class="svc(?: clean)?" id="(svc-[0-9]+)"', page))
    return reached & cards, cards


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text, self.svg, self.in_svg = [], [], [], [], 0
        self.rows = []  # (table index, cells)
        self.tables, self._cells = 0, None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        a = dict(attrs)
        self.in_svg += tag == "svg"
        if tag == "table":
            self.tables += 1
        if tag == "tr":
            self._cells = 0
        if tag in ("td", "th") and self._cells is not None:
            self._cells += int(a.get("colspan", "1"))

    def handle_endtag(self, tag):
        self.in_svg -= tag == "svg" and self.in_svg > 0
        if tag == "tr" and self._cells is not None:
            self.rows.append((self.tables, self._cells))
            self._cells = None

    def handle_data(self, data):
        self.text.append(data)
        if self.in_svg:
            self.svg.append(data)


def parse_html(data):
    p = Page()
    p.feed(data.decode("utf-8"))
    p.close()
    p.alltext = "".join(p.text)
    p.svgtext = "".join(p.svg)
    return p


def check_table_shapes(p, what):
    width = {}
    for t, n in p.rows:
        width.setdefault(t, n)
        if width[t] != n:
            fail("%s: table %d has rows of %d and %d cells (a cell boundary leaked)" % (what, t, width[t], n))
            return


HOSTILE_NAMES = ["<script>alert(1)<", "<img src=x onerror=alert(2)>", "\"quoted\" & 'single'",
                 "[click](javascript:alert(3))", "x\"]-->evil[\"", "%%{init: {'theme':'dark'}}%%",
                 "```fence` |pipe| *bold* _u_ $x$ @alice #1", "line1\\nline2", "bad\ufffd\ufffdutf8"]


def check_escaping(env):
    repo = hostile(env)
    doc = env.report(repo, "--history", "3")
    ids = [c["id"] for c in doc["components"]]
    check(len(ids) == 10, "hostile: 10 components: %s" % ids)
    for n in HOSTILE_NAMES:
        want = "cmd/" + n.replace("\\n", "\n")
        check(want in ids, "json keeps the id %r" % want)
    check("crates/evil:</script><script>alert('bin')</script>" in ids, "json keeps the Rust bin id")
    check(len(doc["edges"]) == 36, "the 9 commands that share internal/a&b<c>'d are all linked")

    # HTML: only the elements and attributes the report writes; the names as text.
    data = env.run("report", repo, "--history", "3", "--since", "v0.1.0").stdout
    p = parse_html(data)
    bad = sorted(set(p.tags) - ALLOWED_TAGS)
    check(not bad, "html: unexpected elements %s" % bad)
    for tag, k, v in p.attrs:
        check(not k.startswith("on"), "html: event handler attribute %s on <%s>" % (k, tag))
        if k in ("href", "xlink:href"):  # the map's nodes link with xlink:href (Graphviz)
            check(re.fullmatch(r"#[a-z]+(-[0-9]+)?", v or "") is not None, "html: link %r is not in-page" % v)
        check(k not in ("src", "srcset", "action", "formaction"), "html: %s attribute" % k)
    for n in HOSTILE_NAMES:
        check(("cmd/" + n) in p.alltext, "html shows %r as text" % n)
    check(SUBJECT in p.alltext, "html shows the commit subject as text")
    check("<script>alert('why')</script>" in p.alltext, "html shows the configured signal's rationale as text")
    reached, cards = map_reach(data.decode())
    check(len(cards) == 10 and reached == cards, "html map reaches every service's card: %d of %d"
          % (len(reached), len(cards)))
    check(all(("cmd/" + n) in p.svgtext for n in HOSTILE_NAMES[:3]),
          "the map names hostile services as text (a family's title names its members)")
    check_table_shapes(p, "html")
    check(b"<script" not in data.lower(), "no <script in the raw html")
    csp = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', data)
    check(csp and b"default-src 'none'" in csp.group(1), "html has a CSP of default-src 'none'")

    # Markdown: rendered by cmark-gfm with raw HTML let through, it must hold no markup
    # the report did not write, and every table must keep its shape.
    md = env.run("report", repo, "--format", "md", "--history", "3", "--since", "v0.1.0").stdout
    text = md.decode("utf-8")
    block = re.search(r"```mermaid\n(.*?)\n```\n", text, re.S)
    if check(block, "md has a mermaid block"):
        body = block.group(1)
        check("%%" not in body and "`" not in body, "mermaid: no directive or backtick survives")
        for line in body.split("\n"):
            if re.match(r"\s+s\d+\[", line):
                check(re.fullmatch(r'    s\d+\["[^"]*"\]:::(go|rust)', line) is not None,
                      "mermaid node line is one quoted label: %r" % line)
        check(len(re.findall(r"^    s\d+\[", body, re.M)) == 10, "mermaid: one node per service")
    if shutil.which("cmark-gfm") is None:
        print("note: cmark-gfm not found: rendered Markdown not checked")
    else:
        r = subprocess.run(["cmark-gfm", "--unsafe", "--extension", "table", "--extension", "autolink",
                            "--extension", "strikethrough"], input=md, capture_output=True, check=True)
        p = parse_html(r.stdout)
        allowed = {"details", "summary", "h1", "h2", "h3", "h4", "p", "code", "pre", "strong", "em", "table", "thead", "tbody", "tr",
                   "th", "td", "ul", "li", "blockquote", "hr", "br"}
        bad = sorted(set(p.tags) - allowed)
        check(not bad, "md renders unexpected elements %s" % bad)
        check(not any(t == "a" for t in p.tags), "md renders no link")
        for n in HOSTILE_NAMES:
            check(("cmd/" + n) in p.alltext, "md shows %r as text" % n)
        check(SUBJECT.replace("@", "@\u2060") in p.alltext, "md shows the commit subject whole")
        # The findings added since v0.1.0 name every command in a table cell of prose.
        for n in HOSTILE_NAMES:
            msg = ("cmd/%s: data-path service written in Go" % n).replace("@", "@\u2060")
            check(p.alltext.count(msg) >= 2, "md shows the message about %r in the card and the table" % n)
        check_table_shapes(p, "md")


# ---- comment ----------------------------------------------------------------------------

RELAY_MAIN = """package main

import (
	"io"
	"net"
)

func main() {
	ln, _ := net.Listen("tcp", ":9000")
	for {
		c, _ := ln.Accept()
		go func() {
			up, _ := net.Dial("tcp", "backend:9000")
			go io.Copy(up, c)
			io.Copy(c, up)
		}()
	}
}
"""

API_MAIN = FFI_TREE["cmd/control/main.go"].split('/*')[0] + FFI_TREE["cmd/control/main.go"].split('*/\nimport "C"\n')[1]


def fleet_repo(env, count):
    """count services under cmd/: the first half control-plane APIs committed as v1, the
    second half data-path relays in Go (each an AL001 finding) added by the last commit."""
    src = env.path("fleet-src")
    half = count // 2
    for i in range(count):
        d = os.path.join(src, "cmd", "fleet-service-with-a-longer-name-%03d" % i)
        os.makedirs(d)
        with open(os.path.join(d, "main.go"), "w") as f:
            f.write(API_MAIN if i < half else RELAY_MAIN)
    with open(os.path.join(src, "go.mod"), "w") as f:
        f.write("module example.com/fleet\n\ngo 1.21\n")
    later = ",".join("cmd/fleet-service-with-a-longer-name-%03d" % i for i in range(half, count))
    return env.build(src, "fleet", "--commit-without", later)


def fleet_tree(env, n):
    """make-fleet-tree.py's repository of about n services (systems, a family, owners)."""
    repo = env.path("fleet-tree-%d" % n)
    subprocess.run([sys.executable, os.path.join(HERE, "make-fleet-tree.py"), repo, str(n)], check=True,
                   env=env.env)
    return repo


def check_groups(env):
    """Systems from the config's groups and Backstage's spec.system, the nearest directory
    for the rest; a family of near-identical services as one box with a count; the map of
    groups; a bad groups entry an error with file and line."""
    repo = fleet_tree(env, 40)
    doc = json.loads(env.run("check", repo, "--format", "json", "--fail-on", "never").stdout)
    systems = {c["id"]: (c["system"], c["system_from"]) for c in doc["components"]}
    check(systems["services/edge/edge-relay-001"] == ("Edge", ".archlint.json:1"),
          "a config group names the system: %s" % (systems["services/edge/edge-relay-001"],))
    billing = "services/billing/billing-relay-001"
    check(systems[billing] == ("payments-platform", billing + "/catalog-info.yaml:8"),
          "a Backstage spec.system names the system: %s" % (systems[billing],))
    check(systems["engines/engine-00"] == (None, None), "no system where none is named")

    page = env.run("report", repo).stdout.decode()
    summaries = {m.group(1): re.sub(r"<[^>]+>", "", html.unescape(m.group(2)))
                 for m in re.finditer(r'<details class="group" id="(grp-[0-9]+)"[^>]*><summary>(.*?)</summary>',
                                      page)}
    texts = sorted(summaries.values())
    check(any(t.startswith("Edge \u2014 8 services") and ".archlint.json:1" in t for t in texts),
          "the Edge group says where it is named: %s" % texts)
    check(any(t.startswith("payments-platform \u2014 7 services") for t in texts), "the Backstage system is a group")
    check(any(t.startswith("migrations \u2014 16 services (16 in 1 family") for t in texts),
          "the migrations are a group of one family: %s" % texts)
    check(any(t.startswith("services/search \u2014") for t in texts), "the nearest directory groups the rest")
    check(len(re.findall(r'<details class="group" id="grp-[0-9]+" open>', page)) ==
          sum("worst warning" in t or "worst error" in t for t in texts),
          "groups with an open warning are open, the others folded")
    family = re.search(r'<details class="members" id="fam-0">.*?</details>', page, re.S)
    check(family and len(re.findall(r'href="#svc-[0-9]+"', family.group(0))) == 16,
          "the family's list names its 16 members")
    svg = re.search(r'<svg class="map".*?</svg>', page, re.S).group(0)
    check("16 services \u00b7 Go" in html.unescape(svg) and 'xlink:href="#fam-0"' in svg,
          "the map draws the family as one box with its count, linked to its list")
    reached, cards = map_reach(page)
    check(len(cards) == 40 and reached == cards, "the map reaches all 40 cards: %d" % len(reached))
    groups = re.search(r'<svg class="groups".*?</svg>', page, re.S)
    check(groups and "Edge" in groups.group(0) and 'class="edge"' in groups.group(0),
          "the map of groups draws a use of Edge's code")
    md = env.report(repo, fmt="md").decode()
    check("`migrations/*/*` (16 near-identical services)" in md, "md lists the family as one row")

    # A system's name is the repository's text: escaped in the page, the maps and md.
    evil = "<img src=x onerror=alert(1)>&\"sys\\n"
    with open(os.path.join(repo, "services/search/search-relay-001/catalog-info.yaml"), "w") as f:
        f.write("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: search-relay-001\n"
                "spec:\n  system: '%s'\n" % evil)
    data = env.run("report", repo, "--worktree").stdout
    p = parse_html(data)
    shown = evil.replace("\\", "\\\\")  # names are shown with their backslashes doubled
    check("img" not in p.tags and shown in p.alltext, "a hostile system name is text in the page")
    check(evil.split("\\")[0] in p.svgtext, "and in the maps")
    md = cmark(env.report(repo, "--worktree", "--max-chars", "0", fmt="md"))
    check("img" not in md.tags and shown in md.alltext, "a hostile system name is text in md, not markup")

    with open(os.path.join(repo, ".archlint.json"), "w") as f:
        f.write('{\n  "groups": {\n    "services/edge": 3\n  }\n}\n')
    r = env.run("report", repo, "--worktree", want=2)
    check(b".archlint.json:3: group \"services/edge\" must name its system" in r.stderr,
          "a group that names no system is an error with file and line: %s" % r.stderr)


def cmark(md):
    r = subprocess.run(["cmark-gfm", "--unsafe", "--extension", "table", "--extension", "autolink",
                        "--extension", "strikethrough"], input=md, capture_output=True, check=True)
    return parse_html(r.stdout)


def check_comment(env):
    """report --format md --since on 300 services: a comment within the limit, the changes
    and open findings first, the rest folded, a note on what was left out."""
    repo = fleet_repo(env, 300)
    whole = env.report(repo, "--since", "v0.1.0", "--max-chars", "0", fmt="md")
    check(len(whole) > 200000, "the uncut comment is long enough to need cutting: %d bytes" % len(whole))
    md = env.report(repo, "--since", "v0.1.0", fmt="md")
    check(len(md) <= 60000, "the comment holds at most 60,000 bytes: %d" % len(md))
    text = md.decode("utf-8")
    order = [text.find(h) for h in ("## Changes since", "### New services (150)", "### Findings added (150)",
                                    "## Open before this change (0)",
                                    "<details><summary>", "## Services", "---\n*Written by archlint")]
    check(all(i >= 0 for i in order) and order == sorted(order),
          "changes, findings, the fold, the rest, the footer in that order: %s" % order)
    note = re.search(r"^> \*\*Cut to 60000 characters\*\* to fit a comment: left out (is|are) (.*)\. ", text, re.M)
    if check(note, "a line says what was left out"):
        cards = len(re.findall(r"^### `cmd/", text, re.M))
        left = "all 300" if cards == 0 else "%d of 300" % (300 - cards)
        check(left + " service sections" in note.group(2),
              "the note counts the %d service sections left out: %r" % (300 - cards, note.group(2)))
        check(text.find(note.group(0)) < order[0], "the note comes before the changes")
    added = re.findall(r"^\| `cmd/fleet-service-with-a-longer-name-(\d+)` \| Go, data-path \|$", text, re.M)
    check(len(added) == 150, "every added service is listed before anything else is cut: %d" % len(added))
    check(text.count("```") % 2 == 0, "the comment closes every code fence")
    small = env.report(repo, "--since", "v0.1.0", "--max-chars", "8000", fmt="md")
    check(len(small) <= 8000, "--max-chars 8000 holds: %d" % len(small))
    st = small.decode("utf-8")
    rows = re.search(r"left out (?:is|are) .*?(\d+) rows of the changes", st)
    shown = len(re.findall(r"^\| (?:`cmd/|\S+ warning \| `AL001`)", st, re.M))
    check(rows and int(rows.group(1)) + shown == 300, "cut rows of the changes are counted: %s + %d shown"
          % (rows and rows.group(1), shown))
    check(st.count("```") % 2 == 0, "a cut comment closes every code fence")
    r = env.run("report", repo, "--format", "html", "--max-chars", "9000", want=2)
    check(b"--max-chars applies to --format md only" in r.stderr, "--max-chars is refused for html")
    r = env.run("report", repo, "--format", "md", "--max-chars", "100", want=2)
    check(b"--max-chars takes 0 or a number from 4096" in r.stderr, "a limit too small is refused")
    if shutil.which("cmark-gfm") is None:
        print("note: cmark-gfm not found: rendered Markdown not checked")
        return 0
    p = cmark(md)
    check("details" in p.tags and "summary" in p.tags, "the rest is folded in <details>")
    for doc, what in ((md, "60000"), (small, "8000")):
        check_table_shapes(cmark(doc), "md cut to " + what)


# ---- owners and links ----------------------------------------------------------------------

CODEOWNERS = """# who reviews what
*                    @acme/platform
/cmd/                @acme/api-team alice@example.com
cmd/edge-proxy/      @acme/edge
crates/kv-server/
"""

CATALOG = """apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: gen-docs
spec:
  type: tool
  owner: group:default/docs
"""


def owned_repo(env):
    """The polyglot fixture with a CODEOWNERS file, a Backstage owner, a GitHub remote whose
    address carries a token, and four later commits that change no service."""
    repo = env.build(os.path.join(FIXTURES, "polyglot"), "owned")
    os.makedirs(os.path.join(repo, ".github"))
    with open(os.path.join(repo, ".github", "CODEOWNERS"), "w") as f:
        f.write(CODEOWNERS)
    with open(os.path.join(repo, "cmd", "gen-docs", "catalog-info.yaml"), "w") as f:
        f.write(CATALOG)
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    env.git(repo, "add", "-A")
    env.git(repo, *ident, "commit", "-q", "-m", "owners")
    for i in range(4):
        with open(os.path.join(repo, "README.md"), "a") as f:
            f.write("more words %d\n" % i)
        env.git(repo, *ident, "commit", "-q", "-am", "docs %d" % i)
    env.git(repo, "remote", "add", "origin", "https://ci-token-secret@github.com/acme/shop.git")
    return repo


def check_owners(env):
    """Owners from CODEOWNERS (git's pattern rules, the last line winning) and Backstage in
    every format; report --owner; links to the scanned commit on the forge; --history rows
    only for commits that change a count."""
    repo = owned_repo(env)
    commit = env.git(repo, "rev-parse", "HEAD").decode().strip()
    doc = json.loads(env.run("check", repo, "--format", "json", "--fail-on", "never").stdout)
    owners = {c["id"]: (c["owners"], c["owners_from"]) for c in doc["components"]}
    check(owners["cmd/api"] == (["@acme/api-team", "alice@example.com"], ".github/CODEOWNERS:3"),
          "cmd/api owned by the /cmd/ line: %s" % (owners["cmd/api"],))
    check(owners["cmd/edge-proxy"] == (["@acme/edge"], ".github/CODEOWNERS:4"), "the last matching line wins")
    check(owners["cmd/gen-docs"] == (["group:default/docs"], "cmd/gen-docs/catalog-info.yaml:7"),
          "a Backstage spec.owner: %s" % (owners["cmd/gen-docs"],))
    check(owners["crates/kv-server"] == ([], ".github/CODEOWNERS:5"), "a line without owners leaves it unowned")
    check(owners["crates/kv-admin:kvctl"][0] == ["@acme/platform"], "the catch-all line")
    sarif = json.loads(env.run("check", repo, "--format", "sarif", "--fail-on", "never").stdout)
    props = {r["properties"]["component"]: r["properties"].get("owners") for r in sarif["runs"][0]["results"]}
    check(props.get("cmd/edge-proxy") == ["@acme/edge"], "SARIF result properties carry the owners: %s" % props)
    gitlab = json.loads(env.run("check", repo, "--format", "gitlab", "--fail-on", "never").stdout)
    check(any(i.get("owners") == ["@acme/edge"] for i in gitlab), "GitLab issues carry the owners")
    junit = env.run("check", repo, "--format", "junit", "--fail-on", "never").stdout.decode()
    check("owners: @acme/edge (.github/CODEOWNERS:4)" in junit, "JUnit failures name the owners")
    text = env.run("check", repo, "--fail-on", "never").stdout.decode()
    check("cmd/edge-proxy (go, data-path, confidence" in text and "owned by @acme/edge)" in text,
          "text names the owners on the component's line")

    # The report, cut by owner.
    mine = env.report(repo, "--owner", "acme/edge")
    check([c["id"] for c in mine["components"]] == ["cmd/edge-proxy", "cmd/edge-proxy/testdata/echo-upstream"],
          "--owner keeps that owner's services: %s" % [c["id"] for c in mine["components"]])
    check([f["component"] for f in mine["findings"]] == ["cmd/edge-proxy"] and mine["totals"]["services"] == 2,
          "--owner keeps that owner's findings and totals")
    r = env.run("report", repo, "--owner", "@acme/edg", want=2)
    check(b"did you mean '@acme/edge'" in r.stderr, "an owner that owns nothing is an error with the nearest")

    # Owners and links in the page.
    page_bytes = env.run("report", repo).stdout
    page = parse_html(page_bytes)
    check("Open findings by owner" in page.alltext, "the first page has the findings by owner")
    check("@acme/edge" in page.alltext and ".github/CODEOWNERS:4" in page.alltext, "the card names owners and where")
    hrefs = [v for t, k, v in page.attrs if t == "a" and k == "href" and not v.startswith("#")]
    base = "https://github.com/acme/shop/"
    check(hrefs and all(h.startswith(base + "blob/" + commit + "/") or h.startswith(base + "tree/" + commit + "/")
                        for h in hrefs), "every outside link goes to the scanned commit on the forge: %s" % hrefs[:3])
    entry = [c for c in doc["components"] if c["id"] == "cmd/edge-proxy"][0]["entry"]
    want = "%sblob/%s/%s#L%d" % (base, commit, entry["path"], entry["line"])
    check(want in hrefs, "the entry links to its line: %s" % want)
    check(base + "tree/" + commit + "/internal/config" in hrefs, "a closure package links to its directory")
    check(b"ci-token-secret" not in page_bytes, "the remote's credentials are not in the page")
    md = env.report(repo, fmt="md").decode()
    check("](%s)" % want in md, "md links the entry too")
    check("| owner |" in md, "md findings tables have an owner column")

    # --history: rows only where a count changed.
    h = env.report(repo, "--history", "6")["history"]
    check(h["walked"] == 6, "history walked 6 commits: %s" % h["walked"])
    subjects = [p["subject"] for p in h["commits"]]
    check(subjects == ["import fixture polyglot", "docs 3"],
          "the four commits that change nothing are left out, the oldest and newest kept: %s" % subjects)
    check("the 4 that changed nothing are left out" in page_text(env, repo, "--history", "6"),
          "the history says which commits it left out")


def page_text(env, repo, *args):
    return parse_html(env.run("report", repo, *args).stdout).alltext


# ---- browser -----------------------------------------------------------------------------

def chromium_cmd():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return name
    return None


def browse(env, url, *extra):
    """Loads url in headless Chromium; returns (dom, console lines, page requests)."""
    ud = tempfile.mkdtemp(dir=env.tmp, prefix="chromium.")
    netlog = os.path.join(ud, "net.json")
    cmd = [chromium_cmd(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--user-data-dir=" + ud,
           "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
           "--log-net-log=" + netlog, *extra, url]
    r = subprocess.run(cmd, capture_output=True, env=env.env, timeout=120)
    console = [l for l in r.stderr.decode(errors="replace").splitlines() if ":CONSOLE" in l]
    requests = []
    try:
        log = json.load(open(netlog))
        start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        for e in log["events"]:
            prm = e.get("params", {})
            # Requests a page makes carry the page's (file://) network isolation key;
            # the browser's own housekeeping does not.
            if e["type"] == start and "file://" in prm.get("network_isolation_key", ""):
                if not prm.get("url", "").startswith(("file:", "data:")):
                    requests.append(prm.get("url"))
    except (OSError, ValueError, KeyError) as err:
        fail("no readable net log from chromium: %s" % err)
    return r.stdout, console, requests


def check_browser(env):
    if not chromium_cmd():
        print("SKIP: chromium not found (apt-get install chromium)")
        return SKIP
    # The detectors work: a page with an external image and a script error trips both.
    canary = env.path("canary.html")
    with open(canary, "w") as f:
        f.write('<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">'
                '<script>console.error("canary")</script></body></html>')
    dom, console, requests = browse(env, "file://" + canary, "--dump-dom")
    if not (check(any("canary" in l for l in console), "canary: console messages are seen")
            and check(requests == ["http://example.invalid/x.png"], "canary: page requests are seen: %s" % requests)):
        return 1

    shots = os.environ.get("REPORT_SHOTS")  # keep the screenshots there, to look at them
    for name, repo, args in [("polyglot", polyglot_history(env), ["--since", "v0.1.0", "--history", "5"]),
                             ("hostile", hostile(env), ["--history", "3"])]:
        page = env.path(name + ".html")
        env.run("report", repo, "-o", page, *args)
        services = len(env.report(repo)["components"])
        dom, console, requests = browse(env, "file://" + page, "--dump-dom")
        check(console == [], "%s: no console messages: %s" % (name, [c[:300] for c in console[:3]]))
        check(requests == [], "%s: no requests: %s" % (name, requests))
        p = parse_html(dom)
        reached, cards = map_reach(dom.decode())
        check(len(cards) == services and reached == cards,
              "%s: the rendered map reaches %d of %d services" % (name, len(reached), services))
        check("script" not in p.tags and "img" not in p.tags, "%s: no script or image in the DOM" % name)
        check("Architecture report" in p.alltext, "%s: the page rendered" % name)
        png = os.path.join(shots or env.tmp, name + ".png")
        _, console, requests = browse(env, "file://" + page, "--screenshot=" + png, "--window-size=1300,2400")
        check(os.path.exists(png) and os.path.getsize(png) > 20000, "%s: screenshot written" % name)
        check(console == [] and requests == [], "%s: screenshot run is clean" % name)
        # Print: the page lays out for paper too.
        pdf = env.path(name + ".pdf")
        browse(env, "file://" + page, "--print-to-pdf=" + pdf, "--no-pdf-header-footer")
        check(os.path.exists(pdf) and os.path.getsize(pdf) > 10000, "%s: prints to PDF" % name)


# ---- mermaid ----------------------------------------------------------------------------

MERMAID_VERSION = "11.17.2"
MERMAID_INTEGRITY = "sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg=="


def mermaid_js():
    """mermaid.min.js of the pinned release: $ARCHLINT_MERMAID_JS, else the copy kept in
    $REPORT_CACHE (the build tree), else fetched there with `npm pack` and checked against
    the pinned integrity. None when it cannot be had (offline): the check is skipped."""
    if os.environ.get("ARCHLINT_MERMAID_JS"):
        return os.environ["ARCHLINT_MERMAID_JS"]
    cache = os.environ.get("REPORT_CACHE") or os.path.join(tempfile.gettempdir(), "archlint-report-cache")
    js = os.path.join(cache, "mermaid-" + MERMAID_VERSION, "package", "dist", "mermaid.min.js")
    if os.path.exists(js):
        return js
    if not shutil.which("npm"):
        return None
    import base64, hashlib, tarfile
    os.makedirs(cache, exist_ok=True)
    try:
        r = subprocess.run(["npm", "pack", "--silent", "mermaid@" + MERMAID_VERSION], cwd=cache,
                           capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        return None
    tgz = os.path.join(cache, "mermaid-%s.tgz" % MERMAID_VERSION)
    if r.returncode != 0 or not os.path.exists(tgz):
        return None
    data = open(tgz, "rb").read()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != MERMAID_INTEGRITY:
        fail("mermaid %s tarball integrity %s, pinned %s" % (MERMAID_VERSION, got, MERMAID_INTEGRITY))
        os.remove(tgz)
        return None
    with tarfile.open(tgz) as t:
        member = t.getmember("package/dist/mermaid.min.js")
        t.extractall(os.path.join(cache, "mermaid-" + MERMAID_VERSION), members=[member])
    os.remove(tgz)
    return js


def check_mermaid(env):
    """The md report's map, rendered by Mermaid itself in headless Chromium."""
    if not chromium_cmd():
        print("SKIP: chromium not found (apt-get install chromium)")
        return SKIP
    js = mermaid_js()
    if not js:
        print("SKIP: mermaid.min.js %s not available (npm offline?)" % MERMAID_VERSION)
        return SKIP
    repos = [("polyglot", polyglot_history(env)), ("hostile", hostile(env)), ("ffi", ffi_repo(env))]
    for name, repo in repos:
        md = env.run("report", repo, "--format", "md").stdout.decode("utf-8")
        services = len(env.report(repo)["components"])
        block = re.search(r"```mermaid\n(.*?)\n```\n", md, re.S).group(1)
        edges = len(re.findall(r"^  s\d+ (---|-\.-) s\d+$", block, re.M))
        # A harness page of the test's own: it runs Mermaid on the block, as GitHub does.
        page = env.path("mermaid-%s.html" % name)
        with open(page, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><script src="file://%s"></script>'
                    '</head><body><pre class="mermaid">%s</pre><script>'
                    'mermaid.initialize({startOnLoad:false,securityLevel:"strict"});'
                    'mermaid.run({querySelector:".mermaid"}).then(function(){document.body.dataset.done="ok"})'
                    '.catch(function(e){document.body.dataset.done="error";console.error("mermaid: "+e.message)});'
                    '</script></body></html>' % (js, html.escape(block)))
        dom, console, requests = browse(env, "file://" + page, "--allow-file-access-from-files",
                                        "--virtual-time-budget=10000", "--dump-dom")
        dom = dom.decode("utf-8", "replace")
        check('data-done="ok"' in dom, "%s: Mermaid renders the map: %s" % (name, [c[:300] for c in console[:3]]))
        nodes = len(re.findall(r'<g class="node [^"]*"', dom))
        check(nodes == services, "%s: Mermaid drew %d nodes for %d services" % (name, nodes, services))
        paths = len(re.findall(r'<path [^>]*class="[^"]*flowchart-link', dom))
        check(paths == edges, "%s: Mermaid drew %d edges for %d links" % (name, paths, edges))
        check(requests == [], "%s: no requests" % name)
        if name == "hostile":
            text = re.sub(r"<[^>]+>", "", dom)
            text = html.unescape(text)
            for n in HOSTILE_NAMES:
                # a backslash shows as a fullwidth one (Mermaid reads "\n" as a break)
                want = ("cmd/" + n).replace("\\", "\uff3c")
                check(want in text, "mermaid shows %r" % want)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    check_name, archlint = sys.argv[1], sys.argv[2]
    checks = {"sizes": check_sizes, "formats": check_formats, "changes": check_changes,
              "escaping": check_escaping, "comment": check_comment, "browser": check_browser, "mermaid": check_mermaid,
              "owners": check_owners, "groups": check_groups}
    if check_name not in checks:
        print("unknown check %r" % check_name)
        return 2
    if shutil.which("git") is None:
        print("SKIP: git not found")
        return SKIP
    for need in (os.path.join(E2E, "build-fixture-repo.sh"), os.path.join(FIXTURES, "polyglot")):
        if not os.path.exists(need):
            print("SKIP: %s is missing" % need)
            return SKIP
    env = Env(archlint)
    try:
        rc = checks[check_name](env)
    finally:
        env.close()
    if rc == SKIP:
        return SKIP
    if failures or rc:
        print("%d failure(s)" % len(failures))
        return 1
    print("PASS report.%s" % check_name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
