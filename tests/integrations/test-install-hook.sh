#!/usr/bin/env bash
# test-install-hook.sh: `archlint install-hook` writes a plain .git/hooks/pre-commit that git
# runs: a staged finding blocks the commit, untracked and unstaged ones do not; it works
# without archlint on PATH, honours core.hooksPath and linked worktrees, rewrites its own
# hook, refuses a foreign one without --force and keeps it as a backup with it. The
# ci-examples/pre-commit hook behaves the same way.
. "$(dirname "$0")/lib.sh"
need git
# archlint is deliberately not on PATH (an installed copy would hide the fallback).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin

repo=$T/repo
mkdir -p "$T/src"
cp "$AL_FIXTURES/hostile/go.mod" "$T/src/"
cp -r "$AL_FIXTURES/hostile/cmd" "$T/src/"
build_repo "$T/src" "$repo"
relay() { # relay REPO DIR ROLE
	mkdir -p "$1/$2"
	sed "s|archlint:role data-path|archlint:role $3|" "$AL_FIXTURES/hostile/relay.go.txt" >"$1/$2/main.go"
}
commits() { git -C "$1" rev-list --count HEAD; }

# Without archlint on PATH, the hook falls back to the binary that wrote it.
run_archlint 0 install-hook "$repo"
hook=$repo/.git/hooks/pre-commit
check "says where" grep -qF "archlint: installed $hook" "$T/out"
check "the hook is executable" test -x "$hook"
check "the hook checks the staged snapshot" grep -q 'check --staged' "$hook"
check "archlint is not on PATH here" bash -c '! command -v archlint'

relay "$repo" cmd/relay data-path
git -C "$repo" add cmd/relay
got=0; git -C "$repo" commit -qm "relay" >"$T/commit.out" 2>&1 || got=$?
check "a staged data-path service blocks the commit" test "$got" = 1
check "the hook said why" grep -q 'cmd/relay/main.go:14: warning: .*\[AL001\]' "$T/commit.out"
check "no commit was made" test "$(commits "$repo")" = 1
git -C "$repo" commit -q --no-verify -m "relay, accepted later" && pass || fail "--no-verify"

relay "$repo" cmd/staged-ok control-plane
git -C "$repo" add cmd/staged-ok
relay "$repo" cmd/untracked data-path
sed -i 's|archlint:role control-plane|archlint:role data-path|' "$repo/cmd/api/main.go"
printf '//archlint:ignore AL001 -- accepted for the test\n' >>"$repo/cmd/relay/main.go"
git -C "$repo" add cmd/relay/main.go
got=0; git -C "$repo" commit -qm "clean staged snapshot" >"$T/commit.out" 2>&1 || got=$?
check "findings only in untracked and unstaged files do not block" test "$got" = 0
check "the commit was made" test "$(commits "$repo")" = 3
git -C "$repo" checkout -q -- cmd/api && rm -rf "$repo/cmd/untracked"

# Its own hook is rewritten; a foreign one is refused, then replaced with --force.
run_archlint 0 install-hook "$repo"
printf '#!/bin/sh\necho my own hook\n' >"$hook"
run_archlint 2 install-hook "$repo"
check "a foreign hook is refused" grep -qF 'a pre-commit hook archlint did not write is already there; --force replaces it' "$T/err"
check "and left as it was" grep -q 'my own hook' "$hook"
run_archlint 0 install-hook "$repo" --force
check "--force keeps the foreign hook" grep -q 'my own hook' "$hook.archlint-backup"
check "--force says where it went" grep -qF "(the previous hook is $hook.archlint-backup)" "$T/out"
check "--force installs archlint's" grep -q 'check --staged' "$hook"
printf '#!/bin/sh\necho another\n' >"$hook"
run_archlint 0 install-hook "$repo" --force
check "a second backup does not overwrite the first" grep -q 'another' "$hook.archlint-backup.1"
check "the first backup is intact" grep -q 'my own hook' "$hook.archlint-backup"

# core.hooksPath (relative to the work tree) and linked worktrees.
git -C "$repo" config core.hooksPath .githooks
(cd "$repo/cmd" && "$ARCHLINT" install-hook) >"$T/out" 2>&1 && pass || fail "install-hook with core.hooksPath: $(cat "$T/out")"
check "core.hooksPath is honoured" test -x "$repo/.githooks/pre-commit"
relay "$repo" cmd/relay2 data-path
git -C "$repo" add cmd/relay2
got=0; git -C "$repo" commit -qm "relay2" >/dev/null 2>&1 || got=$?
check "git runs the hook from core.hooksPath" test "$got" = 1
git -C "$repo" rm -rqf --cached cmd/relay2 && rm -rf "$repo/cmd/relay2"
git -C "$repo" config --unset core.hooksPath
rm -f "$hook"
git -C "$repo" worktree add -q "$T/wt" HEAD
run_archlint 0 install-hook "$T/wt"
check "a linked worktree installs into the common hooks directory" test -x "$hook"
relay "$T/wt" cmd/relay3 data-path
git -C "$T/wt" add cmd/relay3
got=0; git -C "$T/wt" commit -qm "relay3" >/dev/null 2>&1 || got=$?
check "the hook runs in the linked worktree" test "$got" = 1

git clone -q --bare "$repo" "$T/bare.git"
run_archlint 2 install-hook "$T/bare.git"
check "a bare repository is refused" grep -qF 'a bare repository makes no commits' "$T/err"
run_archlint 2 install-hook "$repo" --frobnicate
run_archlint 0 install-hook --help
check "--help documents --force" grep -q -- '--force' "$T/out"

# ci-examples/pre-commit, copied as it is (it runs archlint from PATH).
mkdir -p "$T/bin" && ln -s "$ARCHLINT" "$T/bin/archlint"
rm -rf "$T/wt" && git -C "$repo" worktree prune
cp "$AL_SOURCE_DIR/ci-examples/pre-commit" "$hook" && chmod +x "$hook"
relay "$repo" cmd/relay4 data-path
git -C "$repo" add cmd/relay4
got=0; PATH=$T/bin:$PATH git -C "$repo" commit -qm "relay4" >"$T/commit.out" 2>&1 || got=$?
check "ci-examples/pre-commit blocks a staged finding" test "$got" = 1
git -C "$repo" rm -rqf cmd/relay4
PATH=$T/bin:$PATH git -C "$repo" commit -qm "clean" --allow-empty >"$T/commit.out" 2>&1 && pass || fail "ci-examples/pre-commit blocked a clean commit: $(cat "$T/commit.out")"

finish
