#!/usr/bin/env bash
# cache.sh ARCHLINT: the extraction cache never changes what archlint says.
#
# On a repository built from tests/fixtures/polyglot it compares the JSON of `archlint
# check` across: no cache, a cold cache, a warm cache, --jobs 1 and 2, a truncated cache
# file, a corrupt one, one written by another cache version, a staged edit on a warm cache
# (only the edited file is new), four runs writing the cache at once, and the listing cache
# damaged or left from another tree, and --cache-dir / ARCHLINT_CACHE_DIR. Each must be byte-identical to the reference (the
# staged edit and the new tree to a --no-cache run of the same snapshot); a bad facts cache
# must be reported on stderr and rebuilt.
set -uo pipefail
ARCHLINT=${1:?usage: cache.sh ARCHLINT}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/archlint-cache.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME=$T GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C
unset ARCHLINT_RULES ARCHLINT_CACHE_DIR

pass=0
fail=0
check() { # check NAME FILE: FILE must equal the reference
	if cmp -s "$T/ref.json" "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $1: output differs from the reference"
		diff "$T/ref.json" "$2" | head -20
	fi
}
run() { # run OUT [ARGS...]: archlint check --format json on the repository
	local out=$1
	shift
	"$ARCHLINT" check "$T/repo" --format json --fail-on never "$@" >"$out" 2>>"$T/stderr"
}

bash "$ROOT/tests/e2e/build-fixture-repo.sh" "$ROOT/tests/fixtures/polyglot" "$T/repo" >/dev/null
cache_dir=$T/repo/.git/archlint

run "$T/ref.json" --no-cache
[ ! -d "$cache_dir" ] || { echo "FAIL --no-cache wrote a cache"; fail=$((fail + 1)); }
run "$T/cold.json"
check cold "$T/cold.json"
ls "$cache_dir"/facts-*.cache >/dev/null 2>&1 || { echo "FAIL no cache file written"; fail=$((fail + 1)); }
run "$T/warm.json"
check warm "$T/warm.json"
run "$T/jobs1.json" --jobs 1
check jobs1 "$T/jobs1.json"
run "$T/jobs2.json" --jobs 2 --no-cache
check jobs2 "$T/jobs2.json"

cache=$(ls "$cache_dir"/facts-*.cache)
size=$(stat -c %s "$cache")
head -c $((size / 2)) "$cache" >"$T/half" && cp "$T/half" "$cache"
: >"$T/stderr"
run "$T/truncated.json"
check truncated "$T/truncated.json"
grep -q "truncated or corrupt" "$T/stderr" || { echo "FAIL a truncated cache was not reported"; fail=$((fail + 1)); }
run "$T/rebuilt.json"
check rebuilt "$T/rebuilt.json"

# Flip one byte in the middle: the checksum must catch it.
python3 - "$cache" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[len(b) // 2] ^= 0xFF
open(p, 'wb').write(bytes(b))
PY
: >"$T/stderr"
run "$T/corrupt.json"
check corrupt "$T/corrupt.json"
grep -q "truncated or corrupt" "$T/stderr" || { echo "FAIL a corrupt cache was not reported"; fail=$((fail + 1)); }

# A cache of another format version: same name, different magic.
printf 'ALCACHE\177%s' "$(head -c 200 /dev/zero | tr '\0' x)" >"$cache"
: >"$T/stderr"
run "$T/foreign.json"
check foreign "$T/foreign.json"
grep -q "not an archlint cache of this version" "$T/stderr" || { echo "FAIL a foreign cache was not reported"; fail=$((fail + 1)); }

# Four writers at once: every result right, the cache whole afterwards.
rm -f "$cache"
for i in 1 2 3 4; do
	run "$T/concurrent$i.json" &
done
wait
for i in 1 2 3 4; do check "concurrent $i" "$T/concurrent$i.json"; done
: >"$T/stderr"
run "$T/after.json"
check after-concurrent "$T/after.json"
if grep -q "warning:" "$T/stderr"; then
	echo "FAIL the cache written concurrently was not whole:"
	cat "$T/stderr"
	fail=$((fail + 1))
fi
ls "$cache_dir" | grep -q "\.tmp\." && { echo "FAIL temporary cache files left behind"; fail=$((fail + 1)); }

# The listing cache: written once a revision was listed, byte-identical when rewritten,
# ignored when damaged, and never used for another tree.
listing=$(ls "$cache_dir"/listing-*.cache 2>/dev/null)
[ -n "$listing" ] || { echo "FAIL no listing cache written"; fail=$((fail + 1)); }
cp "$listing" "$T/listing.good"
for damage in flip truncate; do
	python3 - "$listing" "$damage" <<'PY'
import sys
p, how = sys.argv[1], sys.argv[2]
b = bytearray(open(p, 'rb').read())
if how == 'flip':
    b[len(b) // 2] ^= 0xFF
else:
    b = b[: len(b) // 3]
open(p, 'wb').write(bytes(b))
PY
	run "$T/listing-$damage.json"
	check "listing $damage" "$T/listing-$damage.json"
	cmp -s "$listing" "$T/listing.good" || { echo "FAIL the $damage listing cache was not rewritten"; fail=$((fail + 1)); }
done
mkdir -p "$T/repo/cmd/added"
printf 'package main\n\nimport "net"\n\nfunc main() { net.Listen("tcp", ":1") }\n' >"$T/repo/cmd/added/main.go"
git -C "$T/repo" add cmd/added && git -C "$T/repo" -c user.name=t -c user.email=t@example.com commit -q -m added
run "$T/ref.json" --no-cache
run "$T/new-tree.json"
check "listing of a new tree" "$T/new-tree.json"
grep -q '"cmd/added"' "$T/new-tree.json" || { echo "FAIL the new tree's component is missing"; fail=$((fail + 1)); }

# --cache-dir DIR and ARCHLINT_CACHE_DIR (a CI cache step's directory): both caches are
# written there, its missing parents created, nothing under the git directory; the next run
# reads them (every file a hit, so the facts file is not rewritten) and says the same.
git clone -q "$T/repo" "$T/ci"
ci_cache=$T/ci-cache/nested
ci_run() { # ci_run OUT [ARGS...]: archlint check --format json on the clone
	local out=$1
	shift
	"$ARCHLINT" check "$T/ci" --format json --fail-on never "$@" >"$out" 2>>"$T/stderr"
}
ci_run "$T/ref.json" --no-cache
ci_run "$T/ci-cold.json" --cache-dir "$ci_cache/"
check "cache-dir cold" "$T/ci-cold.json"
ci_facts=$(ls "$ci_cache"/facts-*.cache 2>/dev/null)
[ -n "$ci_facts" ] && ls "$ci_cache"/listing-*.cache >/dev/null 2>&1 ||
	{ echo "FAIL --cache-dir: no cache files in $ci_cache"; fail=$((fail + 1)); }
[ ! -e "$T/ci/.git/archlint" ] || { echo "FAIL --cache-dir: a cache under the git directory"; fail=$((fail + 1)); }
stamp=$(stat -c %i.%Y.%y "$ci_facts" 2>/dev/null)
: >"$T/stderr"
ARCHLINT_CACHE_DIR=$ci_cache ci_run "$T/ci-warm.json"
check "ARCHLINT_CACHE_DIR warm" "$T/ci-warm.json"
[ "$(stat -c %i.%Y.%y "$ci_facts" 2>/dev/null)" = "$stamp" ] ||
	{ echo "FAIL ARCHLINT_CACHE_DIR: the warm run did not read the cache (it rewrote it)"; fail=$((fail + 1)); }
[ ! -e "$T/ci/.git/archlint" ] || { echo "FAIL ARCHLINT_CACHE_DIR: a cache under the git directory"; fail=$((fail + 1)); }
head -c 100 "$ci_facts" >"$T/half" && cp "$T/half" "$ci_facts"
: >"$T/stderr"
ARCHLINT_CACHE_DIR=$T/elsewhere ci_run "$T/ci-flag.json" --cache-dir "$ci_cache"
check "cache-dir over ARCHLINT_CACHE_DIR" "$T/ci-flag.json"
grep -q "$ci_cache/facts-.*truncated or corrupt" "$T/stderr" ||
	{ echo "FAIL --cache-dir: the damaged cache there was not the one read"; cat "$T/stderr"; fail=$((fail + 1)); }
[ ! -e "$T/elsewhere" ] || { echo "FAIL --cache-dir did not win over ARCHLINT_CACHE_DIR"; fail=$((fail + 1)); }
(cd "$T" && "$ARCHLINT" check ci --format json --fail-on never --cache-dir rel-cache >"$T/ci-rel.json" 2>>"$T/stderr")
check "relative cache-dir" "$T/ci-rel.json"
ls "$T/rel-cache"/facts-*.cache >/dev/null 2>&1 || { echo "FAIL a relative --cache-dir is not under the current directory"; fail=$((fail + 1)); }

# A staged edit on a warm cache: the same as a cold scan of the same index.
printf '\n// staged edit\n' >>"$T/repo/cmd/api/main.go"
git -C "$T/repo" add cmd/api/main.go
"$ARCHLINT" check "$T/repo" --staged --format json --fail-on never --no-cache >"$T/ref.json" 2>/dev/null
run "$T/staged.json" --staged
check staged-warm "$T/staged.json"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
