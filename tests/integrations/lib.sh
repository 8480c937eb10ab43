# lib.sh: shared helpers of the integration tests (sourced, not run).
#
# Every test runs in a private scratch directory with no user or system git
# configuration, builds its repositories with tests/e2e/build-fixture-repo.sh,
# runs the archlint binary given in $ARCHLINT and checks its output with the real
# client of each format (validators installed by setup-tools.sh into $AL_TOOLS).
#
# Environment (set by CMakeLists.txt): ARCHLINT, AL_TOOLS, AL_SOURCE_DIR.
set -euo pipefail

: "${ARCHLINT:?ARCHLINT must name the archlint binary}"
: "${AL_SOURCE_DIR:?AL_SOURCE_DIR must name the source tree}"
AL_HERE=$AL_SOURCE_DIR/tests/integrations
AL_FIXTURES=$AL_SOURCE_DIR/tests/fixtures
AL_SCHEMAS=$AL_HERE/schemas
AL_BUILD_REPO=$AL_SOURCE_DIR/tests/e2e/build-fixture-repo.sh
TEST_NAME=$(basename "$0" .sh)

while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(\(GIT\|ARCHLINT_\|GITHUB\)[A-Za-z0-9_]*\)=.*/\1/p')
unset CI_COMMIT_SHA NO_COLOR
T=$(mktemp -d "${TMPDIR:-/tmp}/archlint-int.XXXXXX")
T=$(cd "$T" && pwd -P)
if [ "${KEEP_TMP:-}" = 1 ]; then
	echo "$TEST_NAME: keeping $T" >&2
else
	trap 'rm -rf "$T"' EXIT
fi
mkdir -p "$T/home"
export HOME=$T/home XDG_CACHE_HOME=$T/cache XDG_CONFIG_HOME=$T/home/.config
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$T/home/.gitconfig
export LC_ALL=C TZ=UTC
cat >"$GIT_CONFIG_GLOBAL" <<'EOF'
[user]
	name = Integration Test
	email = test@archlint.invalid
[init]
	defaultBranch = main
[commit]
	gpgSign = false
[advice]
	detachedHead = false
[protocol "file"]
	allow = always
EOF

failures=0
checks=0
pass() { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $TEST_NAME: $*"; }
# check DESCRIPTION COMMAND...: runs the command; a non-zero exit is a failure.
check() {
	local what=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		pass
	else
		fail "$what"
		sed -n '1,40s/^/    /p' "$T/check.out"
	fi
}
# finish: the closing line ctest shows, and the exit status.
finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$TEST_NAME: $failures of $checks checks failed"
		exit 1
	fi
	echo "PASS $TEST_NAME: $checks checks"
	exit 0
}
# need COMMAND...: fail the whole test (not skip) when a client is missing:
# scripts/setup installs every one of them.
need() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || {
			echo "FAIL $TEST_NAME: '$c' is not installed (scripts/setup installs it)"
			exit 1
		}
	done
}

# build_repo FIXTURE_DIR OUT [build-fixture-repo options]
build_repo() {
	bash "$AL_BUILD_REPO" "$@" >"$T/build.log" 2>&1 || {
		cat "$T/build.log" >&2
		echo "FAIL $TEST_NAME: building the fixture repository failed"
		exit 1
	}
}

# lay_hostile OUT_DIR [COUNT]: the hostile fixture laid out as a plain directory;
# with COUNT, also COUNT ordinary relays cmd/0relay-NN (for annotation caps; they sort
# between the hostile names, so some of those are annotations and some log lines).
lay_hostile() {
	local out=$1 count=${2:-0} name i
	mkdir -p "$out"
	cp -a "$AL_FIXTURES/hostile/go.mod" "$AL_FIXTURES/hostile/cmd" "$out/"
	while IFS= read -r name || [ -n "$name" ]; do
		case $name in '' | '#'*) continue ;; esac
		name=$(printf '%bx' "$name")
		name=${name%x}
		mkdir -p "$out/cmd/$name"
		cp "$AL_FIXTURES/hostile/relay.go.txt" "$out/cmd/$name/main.go"
	done <"$AL_FIXTURES/hostile/names"
	for ((i = 1; i <= count; i++)); do
		mkdir -p "$out/cmd/0relay-$(printf %02d "$i")"
		cp "$AL_FIXTURES/hostile/relay.go.txt" "$out/cmd/0relay-$(printf %02d "$i")/main.go"
	done
}

# hostile_repo OUT [COUNT]: a git repository of the laid-out hostile fixture.
hostile_repo() {
	lay_hostile "$T/hostile-src.$$" "${2:-0}"
	build_repo "$T/hostile-src.$$" "$1"
	rm -rf "$T/hostile-src.$$"
}

# finding_lines FILE: the compiler-style finding lines of check's text output, without the
# line naming each component above its findings and the blank lines between components.
finding_lines() {
	grep -E '^.+:[0-9]+: (error|warning|note): ' "$1" || true
}

# run_archlint EXPECTED_EXIT ARGS...: stdout to $T/out, stderr to $T/err.
run_archlint() {
	local want=$1 got=0
	shift
	"$ARCHLINT" "$@" >"$T/out" 2>"$T/err" || got=$?
	if [ "$got" != "$want" ]; then
		fail "archlint $* exited $got, expected $want"
		sed -n '1,20s/^/    /p' "$T/err"
		return 1
	fi
	pass
}

# validate_json SCHEMA DATA: JSON Schema validation with ajv (+ ajv-formats).
validate_json() {
	node "$AL_TOOLS/validate-json.js" "$@"
}
