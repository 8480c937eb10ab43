#!/usr/bin/env bash
# test-pre-commit.sh: the project's .pre-commit-hooks.yaml with the real pre-commit
# framework (Debian's pre-commit): valid against the SchemaStore schema; `pre-commit
# try-repo` on a hook repository holding it, and `pre-commit install` + `git commit` with a
# .pre-commit-config.yaml pinning it by commit, in a repository the test builds. The hook
# checks the staged snapshot: a staged data-path Go service blocks the commit, an untracked
# or unstaged one does not, and an unstaged fix does not rescue a staged finding; a finding
# already committed is reported below the gate (args: [--full-gate] gates on it). The
# example ci-examples/.pre-commit-config.yaml works the same way.
. "$(dirname "$0")/lib.sh"
need pre-commit git node

check ".pre-commit-hooks.yaml is valid against the SchemaStore schema" \
	validate_json "$AL_SCHEMAS/schemastore-pre-commit-hooks.json" "$AL_SOURCE_DIR/.pre-commit-hooks.yaml" --yaml
check "the hook is what the issue asks for" python3 - "$AL_SOURCE_DIR/.pre-commit-hooks.yaml" <<'EOF'
import sys
text = open(sys.argv[1]).read()
for line in ("- id: archlint", "entry: archlint check --staged --new-from-rev HEAD", "language: system",
             "pass_filenames: false", "require_serial: true"):
    assert ("\n" + line + "\n") in ("\n" + "\n".join(l.strip() for l in text.splitlines()) + "\n"), line
EOF

mkdir -p "$T/bin"
ln -s "$ARCHLINT" "$T/bin/archlint"
export PATH=$T/bin:$PATH PRE_COMMIT_HOME=$T/pre-commit-home PRE_COMMIT_COLOR=never

# The hook repository: the project's hook definition, committed.
hooks=$T/hook-repo
mkdir -p "$hooks"
cp "$AL_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm "archlint hook"
hooks_rev=$(git -C "$hooks" rev-parse HEAD)

# The repository under test: one clean control-plane service.
new_repo() {
	rm -rf "$repo"
	mkdir -p "$T/src"
	rm -rf "$T/src"/*
	cp "$AL_FIXTURES/hostile/go.mod" "$T/src/"
	cp -r "$AL_FIXTURES/hostile/cmd" "$T/src/"
	build_repo "$T/src" "$repo"
}
relay() { # relay DIR ROLE: a relay service declared with ROLE
	mkdir -p "$repo/$1"
	sed "s|archlint:role data-path|archlint:role $2|" "$AL_FIXTURES/hostile/relay.go.txt" >"$repo/$1/main.go"
}
# try_repo EXPECTED_EXIT WHAT
try_repo() {
	local got=0
	(cd "$repo" && pre-commit try-repo "$hooks" archlint) >"$T/pc.out" 2>&1 || got=$?
	if [ "$got" = "$1" ]; then pass; else
		fail "pre-commit try-repo: $2: exit $got, expected $1"
		sed -n '1,30s/^/    /p' "$T/pc.out"
	fi
}
repo=$T/repo

new_repo
try_repo 0 "nothing staged"
relay cmd/relay data-path
git -C "$repo" add cmd/relay
try_repo 1 "a staged data-path Go service"
check "the hook output names the finding" grep -q 'cmd/relay/main.go:14: warning: data-path service written in Go' "$T/pc.out"

# An unstaged fix does not rescue what is staged.
sed -i 's|archlint:role data-path|archlint:role control-plane|' "$repo/cmd/relay/main.go"
try_repo 1 "a staged finding with an unstaged fix"
check "the unstaged edit is still in the work tree afterwards" grep -q 'archlint:role control-plane' "$repo/cmd/relay/main.go"

# Staged content clean; the finding only in the work tree (unstaged, untracked): passes.
new_repo
relay cmd/relay control-plane
git -C "$repo" add cmd/relay
sed -i 's|archlint:role control-plane|archlint:role data-path|' "$repo/cmd/relay/main.go"
relay cmd/untracked data-path
try_repo 0 "findings only in unstaged and untracked files"
check "archlint --worktree would have failed there" bash -c '! archlint check --worktree "$1" >/dev/null 2>&1' _ "$repo"

# Day one: a finding already committed (here before the hook) does not block an unrelated
# commit; it is reported below the gate. Changing that component's role does block.
new_repo
relay cmd/old data-path
git -C "$repo" add cmd/old && git -C "$repo" commit -qm "old debt"
echo "notes" >"$repo/NOTES.md" && git -C "$repo" add NOTES.md
try_repo 0 "a committed finding and an unrelated staged change"
(cd "$repo" && archlint check --staged --new-from-rev HEAD) >"$T/out" 2>"$T/err"
check "the old finding is reported below the gate" grep -qF '0 findings (0 errors, 0 warnings, 0 notes); 1 suppressed (1 unchanged)' "$T/err"
relay cmd/old control-plane && git -C "$repo" add cmd/old && git -C "$repo" commit -qm "old, fixed"
relay cmd/old data-path && git -C "$repo" add cmd/old
try_repo 1 "a staged change of a component's role"
# The first commit of a repository has no HEAD to compare with: everything gates.
rm -rf "$T/unborn" && mkdir -p "$T/unborn/cmd/relay" && git -C "$T/unborn" init -q
cp "$AL_FIXTURES/hostile/relay.go.txt" "$T/unborn/cmd/relay/main.go" && git -C "$T/unborn" add -A
got=0; (cd "$T/unborn" && archlint check --staged --new-from-rev HEAD) >"$T/out" 2>&1 || got=$?
check "before the first commit, a staged finding gates" test "$got" = 1

# pre-commit run through git: install the framework's hook, pin the hook repo by commit.
new_repo
cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hooks
    rev: $hooks_rev
    hooks:
      - id: archlint
EOF
git -C "$repo" add .pre-commit-config.yaml && git -C "$repo" commit -qm "pre-commit config"
(cd "$repo" && pre-commit install) >"$T/pc.out" 2>&1 && pass || { fail "pre-commit install"; cat "$T/pc.out"; }
relay cmd/relay data-path
git -C "$repo" add cmd/relay
got=0; git -C "$repo" commit -qm "add a relay" >"$T/commit.out" 2>&1 || got=$?
check "git commit is blocked by the hook" test "$got" = 1
check "the commit did not happen" test "$(git -C "$repo" rev-list --count HEAD)" = 2
check "the hook said why" grep -q '\[AL001\]' "$T/commit.out"
sed -i 's|archlint:role data-path|archlint:role control-plane|' "$repo/cmd/relay/main.go"
git -C "$repo" add cmd/relay
git -C "$repo" commit -qm "add a control-plane relay" >"$T/commit.out" 2>&1 && pass || { fail "a clean commit was blocked"; cat "$T/commit.out"; }
check "pre-commit ran archlint" grep -q '^archlint\.*Passed' "$T/commit.out"
# The relay is committed now: an unrelated commit passes, unless args: [--full-gate].
echo "notes" >"$repo/NOTES.md" && git -C "$repo" add NOTES.md
relay cmd/relay data-path && git -C "$repo" add cmd/relay && git -C "$repo" commit -q --no-verify -m "debt"
echo "more" >>"$repo/NOTES.md" && git -C "$repo" add NOTES.md
git -C "$repo" commit -qm "notes" >"$T/commit.out" 2>&1 && pass || { fail "an old finding blocked an unrelated commit"; cat "$T/commit.out"; }
sed -i 's|      - id: archlint|      - id: archlint\n        args: [--full-gate]|' "$repo/.pre-commit-config.yaml"
git -C "$repo" add .pre-commit-config.yaml
got=0; git -C "$repo" commit -qm "full gate" >"$T/commit.out" 2>&1 || got=$?
check "args: [--full-gate]: the old finding blocks" test "$got" = 1
git -C "$repo" reset -q --hard HEAD~1
(cd "$repo" && pre-commit run --all-files) >"$T/pc.out" 2>&1 && pass || { fail "pre-commit run --all-files"; cat "$T/pc.out"; }

# The example configuration from ci-examples/ (repo: local) blocks and passes the same way.
new_repo
cp "$AL_SOURCE_DIR/ci-examples/.pre-commit-config.yaml" "$repo/"
git -C "$repo" add .pre-commit-config.yaml
relay cmd/relay data-path
git -C "$repo" add cmd/relay
got=0; (cd "$repo" && pre-commit run) >"$T/pc.out" 2>&1 || got=$?
check "ci-examples/.pre-commit-config.yaml: a staged finding fails" test "$got" = 1
git -C "$repo" rm -rqf cmd/relay
(cd "$repo" && pre-commit run) >"$T/pc.out" 2>&1 && pass || { fail "ci-examples/.pre-commit-config.yaml: clean run failed"; cat "$T/pc.out"; }

finish
