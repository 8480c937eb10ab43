# lib.sh: helpers of the hostile-input tests (sourced by cases/*.sh, not run).
#
# Each case builds its repositories with the git program in a private scratch directory
# (no user or system git configuration), runs the archlint binary named by $ARCHLINT on
# them and asserts a defined outcome: the exit code, the one-line `archlint: ...` error
# naming the file and the cause, the notices, and that the sound parts of the repository
# are still judged. A failed assertion is reported and the case goes on; the case fails at
# `finish` if any did.
#
# Environment (set by CMakeLists.txt): ARCHLINT; KEEP_TMP=1 keeps the scratch directory.
set -uo pipefail

: "${ARCHLINT:?ARCHLINT must name the archlint binary}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CASE=$(basename "$0" .sh)

while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(\(GIT\|ARCHLINT_\|GITHUB\)[A-Za-z0-9_]*\)=.*/\1/p')
unset NO_COLOR CI_COMMIT_SHA
T=$(mktemp -d "${TMPDIR:-/tmp}/archlint-hostile.XXXXXX")
T=$(cd "$T" && pwd -P)
if [ "${KEEP_TMP:-}" = 1 ]; then
	echo "$CASE: keeping $T" >&2
else
	trap 'chmod -R u+rwX "$T" 2>/dev/null; rm -rf "$T"' EXIT
fi
mkdir -p "$T/home"
export HOME=$T/home XDG_CACHE_HOME=$T/cache XDG_CONFIG_HOME=$T/home/.config
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$T/home/.gitconfig GIT_CEILING_DIRECTORIES=$T
export LC_ALL=C TZ=UTC
cat >"$GIT_CONFIG_GLOBAL" <<'EOF'
[user]
	name = Hostile Test
	email = test@archlint.invalid
[init]
	defaultBranch = main
[commit]
	gpgSign = false
[advice]
	detachedHead = false
[protocol "file"]
	allow = always
[core]
	quotePath = false
EOF

failures=0
checks=0
pass() { checks=$((checks + 1)); }
fail() {
	checks=$((checks + 1))
	failures=$((failures + 1))
	echo "FAIL $CASE: $*"
}
finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$CASE: $failures of $checks checks failed"
		exit 1
	fi
	echo "PASS $CASE: $checks checks"
	exit 0
}

# --- building repositories ---------------------------------------------------

# repo NAME: a new repository $T/NAME, made the current directory.
repo() {
	mkdir -p "$T/$1"
	cd "$T/$1" || exit 2
	git init -q
}
# put PATH: writes stdin to PATH (directories created).
put() {
	mkdir -p "$(dirname -- "$1")"
	cat >"$1"
}
commit() {
	git add -A >/dev/null && git commit -q -m "${1:-commit}" >/dev/null || {
		echo "BROKEN $CASE: git commit failed in $PWD" >&2
		exit 2
	}
}
go_mod() { printf 'module %s\n\ngo 1.21\n' "${1:-example.com/hostile}" | put go.mod; }
# go_proxy DIR: a Go main package that is plainly on the data path (AL001).
go_proxy() {
	put "$1/main.go" <<'EOF'
package main

import (
	"io"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", ":9000")
	if err != nil {
		panic(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		go func() {
			up, err := net.Dial("tcp", "backend:9000")
			if err != nil {
				return
			}
			go io.Copy(up, c)
			io.Copy(c, up)
		}()
	}
}
EOF
}
# go_api DIR: a Go main package on the control plane (no finding).
go_api() {
	put "$1/main.go" <<'EOF'
package main

import (
	"net/http"

	"github.com/spf13/cobra"
	"k8s.io/client-go/kubernetes"
)

func main() {
	_ = cobra.Command{}
	_ = kubernetes.Clientset{}
	http.ListenAndServe(":8080", nil)
}
EOF
}
# rust_proxy DIR NAME: a Cargo package whose binary is on the data path.
rust_proxy() {
	put "$1/Cargo.toml" <<EOF
[package]
name = "$2"
version = "0.1.0"
edition = "2021"

[dependencies]
tokio = { version = "1", features = ["full"] }
io-uring = "0.6"
bytes = "1"
EOF
	put "$1/src/main.rs" <<'EOF'
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let listener = TcpListener::bind("0.0.0.0:9000").await.unwrap();
    loop {
        let (mut inbound, _) = listener.accept().await.unwrap();
        tokio::spawn(async move {
            let mut outbound = tokio::net::TcpStream::connect("backend:9000").await.unwrap();
            tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await.ok();
        });
    }
}
EOF
}

# --- running archlint ----------------------------------------------------------

# al ARGS...: runs archlint; sets rc, stdout in $T/out, stderr in $T/err.
al() {
	"$ARCHLINT" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	last_cmd="archlint $*"
}
# al_bounded SECONDS MIB ARGS...: al under a time bound and a memory bound; a run killed
# by either fails the case (rc 124 from timeout, or the signal's 128+N). The memory bound is
# ulimit -v, except under AddressSanitizer (ASAN_OPTIONS set), whose shadow memory needs a
# huge address space: there the peak RSS (GNU time) is checked against MIB afterwards.
# AL_STDOUT=FILE sends stdout there instead of $T/out (e.g. /dev/full).
al_bounded() {
	local seconds=$1 mib=$2 limit
	shift 2
	if [ -n "${ASAN_OPTIONS:-}" ]; then limit=unlimited; else limit=$((mib * 1024)); fi
	: >"$T/out"
	( ulimit -v "$limit" && exec /usr/bin/time -f %M -o "$T/rss" timeout "$seconds" \
		"$ARCHLINT" "$@" ) >"${AL_STDOUT:-$T/out}" 2>"$T/err"
	rc=$?
	last_cmd="archlint $* (bounded: ${seconds} s, ${mib} MiB)"
	local rss_kb
	rss_kb=$(tail -n 1 "$T/rss" 2>/dev/null)
	if [ "$rc" = 124 ] || [ "$rc" -gt 128 ] || [ "${rss_kb:-0}" -gt $((mib * 1024)) ] 2>/dev/null; then
		fail "exceeded ${seconds} s or ${mib} MiB (exit $rc, peak RSS ${rss_kb:-?} KiB)"
		show
	fi
}
show() {
	echo "    after: $last_cmd (exit $rc)"
	sed -n '1,15s/^/    stdout| /p' "$T/out"
	sed -n '1,15s/^/    stderr| /p' "$T/err"
}
expect_rc() {
	if [ "$rc" = "$1" ]; then pass; else
		fail "exit $rc, expected $1"
		show
	fi
}
# expect_error TEXT: stderr is exactly one line, "archlint: TEXT" (TEXT a fixed string).
expect_error() {
	local want="archlint: $1"
	if [ "$(wc -l <"$T/err")" = 1 ] && [ "$(cat "$T/err")" = "$want" ]; then pass; else
		fail "stderr is not the one line '$want'"
		show
	fi
}
# expect_error_match ERE: stderr is exactly one line starting "archlint: " matching ERE.
expect_error_match() {
	if [ "$(wc -l <"$T/err")" = 1 ] && grep -qE "^archlint: " "$T/err" && grep -qE -- "$1" "$T/err"; then
		pass
	else
		fail "stderr is not one 'archlint: ' line matching /$1/"
		show
	fi
}
# expect_notice TEXT: stderr has the line "archlint: notice: TEXT".
expect_notice() {
	if grep -qxF -- "archlint: notice: $1" "$T/err"; then pass; else
		fail "no notice '$1'"
		show
	fi
}
expect_no_notice() {
	if grep -q '^archlint: notice:' "$T/err"; then
		fail "unexpected notices"
		show
	else pass; fi
}
expect_stderr_has() {
	if grep -qF -- "$1" "$T/err"; then pass; else
		fail "stderr lacks '$1'"
		show
	fi
}
expect_stdout_has() {
	if grep -qF -- "$1" "$T/out"; then pass; else
		fail "stdout lacks '$1'"
		show
	fi
}
expect_stdout_lacks() {
	if grep -qF -- "$1" "$T/out"; then
		fail "stdout has '$1'"
		show
	else pass; fi
}
expect_empty_stdout() {
	if [ -s "$T/out" ]; then
		fail "stdout is not empty"
		show
	else pass; fi
}
# expect_incomplete: the summary says the run was incomplete.
expect_incomplete() { expect_stderr_has "incomplete: see the notices above"; }

# json PYTHON_EXPR [what]: evaluates the expression with d = the JSON on stdout (after al
# ... --format json); a false value or an exception is a failure. Helpers in scope:
# comp(id) -> the component or None; role(id); finding(rule, id) -> bool.
json() {
	local out
	if out=$(python3 - "$T/out" "$1" 2>&1 <<'EOF'
import json, sys
raw = open(sys.argv[1], 'rb').read()
d = json.loads(raw.decode('utf-8'))
comps = {c['id']: c for c in d.get('components', [])}
def comp(i): return comps.get(i)
def role(i): return comps[i]['role'] if i in comps else None
def finding(rule, i): return any(f['rule'] == rule and f['component'] == i for f in d.get('findings', []))
def notices(): return d['source']['notices']
def has_notice(s): return any(s in n for n in d['source']['notices'])
ok = eval(sys.argv[2])
if not ok:
    print('false; components:', sorted((k, v['role']) for k, v in comps.items()))
    print('  notices:', d.get('source', {}).get('notices'))
    sys.exit(1)
EOF
	); then pass; else
		fail "json: ${2:-$1}"
		echo "$out" | sed -n '1,10s/^/    /p'
		show
	fi
}

# al_rss ARGS...: al, measuring the peak resident set in KiB into rss_kb (GNU time).
al_rss() {
	/usr/bin/time -f '%M' -o "$T/rss" "$ARCHLINT" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	last_cmd="archlint $*"
	rss_kb=$(tail -n 1 "$T/rss")
}

# known_gap WHAT COMMAND...: a check that fails today because of a reported bug. It passes
# while the command fails (printing KNOWN GAP) and fails once the command succeeds, so
# that whoever fixes the bug turns it into an ordinary check.
known_gap() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then
		fail "fixed: '$what' now holds; make it an ordinary check in $CASE.sh"
	else
		pass
		echo "KNOWN GAP $CASE: $what"
	fi
}
