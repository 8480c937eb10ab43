#!/usr/bin/env bash
# test-ci-examples.sh: the GitLab CI job (ci-examples/gitlab-ci.yml) and the plain shell
# step (ci-examples/archlint-step.sh), run as their CI would run them in repositories the
# test builds. With no local GitLab runner, the job's `script` runs under bash -eo pipefail
# with GitLab's variables (CI_COMMIT_SHA, CI_MERGE_REQUEST_DIFF_BASE_SHA); its artifacts are
# checked where GitLab would read them: the Code Quality report against GitLab's schema,
# the JUnit report with xmllint.
. "$(dirname "$0")/lib.sh"
need node python3 git xmllint
mkdir -p "$T/bin" && ln -s "$ARCHLINT" "$T/bin/archlint"
export PATH=$T/bin:$PATH

# The job as GitLab reads it.
node -e '
const yaml = require(process.argv[1] + "/node_modules/js-yaml");
const fs = require("fs");
const job = yaml.load(fs.readFileSync(process.argv[2], "utf8")).archlint;
if (!job || !Array.isArray(job.script)) throw new Error("no archlint job with a script");
const r = job.artifacts && job.artifacts.reports;
if (!r || r.codequality !== "gl-code-quality-report.json" || r.junit !== "archlint-junit.xml")
  throw new Error("artifacts:reports must name the codequality and junit files");
if (job.artifacts.when !== "always") throw new Error("artifacts must be kept when the job fails");
if (job.variables.GIT_DEPTH !== "0") throw new Error("GIT_DEPTH 0: the merge request base must be there");
fs.writeFileSync(process.argv[3], job.script.join("\n") + "\n");
' "$AL_TOOLS" "$AL_SOURCE_DIR/ci-examples/gitlab-ci.yml" "$T/job.sh" && pass || fail "ci-examples/gitlab-ci.yml is not the job it should be"

# gitlab_job REPO EXPECTED_EXIT [VAR=VALUE ...]
gitlab_job() {
	local repo=$1 want=$2 got=0
	shift 2
	rm -f "$repo/gl-code-quality-report.json" "$repo/archlint-junit.xml"
	(cd "$repo" && env CI=true GITLAB_CI=true CI_PROJECT_DIR="$repo" \
		CI_COMMIT_SHA="$(git -C "$repo" rev-parse HEAD)" "$@" \
		bash --noprofile --norc -eo pipefail "$T/job.sh") >"$T/job.out" 2>&1 || got=$?
	if [ "$got" = "$want" ]; then pass; else
		fail "gitlab job in $(basename "$repo"): exit $got, expected $want"
		sed -n '1,20s/^/    /p' "$T/job.out"
	fi
}
artifacts() { # artifacts REPO ISSUES
	check "Code Quality artifact: GitLab's item schema" validate_json "$AL_SCHEMAS/gitlab-codeclimate-item.json" "$1/gl-code-quality-report.json" --each
	check "Code Quality artifact: the report shape" validate_json "$AL_SCHEMAS/gitlab-codequality-report.strict.json" "$1/gl-code-quality-report.json"
	check "Code Quality artifact: $2 issues" python3 -c 'import json,sys; n=len(json.load(open(sys.argv[1]))); assert n == int(sys.argv[2]), n' "$1/gl-code-quality-report.json" "$2"
	check "JUnit artifact: valid" xmllint --noout --schema "$AL_SCHEMAS/junit-10.xsd" "$1/archlint-junit.xml"
}

repo=$T/repo
hostile_repo "$repo"
gitlab_job "$repo" 1
artifacts "$repo" 10
check "the job log has the findings" grep -q 'cmd/pct%0A%25%3A,comma:colon/main.go:14: warning:' "$T/job.out"

# A merge request pipeline gates only on what the branch adds.
base=$(git -C "$repo" rev-parse HEAD)
mkdir "$repo/cmd/zz-new" && cp "$AL_FIXTURES/hostile/relay.go.txt" "$repo/cmd/zz-new/main.go"
git -C "$repo" add -A && git -C "$repo" commit -qm "a new relay"
gitlab_job "$repo" 1 CI_MERGE_REQUEST_DIFF_BASE_SHA="$base"
artifacts "$repo" 1
check "only the new relay" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))[0]["location"]["path"] == "cmd/zz-new/main.go"' "$repo/gl-code-quality-report.json"

# A committed baseline is honoured; with everything accepted the job passes.
(cd "$repo" && archlint baseline -q) && git -C "$repo" add .archlint-baseline.json && git -C "$repo" commit -qm baseline
gitlab_job "$repo" 0
artifacts "$repo" 0

# The plain shell step.
step() { # step REPO EXPECTED_EXIT [VAR=VALUE ...]
	local repo=$1 want=$2 got=0
	shift 2
	(cd "$repo" && env "$@" bash "$AL_SOURCE_DIR/ci-examples/archlint-step.sh") >"$T/step.out" 2>&1 || got=$?
	if [ "$got" = "$want" ]; then pass; else
		fail "archlint-step.sh in $(basename "$repo") ($*): exit $got, expected $want"
		sed -n '1,20s/^/    /p' "$T/step.out"
	fi
}
repo2=$T/repo2
hostile_repo "$repo2"
step "$repo2" 1
step "$repo2" 0 ARCHLINT_FAIL_ON=never
step "$repo2" 1 ARCHLINT_REPORTS_DIR="$T/reports"
check "SARIF report valid" validate_json "$AL_SCHEMAS/sarif-schema-2.1.0.json" "$T/reports/archlint.sarif"
check "JUnit report valid" xmllint --noout --schema "$AL_SCHEMAS/junit-10.xsd" "$T/reports/archlint-junit.xml"
check "Code Quality report valid" validate_json "$AL_SCHEMAS/gitlab-codequality-report.strict.json" "$T/reports/archlint-codequality.json"
first=$(git -C "$repo2" rev-parse HEAD)
mkdir "$repo2/cmd/zz-new" && cp "$AL_FIXTURES/hostile/relay.go.txt" "$repo2/cmd/zz-new/main.go"
git -C "$repo2" add -A && git -C "$repo2" commit -qm "a new relay"
step "$repo2" 1 ARCHLINT_BASE="$first"
check "ARCHLINT_BASE: only the new relay" test "$(grep -c ': warning: ' "$T/step.out")" = 1
step "$repo2" 1 CI_COMMIT_SHA="$first"
check "CI_COMMIT_SHA picks the commit checked" bash -c '! grep -q zz-new "$1"' _ "$T/step.out"

finish
