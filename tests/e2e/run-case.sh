#!/usr/bin/env bash
# run-case.sh: run one end-to-end golden case against an archlint binary.
#
#   run-case.sh CASE ARCHLINT_BINARY
#
# CASE is a name in cases/ (without .case) or a path to a .case file. The case
# builds a git repository from a fixture in a temporary directory (with
# build-fixture-repo.sh), runs archlint, and compares the exit code, stdout
# (after normalisation) and stderr checks with what the case expects.
# Exit status: 0 pass, 1 fail, 2 broken case, 77 skipped (no git).
#
# Environment:
#   UPDATE_GOLDEN=1  rewrite expected/<case>.out with what archlint printed
#                    (cases naming another case's golden only compare)
#   KEEP_TMP=1       keep the temporary directory and print its path
#
# Case file format: one `key: value` a line; `#` starts a comment line.
#   description: TEXT         what the case checks (documentation only)
#   fixture: NAME             tests/fixtures/NAME; `empty` for an empty tree;
#                             `none` to build no repository at all
#   build: OPTIONS            options for build-fixture-repo.sh (paths relative
#                             to tests/e2e), e.g. --bare, --staged-change DIR
#   args: ARGS                archlint's arguments, split on blanks; @REPO@ is
#                             the built repository, @TMP@ a scratch directory,
#                             @E2E@ this directory, @REV:NAME@ the commit id of
#                             NAME in the built repository
#   cwd: DIR                  working directory for archlint (default @TMP@)
#   exit: N                   expected exit code (required)
#   stdout: FILE|empty|ignore expected stdout: expected/FILE (default
#                             expected/<case>.out), nothing, or not checked
#   output-file: PATH         compare this file (e.g. written by -o) with the
#                             golden instead of stdout; stdout must be empty
#   stdout-contains: TEXT     stdout has TEXT (repeatable)
#   stderr-contains: TEXT     stderr has TEXT (repeatable)
#   stderr-match: REGEX       some stderr line matches the ERE (repeatable)
#   stderr-lines: N           stderr has exactly N lines
#   runs: N                   run N times with the same cache; every run must
#                             give the same result (default 1)
#
# Normalisation of stdout: the repository and scratch paths become @REPO@ and
# @TMP@; commit and tree ids of HEAD, tags and branches become @REV:NAME@ and
# @TREE:NAME@ (abbreviations too); the archlint version in `--version` output
# and in JSON's "tool" object becomes @VERSION@. Stderr is never normalised.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixtures=$(cd "$here/../fixtures" && pwd)

broken() { echo "run-case: $*" >&2; exit 2; }

[ $# -eq 2 ] || broken "usage: run-case.sh CASE ARCHLINT_BINARY"
case_arg=$1
archlint=$2
if [ -f "$case_arg" ]; then
	case_file=$case_arg
else
	case_file=$here/cases/$case_arg.case
fi
[ -f "$case_file" ] || broken "no case '$case_arg'"
name=$(basename "$case_file" .case)
case $archlint in /*) ;; *) archlint=$PWD/$archlint ;; esac
[ -x "$archlint" ] || broken "archlint binary '$archlint' is not executable"
command -v git >/dev/null || { echo "SKIP $name: git not found"; exit 77; }

# --- parse the case --------------------------------------------------------
fixture="" build="" args="" cwd="" want_exit="" stdout_spec="" output_file=""
stderr_lines="" runs=1
stdout_contains=() stderr_contains=() stderr_match=()
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	case $line in '' | '#'*) continue ;; esac
	key=${line%%:*}
	[ "$key" != "$line" ] || broken "$case_file:$lineno: expected 'key: value'"
	value=${line#*:}
	value=${value#"${value%%[![:space:]]*}"}
	value=${value%"${value##*[![:space:]]}"}
	case $key in
	description) ;;
	fixture) fixture=$value ;;
	build) build=$value ;;
	args) args=$value ;;
	cwd) cwd=$value ;;
	exit) want_exit=$value ;;
	stdout) stdout_spec=$value ;;
	output-file) output_file=$value ;;
	stdout-contains) stdout_contains+=("$value") ;;
	stderr-contains) stderr_contains+=("$value") ;;
	stderr-match) stderr_match+=("$value") ;;
	stderr-lines) stderr_lines=$value ;;
	runs) runs=$value ;;
	*) broken "$case_file:$lineno: unknown key '$key'" ;;
	esac
done <"$case_file"
[ -n "$fixture" ] || broken "$case_file: no 'fixture:'"
[[ $want_exit =~ ^[0-9]+$ ]] || broken "$case_file: 'exit:' must be a number"
[[ $runs =~ ^[1-9][0-9]*$ ]] || broken "$case_file: 'runs:' must be a positive number"

own_golden=0
case $stdout_spec in
empty | ignore) golden="" ;;
"") golden=$here/expected/$name.out; own_golden=1 ;;
*) golden=$here/expected/$stdout_spec ;;
esac

# --- a clean, private environment ----------------------------------------
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(\(GIT\|ARCHLINT\)_[A-Za-z0-9_]*\)=.*/\1/p')
unset NO_COLOR CLICOLOR_FORCE FORCE_COLOR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/archlint-e2e.XXXXXX")
tmp=$(cd "$tmp" && pwd -P)
if [ "${KEEP_TMP:-}" = 1 ]; then
	echo "run-case: keeping $tmp" >&2
else
	trap 'rm -rf "$tmp"' EXIT
fi
mkdir -p "$tmp/home" "$tmp/cache" "$tmp/scratch"
export HOME=$tmp/home XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/home/.config
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export LC_ALL=C TZ=UTC NO_COLOR=1
scratch=$tmp/scratch
repo=$tmp/repo

# --- build the repository ------------------------------------------------
subst() { # subst WORD: set $subst to the word with @REPO@, @TMP@, @E2E@ and @REV:NAME@ replaced
	local w=$1 rev sha
	w=${w//@REPO@/$repo}
	w=${w//@TMP@/$scratch}
	w=${w//@E2E@/$here}
	while [[ $w =~ @REV:([^@]+)@ ]]; do
		rev=${BASH_REMATCH[1]}
		sha=$(git -C "$repo" rev-parse -q --verify "$rev^{commit}") || broken "$case_file: no revision '$rev' in the built repository"
		w=${w//"@REV:$rev@"/$sha}
	done
	subst=$w
}

if [ "$fixture" != none ]; then
	case $fixture in
	empty) fixture_dir=- ;;
	*) fixture_dir=$fixtures/$fixture; [ -d "$fixture_dir" ] || broken "$case_file: no fixture '$fixture'" ;;
	esac
	build_argv=()
	read -r -a words <<<"$build"
	for w in ${words[@]+"${words[@]}"}; do subst "$w"; build_argv+=("$subst"); done
	if ! (cd "$here" && bash ./build-fixture-repo.sh "$fixture_dir" "$repo" ${build_argv[@]+"${build_argv[@]}"}) \
		>"$tmp/build.log" 2>&1; then
		cat "$tmp/build.log" >&2
		broken "$case_file: building the fixture repository failed"
	fi
fi

archlint_argv=()
read -r -a words <<<"$args"
for w in ${words[@]+"${words[@]}"}; do subst "$w"; archlint_argv+=("$subst"); done
run_dir=$scratch
[ -z "$cwd" ] || { subst "$cwd"; run_dir=$subst; }
output_path=""
[ -z "$output_file" ] || { subst "$output_file"; output_path=$subst; }

# --- normalisation ---------------------------------------------------------
# Map commit and tree ids to stable names so goldens only change when what
# archlint reports changes, not when a fixture byte changes.
idmap=$tmp/idmap
: >"$idmap"
if [ -e "$repo" ] && git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
	{
		if sha=$(git -C "$repo" rev-parse -q --verify HEAD 2>/dev/null); then
			echo "$sha REV:HEAD"
			echo "$(git -C "$repo" rev-parse "HEAD^{tree}") TREE:HEAD"
		fi
		git -C "$repo" for-each-ref --format='%(objectname) %(refname:short)' refs/tags refs/heads |
			while read -r sha ref; do
				echo "$sha REV:$ref"
				echo "$(git -C "$repo" rev-parse "$sha^{tree}") TREE:$ref"
			done
	} >>"$idmap"
fi
version=$("$archlint" --version 2>/dev/null | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+[-+.0-9A-Za-z]*' | head -n1 || true)

normalise() { # normalise FILE: rewrite in place
	REPO=$repo TMPD=$scratch VERSION=$version IDMAP=$idmap perl -0777 -i -pe '
		BEGIN {
			our @ids;
			if (open my $fh, "<", $ENV{IDMAP}) {
				my %seen;
				local $/ = "\n";
				while (<$fh>) { chomp; my ($sha, $nm) = split / /, $_, 2; next if $seen{$sha}++; push @ids, [$sha, $nm]; }
			}
		}
		our @ids;
		s/\Q$ENV{REPO}\E/\@REPO\@/g;
		s/\Q$ENV{TMPD}\E/\@TMP\@/g;
		for my $p (@ids) {
			my ($sha, $nm) = @$p;
			my $short = substr($sha, 0, 7);
			s/\b\Q$short\E([0-9a-f]{0,33})\b/ substr($sha, 0, 7 + length $1) eq $short . $1 ? "\@$nm\@" : $& /ge;
		}
		if ($ENV{VERSION} ne "") {
			s/^(archlint\s+v?)\Q$ENV{VERSION}\E\b/$1\@VERSION\@/mg;
			s/("name"\s*:\s*"archlint"\s*,\s*"version"\s*:\s*)"\Q$ENV{VERSION}\E"/$1"\@VERSION\@"/g;
			s/("version"\s*:\s*)"\Q$ENV{VERSION}\E"(\s*,\s*"name"\s*:\s*"archlint")/$1"\@VERSION\@"$2/g;
		}
	' "$1"
}

# --- run -------------------------------------------------------------------
failures=0
fail() { echo "FAIL $name: $*"; failures=$((failures + 1)); }

show_run() {
	echo "  command: archlint ${archlint_argv[*]}"
	echo "  in: $run_dir"
	echo "  exit: $got_exit (expected $want_exit)"
	if [ -s "$err" ]; then
		echo "  stderr:"
		sed -n '1,20s/^/    /p' "$err"
	fi
}

for ((run = 1; run <= runs; run++)); do
	out=$tmp/stdout.$run err=$tmp/stderr.$run
	to=()
	command -v timeout >/dev/null && to=(timeout 300)
	(cd "$run_dir" && exec ${to[@]+"${to[@]}"} "$archlint" ${archlint_argv[@]+"${archlint_argv[@]}"}) \
		</dev/null >"$out" 2>"$err"
	got_exit=$?
	label="run $run/$runs"
	[ "$runs" -gt 1 ] || label="run"
	before=$failures

	[ "$got_exit" = "$want_exit" ] || fail "$label: exit code $got_exit, expected $want_exit"

	actual=$out
	if [ -n "$output_file" ]; then
		[ -s "$out" ] && fail "$label: stdout is not empty although the output goes to a file"
		actual=$output_path
		if [ ! -f "$actual" ]; then
			fail "$label: no output file $output_file"
			actual=/dev/null
		else
			cp "$actual" "$tmp/output.$run"
			actual=$tmp/output.$run
			rm -f "$output_path"
		fi
	fi
	[ "$actual" = /dev/null ] || normalise "$actual"

	case $stdout_spec in
	ignore) ;;
	empty) [ ! -s "$actual" ] || { fail "$label: stdout should be empty"; sed -n '1,20s/^/    /p' "$actual"; } ;;
	*)
		if [ "$own_golden" = 1 ] && [ "${UPDATE_GOLDEN:-}" = 1 ] && [ "$run" = 1 ]; then
			mkdir -p "$(dirname "$golden")"
			cp "$actual" "$golden"
			echo "UPDATED $name: ${golden#"$here"/}"
		fi
		if [ ! -f "$golden" ]; then
			fail "$label: no golden ${golden#"$here"/} (run with UPDATE_GOLDEN=1 to create it)"
		elif ! diff -u --label "expected/${golden##*/}" --label "actual" "$golden" "$actual" >"$tmp/diff"; then
			fail "$label: output differs from ${golden#"$here"/}"
			sed 's/^/    /' "$tmp/diff"
		fi
		;;
	esac

	for t in ${stdout_contains[@]+"${stdout_contains[@]}"}; do
		grep -qF -- "$t" "$actual" || fail "$label: stdout lacks '$t'"
	done
	for t in ${stderr_contains[@]+"${stderr_contains[@]}"}; do
		grep -qF -- "$t" "$err" || fail "$label: stderr lacks '$t'"
	done
	for t in ${stderr_match[@]+"${stderr_match[@]}"}; do
		grep -qE -- "$t" "$err" || fail "$label: no stderr line matches /$t/"
	done
	if [ -n "$stderr_lines" ]; then
		n=$(awk 'END { print NR }' "$err")
		[ "$n" = "$stderr_lines" ] || fail "$label: stderr has $n lines, expected $stderr_lines"
	fi
	[ "$failures" = "$before" ] || show_run
done

if [ "$failures" -gt 0 ]; then
	exit 1
fi
echo "PASS $name"
exit 0
