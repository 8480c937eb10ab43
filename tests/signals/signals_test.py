#!/usr/bin/env python3
"""Golden tests for every signal family of archlint's signal library (tests/signals/README.md).

    signals_test.py ARCHLINT RULES_DIR [--family F]... [--keep] [--verbose]

One git repository holds every case: one Go component (one directory of a single module) or
one Rust component (one package of a single workspace) per case. archlint runs once
(`check --format json --fail-on never`) and each case asserts that its signal is, or is not,
in the evidence of its component; a second run, with every query pattern split into a signal
of its own, checks that each pattern is exercised by a positive sample.

- query signals: hand-written samples, samples/<signal-id>.pos[-VARIANT].go|rs must hit the
  signal, samples/<signal-id>.neg[-VARIANT].go|rs must not. Every query signal the binary
  knows needs both.
- import, crate, path, name and fact signals: cases generated from the tables in RULES_DIR at
  test time, so a new table entry is covered without touching the test.

known-gaps.txt lists cases skipped on purpose (a query that cannot fire on realistic code, or
fires on code it should not): each is printed as a SKIP line. The last line is
`N passed, M failed`. Exit status: 0 all passed, 1 a case failed, 2 the harness itself broke
(archlint crashed, bad arguments).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "samples")
GAPS = os.path.join(HERE, "known-gaps.txt")
FAMILIES = ("query", "import", "crate", "path", "name", "fact")
GO_MODULE = "example.com/signals"
GO_SKIPPED_DIRS = ("vendor", "node_modules", "third_party")


def sanitise(text):
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


class Case:
    """One assertion: SIGNAL present (expect=True) or absent in COMPONENT's evidence."""

    def __init__(self, family, signal, label, component, expect, what, report="main",
                 evidence_signal=None):
        self.report = report  # "main": the built-in rules; "split": one signal per pattern
        self.evidence_signal = evidence_signal or signal
        self.family = family
        self.signal = signal
        self.label = label  # distinguishes the cases of one signal (pos, neg, sub, ...)
        self.component = component
        self.expect = expect
        self.what = what  # one line saying what the case is, for failure messages


class Repo:
    """The files of the test repository, as Go components and Rust packages."""

    def __init__(self):
        self.files = {}
        self.rust_members = []
        self.rust_workspace_deps = {}

    def add(self, path, text):
        if path in self.files:
            raise RuntimeError("two cases write %s" % path)
        self.files[path] = text

    def go_main(self, directory, text, filename="main.go"):
        self.add("%s/%s" % (directory, filename), text)
        return directory

    def rust_package(self, directory, name, main_rs, manifest_extra="", bin_name=None):
        """A package whose src/main.rs is a binary target; returns the component id."""
        manifest = '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n' % name
        manifest += "publish = false\n"
        if bin_name:
            manifest += '\n[[bin]]\nname = "%s"\npath = "src/main.rs"\n' % bin_name
        if manifest_extra:
            manifest += "\n" + manifest_extra.strip("\n") + "\n"
        self.add(directory + "/Cargo.toml", manifest)
        self.add(directory + "/src/main.rs", main_rs)
        self.rust_members.append(directory)
        return directory

    def finish(self):
        self.add("go.mod", "module %s\n\ngo 1.22\n" % GO_MODULE)
        lines = ["[workspace]", 'resolver = "2"', "members = ["]
        lines += ['    "%s",' % m for m in sorted(self.rust_members)]
        lines.append("]")
        if self.rust_workspace_deps:
            lines += ["", "[workspace.dependencies]"]
            lines += ['%s = "%s"' % (k, v) for k, v in sorted(self.rust_workspace_deps.items())]
        self.add("Cargo.toml", "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# Query signals: hand-written samples.


def query_cases(repo, query_signals, problems):
    """<id>.pos.EXT must hit the signal and <id>.neg.EXT must not; optional further samples
    <id>.pos-VARIANT.EXT / <id>.neg-VARIANT.EXT (another framework, another idiom) too."""
    cases = []
    by_id = {}
    for name in sorted(os.listdir(SAMPLES)):
        m = re.match(r"^(.+)\.(pos|neg)(-[a-z0-9-]+)?\.(go|rs)$", name)
        if not m:
            problems.append("samples/%s: not named <signal-id>.pos|neg[-VARIANT].go|rs" % name)
            continue
        by_id.setdefault(m.group(1), []).append((m.group(2), m.group(2) + (m.group(3) or ""),
                                                 m.group(4), name))
    for sid in sorted(by_id):
        if sid not in query_signals:
            problems.append("samples for '%s', which is no query signal of the binary" % sid)
    for sid in sorted(query_signals):
        want_lang = query_signals[sid]
        have = by_id.get(sid, [])
        for kind in ("pos", "neg"):
            if not any(k == kind for k, _, _, _ in have):
                cases.append(Case("query", sid, kind, None, kind == "pos",
                                  "no sample samples/%s.%s.%s" % (sid, kind, want_lang)))
        for kind, label, lang, name in have:
            if lang != want_lang:
                problems.append("samples/%s: %s is a %s signal" % (name, sid, want_lang))
                continue
            with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
                text = f.read()
            comp = "%s-%s" % (sanitise(sid), label)
            if lang == "go":
                cid = repo.go_main("cmd/" + comp, text)
            else:
                cid = repo.rust_package("crates/" + comp, comp, text)
            what = "samples/%s %s hit %s" % (name, "must" if kind == "pos" else "must not", sid)
            cases.append(Case("query", sid, label, cid, kind == "pos", what))
    return cases


def query_header(text):
    header = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith(";"):
            break
        key, sep, value = stripped.lstrip(";").strip().partition(":")
        if sep and key.strip() not in header:
            header[key.strip()] = value.strip()
    return header


def split_patterns(text):
    """The top-level patterns of a tree-sitter query as [(line, text)]: each alternative a
    query file lists, with its trailing captures; header comments are left out."""
    starts = []
    depth = 0
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == ";":
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                if text[i] == "\\":
                    i += 1
                elif text[i] == "\n":
                    line += 1
                i += 1
        elif c in "([":
            if depth == 0 and not (starts and text[i + 1:].lstrip().startswith("#")):
                starts.append((i, line))
            depth += 1
        elif c in ")]":
            depth -= 1
        i += 1
    out = []
    for k, (start, first_line) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else n
        out.append((first_line, text[start:end].rstrip() + "\n"))
    return out


def lifecycle_mark(component):
    """The signal that decided a component's lifecycle, shaped like an evidence item: a
    lifecycle-only signal (no role) shows up there and not among the evidence."""
    why = (component.get("lifecycle") or {}).get("why") or ""
    m = re.match(r"(.*):(\d+): (\S+?),? ", why)
    return {"signal": m.group(3), "path": m.group(1), "line": m.group(2)} if m else None


def split_rules(rules_dir, out_dir):
    """Copy RULES_DIR to OUT_DIR with every query file replaced by one file per pattern,
    whose signal id is <id>.pattern<N>. Returns {signal id: (query file, [pattern lines])}."""
    shutil.copytree(rules_dir, out_dir)
    patterns = {}
    for lang in ("go", "rust"):
        folder = os.path.join(out_dir, "queries", lang)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".scm"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            os.remove(path)
            head = query_header(text)
            parts = split_patterns(text)
            patterns[head.get("id")] = ("rules/queries/%s/%s" % (lang, name),
                                        [first for first, _ in parts])
            for k, (first, body) in enumerate(parts, 1):
                with open(os.path.join(folder, "%s.pattern%d.scm" % (name[:-4], k)), "w",
                          encoding="utf-8") as f:
                    fields = [("id", "%s.pattern%d" % (head.get("id"), k))]
                    fields += [(key, head[key]) for key in ("role", "lifecycle", "weight", "why")
                               if key in head]
                    f.write("".join("; %s: %s\n" % kv for kv in fields) + body)
    return patterns


def pattern_cases(cases, patterns):
    """Every pattern of a query must be exercised by one of the signal's positive samples."""
    positives = {}
    for case in cases:
        if case.family == "query" and case.expect and case.component is not None:
            positives.setdefault(case.signal, []).append(case)
    out = []
    for sid, pos in sorted(positives.items()):
        origin, lines = patterns.get(sid, (None, []))
        if len(lines) < 2:
            continue  # one pattern: the positive case proves it already
        samples = " or ".join(c.what.split()[0] for c in pos)
        for k, first in enumerate(lines, 1):
            out.append(Case("query", sid, "pattern-%d" % k, [c.component for c in pos], True,
                            "pattern %d of %s (line %d) must be exercised by %s" % (
                                k, origin, first, samples),
                            report="split", evidence_signal="%s.pattern%d" % (sid, k)))
    return out


# ---------------------------------------------------------------------------------------------
# Table signals: cases generated from rules/signals/*.json.


def load_table_signals(rules_dir):
    signals = []
    folder = os.path.join(rules_dir, "signals")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for s in json.load(f)["signals"]:
                    s["_file"] = "rules/signals/" + name
                    signals.append(s)
    return signals


def import_prefix_of(pattern, path):
    return path == pattern or path.startswith(pattern + "/")


def go_import_main(path):
    return ("package main\n\n"
            "import (\n\t\"log\"\n\n\t_ \"%s\"\n)\n\n"
            "func main() {\n\tlog.Println(\"starting\")\n}\n" % path)


def import_cases(repo, s):
    sid, patterns = s["id"], s["imports"]
    first = patterns[0]
    base = "imports/" + sanitise(sid)
    cases = []
    for label, path, expect in (("exact", first, True), ("below", first + "/internal/pkg", True),
                                ("sibling", first + "-contrib", False)):
        if not expect and any(import_prefix_of(p, path) for p in patterns):
            continue  # another entry of the signal covers the sibling: no negative to make
        cid = repo.go_main("%s-%s" % (base, label), go_import_main(path))
        what = 'a Go main importing "%s" %s %s' % (path, "must hit" if expect else
                                                    "must not hit (no path prefix)", sid)
        cases.append(Case("import", sid, label, cid, expect, what))
    return cases


RUST_MAIN = 'fn main() {\n    println!("starting");\n}\n'


def crate_variant(name):
    if "-" in name:
        return name.replace("-", "_")
    if "_" in name:
        return name.replace("_", "-")
    return None


def crate_cases(repo, s):
    sid, crates = s["id"], s["crates"]
    first = crates[0]
    base = sanitise(sid)
    shapes = [("exact", '[dependencies]\n%s = "1"\n' % first, True,
               "depending on %s" % first)]
    variant = crate_variant(first)
    if variant:
        shapes.append(("spelling", '[dependencies]\n%s = "1"\n' % variant, True,
                       "depending on %s (the %s spelling of %s)" %
                       (variant, "_" if "_" in variant else "-", first)))
    shapes += [
        ("target", "[target.'cfg(unix)'.dependencies]\n%s = \"1\"\n" % first, True,
         "depending on %s for cfg(unix) targets" % first),
        ("workspace", "[dependencies]\n%s = { workspace = true }\n" % first, True,
         "inheriting %s from [workspace.dependencies]" % first),
        ("renamed", '[dependencies]\nrenamed_dep = { package = "%s", version = "1" }\n' % first,
         True, "depending on %s under another name" % first),
        ("dev", '[dev-dependencies]\n%s = "1"\n' % first, False,
         "with %s only in [dev-dependencies]" % first),
        ("build", '[build-dependencies]\n%s = "1"\n' % first, False,
         "with %s only in [build-dependencies]" % first),
    ]
    repo.rust_workspace_deps[first] = "1"
    cases = []
    for label, extra, expect, desc in shapes:
        comp = "%s-%s" % (base, label)
        cid = repo.rust_package("crates-deps/" + comp, comp, RUST_MAIN, extra)
        what = "a Cargo package %s %s %s" % (desc, "must hit" if expect else "must not hit", sid)
        cases.append(Case("crate", sid, label, cid, expect, what))
    return cases


def concretise(glob):
    """A concrete path matching GLOB: '*' in a segment becomes 'zq', '**' one directory."""
    out = []
    for seg in glob.split("/"):
        out.append("zq" if seg == "**" else seg.replace("*", "zq"))
    return out


def go_reachable(segments):
    """Go discovery never reads vendor/ and friends, nor directories starting with . or _."""
    return not any(s.startswith((".", "_")) or s in GO_SKIPPED_DIRS for s in segments[:-1])


PATH_MAIN = "package main\n\nimport \"log\"\n\nfunc main() {\n\tlog.Println(\"running\")\n}\n"


def path_cases(repo, s, counter):
    sid, lang = s["id"], s.get("language")
    cases = []
    for i, glob in enumerate(s["paths"]):
        segs = concretise(glob)
        anchored = glob.startswith("**/")
        tail_dir = glob.endswith("/**")
        if tail_dir:
            segs = segs[:-1]
        for language in ("go", "rust"):
            if lang and lang != language:
                continue
            counter[0] += 1
            uid = "p%03d" % counter[0]
            prefix = ["paths", uid] if anchored else []
            body = segs[1:] if anchored else segs
            if language == "go":
                if tail_dir:
                    entry = prefix + body + ["main.go"]
                elif body[-1].endswith(".go"):
                    entry = prefix + body
                else:
                    continue
                if not go_reachable(entry) or (not anchored and "/".join(entry) in repo.files):
                    continue
                directory = "/".join(entry[:-1])
                cid = repo.go_main(directory, PATH_MAIN, entry[-1])
                entry_path = "/".join(entry)
            else:
                if not tail_dir:
                    continue  # a Rust entry is always <package>/src/main.rs
                directory = "/".join(prefix + body)
                if directory + "/Cargo.toml" in repo.files:
                    continue
                cid = repo.rust_package(directory, "path-" + uid, RUST_MAIN)
                entry_path = directory + "/src/main.rs"
            what = "a %s component whose entry is %s (glob %s) must hit %s" % (
                "Go" if language == "go" else "Rust", entry_path, glob, sid)
            cases.append(Case("path", sid, "%s#%d" % (language, i), cid, True, what))
    return cases


def name_cases(repo, s, counter):
    sid, lang = s["id"], s.get("language")
    cases = []
    for i, glob in enumerate(s["names"]):
        name = glob.replace("*", "zq")
        for language in ("go", "rust"):
            if lang and lang != language:
                continue
            if language == "rust" and i > 0 and not lang:
                continue  # Rust binary names: the first pattern proves them
            counter[0] += 1
            uid = "n%03d" % counter[0]
            if language == "go":
                cid = repo.go_main("names/%s/%s" % (uid, name), PATH_MAIN)
                desc = "a Go main package in directory %s" % name
            else:
                # the package is named apart; the binary target built from src/main.rs
                # carries the name (its id is still the package directory)
                cid = repo.rust_package("crates-names/" + uid, "pkg-" + uid, RUST_MAIN,
                                        bin_name=name)
                desc = "a Rust binary named %s" % name
            what = "%s (glob %s) must hit %s" % (desc, glob, sid)
            cases.append(Case("name", sid, "%s#%d" % (language, i), cid, True, what))
    return cases


def catalog(name, spec_type=None, tags=()):
    text = ("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %s\n" % name)
    text += "  description: %s service\n" % name
    if tags:
        text += "  tags:\n" + "".join("    - %s\n" % t for t in tags)
    text += "spec:\n  type: %s\n  lifecycle: production\n  owner: team-platform\n" % (
        spec_type or "service")
    return text


GO_SERVE_MAIN = ("package main\n\nimport (\n\t\"log\"\n\t\"net/http\"\n)\n\n"
                 "func main() {\n\tlog.Fatal(http.ListenAndServe(\":8080\", nil))\n}\n")


def fact_shape(repo, fact, directory):
    """Build a component establishing FACT in DIRECTORY; returns (component id, description)
    or None when the driver knows no shape for the fact."""
    if fact == "go-build-ignored":
        repo.go_main(directory, "//go:build ignore\n\n// Regenerates the lookup tables.\n"
                     "package main\n\nimport \"os\"\n\nfunc main() {\n"
                     "\tos.WriteFile(\"tables.go\", []byte(\"package x\\n\"), 0o644)\n}\n",
                     "gen_tables.go")
        repo.add(directory + "/tables.go", "package tables\n\nvar Table = []int{1, 2, 3}\n")
        return directory, "a package whose only main file is //go:build ignore"
    if fact == "go-testdata":
        d = directory + "/testdata/echo-server"
        repo.go_main(d, GO_SERVE_MAIN)
        return d, "a main package under testdata/"
    if fact == "go-generated":
        repo.go_main(directory, "// Code generated by protoc-gen-go-cli. DO NOT EDIT.\n"
                     "// source: api/v1/service.proto\n\n" + GO_SERVE_MAIN)
        return directory, "a main package whose only file is generated code"
    if fact == "empty-main":
        repo.go_main(directory, "// Package stub anchors go:generate.\npackage main\n\n"
                     "//go:generate go run ./gen\n\nfunc main() {}\n")
        return directory, "a Go main package whose main is empty"
    if fact == "rust-fuzz-package":
        pkg = sanitise(directory)
        cid = repo.rust_package(directory, pkg, "#![no_main]\n\nuse libfuzzer_sys::fuzz_target;\n"
                                "\nfuzz_target!(|data: &[u8]| {\n    let _ = std::str::from_utf8(data);\n});\n",
                                '[package.metadata]\ncargo-fuzz = true\n\n[dependencies]\n'
                                'libfuzzer-sys = "0.4"\n')
        return cid, "a cargo-fuzz package depending on libfuzzer-sys"
    m = re.match(r"^backstage-(type|tag):(.+)$", fact)
    if m:
        name = os.path.basename(directory)
        repo.go_main(directory, GO_SERVE_MAIN)
        if m.group(1) == "type":
            repo.add(directory + "/catalog-info.yaml", catalog(name, spec_type=m.group(2)))
            return directory, "a component whose catalog-info.yaml has spec.type %s" % m.group(2)
        repo.add(directory + "/catalog-info.yaml", catalog(name, tags=[m.group(2), "go"]))
        return directory, "a component whose catalog-info.yaml is tagged %s" % m.group(2)
    return None


def fact_cases(repo, s):
    sid = s["id"]
    cases = []
    for i, fact in enumerate(s["facts"]):
        directory = "facts/%s-%d-%s" % (sanitise(sid), i, sanitise(fact))
        shape = fact_shape(repo, fact, directory)
        if shape is None:
            cases.append(Case("fact", sid, fact, None, True,
                              "no repository shape known for fact '%s': teach "
                              "tests/signals/signals_test.py (fact_shape) to build one" % fact))
            continue
        cid, desc = shape
        cases.append(Case("fact", sid, fact, cid, True, "%s must hit %s" % (desc, sid)))
    return cases


def fact_negative_cases(repo, fact_signals):
    """Similar-looking shapes that establish no fact (or another one)."""
    by_fact = {}
    for s in fact_signals:
        for fact in s["facts"]:
            by_fact.setdefault(fact, []).append(s["id"])
    cases = []

    def neg(facts, cid, desc):
        if isinstance(facts, str):
            facts = [facts]
        for sid in sorted({sid for f in facts for sid in by_fact.get(f, [])}):
            cases.append(Case("fact", sid, "neg:" + sanitise(desc)[:40], cid, False,
                              "%s must not hit %s" % (desc, sid)))

    d = repo.go_main("facts-neg/linux-only", "//go:build linux\n\n" + GO_SERVE_MAIN)
    neg("go-build-ignored", d, "a main package built only on linux (//go:build linux)")
    d = "facts-neg/mixed-ignore"
    repo.go_main(d, GO_SERVE_MAIN)
    repo.go_main(d, "//go:build ignore\n\npackage main\n\nfunc helper() {}\n", "helper.go")
    neg("go-build-ignored", d, "a main package with one normal and one ignored file")
    d = repo.go_main("cmd/testdataloader", GO_SERVE_MAIN)
    neg("go-testdata", d, "a main package named testdataloader (not in testdata/)")
    d = "facts-neg/partly-generated"
    repo.go_main(d, GO_SERVE_MAIN)
    repo.go_main(d, "// Code generated by stringer -type=State. DO NOT EDIT.\n\npackage main\n\n"
                 "type State int\n", "state_string.go")
    neg("go-generated", d, "a main package with a handwritten main.go beside a generated file")
    d = repo.go_main("facts-neg/mentions-generated",
                     "// Code generated once by hand from the spec; keep in sync.\n" +
                     GO_SERVE_MAIN)
    neg("go-generated", d, "a main file mentioning 'Code generated' without DO NOT EDIT")
    d = repo.go_main("facts-neg/one-call-main", "package main\n\nimport \"os\"\n\n"
                     "func main() { os.Exit(run()) }\n\nfunc run() int { return 0 }\n")
    neg("empty-main", d, "a Go main whose body is one call")
    d = repo.rust_package("facts-neg/rust-main", "rust-main",
                          "fn main() {\n    // nothing yet\n    run();\n}\n\nfn run() {}\n")
    neg("empty-main", d, "a Rust main whose body calls run()")
    d = repo.rust_package("facts-neg/arbitrary-user", "arbitrary-user", RUST_MAIN,
                          '[dependencies]\narbitrary = { version = "1", features = ["derive"] }\n'
                          '\n[dev-dependencies]\nlibfuzzer-sys = "0.4"\n')
    neg("rust-fuzz-package", d, "a package with arbitrary and a libfuzzer-sys dev-dependency")
    # Backstage: a plain service, a library, and a tag that belongs to another entity.
    d = "facts-neg/payments"
    repo.go_main(d, GO_SERVE_MAIN)
    repo.add(d + "/catalog-info.yaml", catalog("payments", "service", ["payments", "go"]))
    neg([f for f in by_fact if f.startswith("backstage-")], d,
        "a catalog entry of type service tagged payments")
    d = "facts-neg/shared-lib"
    repo.go_main(d, GO_SERVE_MAIN)
    repo.add(d + "/catalog-info.yaml", catalog("shared-lib", "library", ["go"]))
    neg("backstage-type:tool", d, "a catalog entry of type library")
    d = "facts-neg/billing"
    repo.go_main(d, GO_SERVE_MAIN)
    repo.add(d + "/catalog-info.yaml", catalog("billing", "service", ["billing"]) + "---\n" +
             catalog("billing-proxy", "service", ["proxy"]) + "---\n" +
             catalog("billing-cli", "tool", ["cli"]))
    neg("backstage-tag:proxy", d, "a catalog whose proxy tag belongs to another component")
    neg("backstage-tag:cli", d, "a catalog whose cli tag belongs to another component")
    neg("backstage-type:tool", d, "a catalog whose tool type belongs to another component")
    return cases


# ---------------------------------------------------------------------------------------------


def load_gaps():
    gaps = {}
    if not os.path.exists(GAPS):
        return gaps
    with open(GAPS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3 or not re.match(r"^((pos|neg)(-[a-z0-9-]+)?|\*|pattern-[0-9]+)$",
                                              parts[1]):
                raise SystemExit("known-gaps.txt:%d: want 'SIGNAL-ID CASE REASON', CASE one of "
                                 "pos, neg, pos-VARIANT, neg-VARIANT, pattern-N, *" % n)
            gaps[(parts[0], parts[1])] = parts[2]
    return gaps


GIT_IDENTITY = "Signal Tests <signals@example.com> 1704067200 +0000"


def git(repo_dir, *args, env=None, stdin=None):
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false",
                    "-c", "commit.gpgsign=false"] + list(args),
                   cwd=repo_dir, env=env, check=True, input=stdin, stdout=subprocess.DEVNULL)


def build_git_repo(repo, root, home, checkout=False):
    """One commit on main holding every file, streamed through git fast-import (writing
    thousands of small files and `git add` would dominate the run time). archlint reads the
    HEAD tree, so the work tree stays empty unless CHECKOUT (for --keep)."""
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("GIT_"):
            del env[k]
    env.update(HOME=home, XDG_CONFIG_HOME=home, GIT_CONFIG_NOSYSTEM="1", TZ="UTC", LC_ALL="C")
    os.makedirs(root)
    git(root, "init", "-q", env=env)
    stream = bytearray()
    marks = {}
    for path in sorted(repo.files):
        data = repo.files[path].encode("utf-8")
        if data not in marks:
            marks[data] = len(marks) + 1
            stream += b"blob\nmark :%d\ndata %d\n%s\n" % (marks[data], len(data), data)
    message = b"signal samples\n"
    stream += b"commit refs/heads/main\n"
    stream += b"author %s\ncommitter %s\n" % ((GIT_IDENTITY.encode(),) * 2)
    stream += b"data %d\n%s" % (len(message), message)
    for path in sorted(repo.files):
        stream += b"M 100644 :%d %s\n" % (marks[repo.files[path].encode("utf-8")],
                                           path.encode("utf-8"))
    stream += b"\n"
    git(root, "fast-import", "--quiet", env=env, stdin=bytes(stream))
    if checkout:
        git(root, "checkout", "-q", "-f", "main", env=env)
    return env


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archlint")
    ap.add_argument("rules_dir")
    ap.add_argument("--family", action="append", choices=FAMILIES,
                    help="only these families (repeatable; default all)")
    ap.add_argument("--keep", action="store_true", help="keep the repository and print its path")
    ap.add_argument("--verbose", "-v", action="store_true", help="print passing cases too")
    args = ap.parse_args()
    families = args.family or list(FAMILIES)
    started = time.monotonic()

    listed = subprocess.run([args.archlint, "rules", "--format", "json"],
                            capture_output=True, text=True)
    if listed.returncode != 0:
        sys.stderr.write(listed.stderr)
        print("archlint rules exited %d" % listed.returncode)
        return 2
    binary_signals = {s["id"]: s for s in json.loads(listed.stdout)["signals"]}
    query_signals = {sid: ("go" if "/go/" in s.get("origin", "") or sid.startswith("go.") else "rs")
                     for sid, s in binary_signals.items() if s["kind"] == "query"}
    tables = load_table_signals(args.rules_dir)
    problems = []
    table_ids = {s["id"] for s in tables}
    for sid, s in sorted(binary_signals.items()):
        if s["kind"] != "query" and sid not in table_ids:
            problems.append("the binary has signal %s that %s/signals does not: a stale build?"
                            % (sid, args.rules_dir))
    for sid in sorted(table_ids - set(binary_signals)):
        problems.append("%s/signals has %s that the binary does not: a stale build?"
                        % (args.rules_dir, sid))

    repo = Repo()
    cases = []
    if "query" in families:
        cases += query_cases(repo, query_signals, problems)
    counter = [0]
    kinds = {"imports": "import", "crates": "crate", "paths": "path", "names": "name",
             "facts": "fact"}
    for s in tables:
        kind = next((k for k in kinds if k in s), None)
        if kind is None:
            problems.append("%s: signal %s has no kind the driver knows" % (s["_file"], s["id"]))
            continue
        if kinds[kind] not in families:
            continue
        if kind == "imports":
            cases += import_cases(repo, s)
        elif kind == "crates":
            cases += crate_cases(repo, s)
        elif kind == "paths":
            cases += path_cases(repo, s, counter)
        elif kind == "names":
            cases += name_cases(repo, s, counter)
        else:
            cases += fact_cases(repo, s)
    if "fact" in families:
        cases += fact_negative_cases(repo, [s for s in tables if "facts" in s])
    repo.finish()

    tmp = tempfile.mkdtemp(prefix="archlint-signals.")
    try:
        root = os.path.join(tmp, "repo")
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        if "query" in families:
            patterns = split_rules(args.rules_dir, os.path.join(tmp, "rules-split"))
            cases += pattern_cases(cases, patterns)
        env = build_git_repo(repo, root, home, checkout=args.keep)
        built = time.monotonic()
        reports = {}
        for name, extra in (("main", []), ("split", ["--rules", os.path.join(tmp, "rules-split")])):
            if name == "split" and not any(c.report == "split" for c in cases):
                continue
            run = subprocess.run([args.archlint, "check", "--format", "json", root,
                                  "--fail-on", "never", "--no-cache"] + extra,
                                 env=env, capture_output=True, text=True)
            if run.returncode != 0:
                sys.stderr.write(run.stderr)
                print("archlint check %sexited %d" % (" ".join(extra) + " " if extra else "",
                                                      run.returncode))
                return 2
            report = json.loads(run.stdout)
            reports[name] = {c["id"]: c for c in report["components"]}
            for notice in report.get("source", {}).get("notices", []):
                problems.append("archlint notice (%s rules): %s" % (name, notice))
        checked = time.monotonic()

        gaps = load_gaps()
        used_gaps = set()
        passed = failed = skipped = 0
        failures = []
        for case in cases:
            keys = [(case.signal, case.label)] if case.family == "query" else []
            keys += [(case.signal, "pos" if case.expect else "neg"), (case.signal, "*")]
            gap_key = next((k for k in keys if k in gaps), None)
            evidence = reports.get(case.report, {})
            components = case.component if isinstance(case.component, list) else [case.component]
            missing = [c for c in components if c is not None and c not in evidence]
            if case.component is None:
                outcome, detail = False, case.what
            elif missing:
                outcome, detail = False, "component %s was not discovered (%s)" % (
                    ", ".join(missing), case.what)
            else:
                found = [e for c in components for e in evidence[c]["evidence"]]
                found += [lifecycle_mark(evidence[c]) for c in components
                          if lifecycle_mark(evidence[c])]
                hits = [e for e in found if e["signal"] == case.evidence_signal]
                outcome = bool(hits) == case.expect
                if case.expect:
                    detail = "%s; evidence of %s: %s" % (
                        case.what, ", ".join(components),
                        ", ".join(sorted({e["signal"] for e in found})) or "none")
                else:
                    detail = "%s; it hit at %s" % (case.what, ", ".join(
                        "%s:%s" % (e["path"], e["line"]) for e in hits))
            tag = "%s %s [%s]" % (case.family, case.signal, case.label)
            if gap_key:
                used_gaps.add(gap_key)
                skipped += 1
                note = " (it passes now: remove it from known-gaps.txt)" if outcome else ""
                print("SKIP %s: known gap: %s%s" % (tag, gaps[gap_key], note))
                continue
            if outcome:
                passed += 1
                if args.verbose:
                    print("PASS %s" % tag)
            else:
                failed += 1
                failures.append("FAIL %s: %s" % (tag, detail))
        for key in sorted(set(gaps) - used_gaps):
            print("note: known-gaps.txt names %s %s, which no case checks" % key)
        for p in problems:
            failed += 1
            failures.append("FAIL harness: %s" % p)
        for line in failures:
            print(line)
        counts = {}
        for case in cases:
            counts.setdefault(case.family, set()).add(case.signal)
        print("signals covered: " + ", ".join(
            "%s %d" % (f, len(counts[f])) for f in FAMILIES if f in counts) +
            "; %d cases, %d components; repository %.1fs, archlint %.1fs, total %.1fs" % (
                len(cases), len(reports.get("main", {})), built - started, checked - built,
                time.monotonic() - started))
        if skipped:
            print("%d skipped (known-gaps.txt)" % skipped)
        print("%d passed, %d failed" % (passed, failed))
        if args.keep:
            print("repository kept at %s" % root)
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
