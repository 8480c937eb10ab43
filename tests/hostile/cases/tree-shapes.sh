#!/usr/bin/env bash
# Shapes of files and trees: deeply nested expressions (no stack overflow in the parser or
# in archlint's own tree walks), symlinks (never followed: their target is not this
# repository's code), and submodule entries (gitlinks: a commit id, not a tree to read).
. "$(dirname "$0")/../lib.sh"

repo shapes
go_mod && go_proxy cmd/proxy && go_api cmd/api
python3 - <<'EOF2'
import os
# Within the parsers' limits (grammars.h): 1000 brackets deep, 10 000 operators in a row.
n = 1000
os.makedirs('cmd/deep', exist_ok=True)
with open('cmd/deep/main.go', 'w') as f:
    f.write('package main\n\nimport "k8s.io/client-go/kubernetes"\n\nvar x = ' + '(' * n + '1' + ')' * n +
            '\nvar y = ' + '-' * 10000 + '1\nvar z = ' + '[]int{' * 500 + '}' * 500 +
            '\n\nfunc main() {\n' + '\tif true {\n' * 900 + '\t}\n' * 900 +
            '\t_ = kubernetes.Clientset{}\n}\n')
os.makedirs('crates/deep/src', exist_ok=True)
with open('crates/deep/Cargo.toml', 'w') as f:
    f.write('[package]\nname = "deep"\nversion = "0.1.0"\n\n[dependencies]\nkube = "0.90"\nclap = "4"\n')
with open('crates/deep/src/main.rs', 'w') as f:
    f.write('use kube::Client;\nfn main() {\n    let x = ' + '[' * n + '1' + ']' * n + ';\n    let y = ' +
            '{' * 900 + '}' * 900 + ';\n    let c = Client::try_default();\n}\n')
with open('crates/deep/Cargo.toml', 'a') as f:
    f.write('\n[package.metadata.deep]\nx = ' + '[' * 1000 + ']' * 1000 + '\n')
# Past them: tree-sitter 0.20.7 crashes (a double free) or takes minutes on such input,
# so these files are skipped with a notice; valid or not, closed or not.
def go(d, body):
    os.makedirs(d, exist_ok=True)
    open(d + '/main.go', 'w').write('package main\n\nfunc main() {}\n' + body + '\n')
go('cmd/nested', 'var x = ' + '(' * 100000 + '1' + ')' * 100000)
go('cmd/unclosed', 'var x = ' + 'a(' * 120000)
go('cmd/dashes', 'var x = ' + '- ' * 200000)
os.makedirs('crates/hazard/src', exist_ok=True)
open('crates/hazard/Cargo.toml', 'w').write('[package]\nname = "hazard"\nversion = "0.1.0"\n')
open('crates/hazard/src/main.rs', 'w').write('fn main() { let x = ' + '&' * 200000 + '\n')
os.makedirs('crates/toml-deep/src', exist_ok=True)
open('crates/toml-deep/Cargo.toml', 'w').write('[package]\nname = "toml-deep"\nx = ' + '[' * 300000 + '\n')
open('crates/toml-deep/src/main.rs', 'w').write('fn main() {}\n')
# A deep directory path (libgit2 walks a work tree at most 100 levels down).
d = '/'.join(['d%d' % i for i in range(90)])
os.makedirs('cmd/' + d, exist_ok=True)
with open('cmd/' + d + '/main.go', 'w') as f:
    f.write(open('cmd/proxy/main.go').read())
EOF2
deepdir=cmd/$(python3 -c "print('/'.join(['d%d' % i for i in range(90)]))")
# Symlinks: to a service in the repository, to a file outside it, to itself, dangling.
mkdir -p cmd/linked cmd/outside cmd/loop
ln -s ../proxy/main.go cmd/linked/main.go
ln -s /etc/passwd cmd/outside/main.go
ln -s main.go cmd/loop/main.go
ln -s ../../nowhere cmd/dangling
ln -s ../proxy cmd/dirlink
ln -s /etc rust-etc
commit

# Submodules: a gitlink to an existing commit (checked out in the work tree, a .git file
# inside), one to a commit that exists nowhere, and one without .gitmodules.
repo sub
go_mod example.com/sub && go_proxy cmd/proxy && commit
cd "$T/shapes"
git -c protocol.file.allow=always submodule add -q "$T/sub" vendored/sub >/dev/null 2>&1 ||
	git -c protocol.file.allow=always submodule add -q "$T/sub" vendored/sub
git update-index --add --cacheinfo 160000,1234567890123456789012345678901234567890,cmd/ghost
git update-index --add --cacheinfo "160000,$(git -C "$T/sub" rev-parse HEAD),cmd/nomodule"
git commit -q -m submodules

for mode in "" --staged --worktree; do
	al check --no-cache $mode --format json .
	expect_rc 1
	json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"' "sound services ($mode)"
	json 'role("cmd/deep") == "control-plane" and role("crates/deep") == "control-plane"' "deep nesting ($mode)"
	json 'role("'"$deepdir"'") == "data-path"' "deep directory ($mode)"
	json 'all(comp(i) is None for i in ("cmd/linked", "cmd/outside", "cmd/loop", "cmd/dangling", "cmd/dirlink", "cmd/ghost", "cmd/nomodule", "vendored/sub/cmd/proxy"))' "links and submodules are not read ($mode)"
	json 'not any("/etc" in p for c in d["components"] for p in [e["path"] for e in c["evidence"]])'
	json 'set(comps) == {"cmd/api", "cmd/proxy", "cmd/deep", "crates/deep", "crates/hazard", "cmd/nested", "cmd/unclosed", "cmd/dashes", "'"$deepdir"'"}' "exactly the real components ($mode)"
	json 'all(role(i) == "unclassified" and "entry file was not read" in comp(i)["decided_by"] for i in ("cmd/nested", "cmd/unclosed", "cmd/dashes", "crates/hazard"))' "a main package whose main file is not parsed is kept, unclassified ($mode)"
	json 'has_notice("cmd/nested/main.go: skipped: brackets nested 100000 deep, over 1024") and has_notice("cmd/unclosed/main.go: skipped: brackets nested 120000 deep, over 1024")' "nesting past the limit ($mode)"
	json 'has_notice("cmd/dashes/main.go: skipped: 200001 punctuation characters in a row, over 16384") and has_notice("crates/hazard/src/main.rs: skipped: 200001 punctuation")' "operator runs past the limit ($mode)"
	json 'has_notice("crates/toml-deep/Cargo.toml: not read: brackets nested 300000 deep, over 1024")' "TOML past the limit ($mode)"
done
# Deeper than libgit2 walks a work tree (100 levels): a revision and the index are read
# whole; in the work tree the tracked files are read, and the untracked ones, which
# libgit2 cannot list past a tracked directory that deep, are a notice.
repo deeper
go_mod && go_proxy cmd/proxy
deeper=cmd/$(python3 -c "print('/'.join(['d%d' % i for i in range(150)]))")
go_proxy "$deeper"
commit
for mode in "" --staged; do
	al check --no-cache $mode --format json .
	expect_rc 1
	json 'finding("AL001", "cmd/proxy") and finding("AL001", "'"$deeper"'")' "150 levels ($mode)"
done
al_bounded 30 512 check --no-cache --worktree .
expect_rc 1
expect_stdout_has "$deeper/main.go:8: warning: "
expect_notice "$T/deeper/: untracked files are not listed: directory nesting too deep (100)"
expect_incomplete
# An untracked chain 200 levels deep: the directory at libgit2's limit is a notice; the
# services above it, in the chain and beside it, are judged.
repo chain
go_mod && go_proxy cmd/proxy && commit
chain=$(python3 -c "print('/'.join(['c%d' % i for i in range(200)]))")
mkdir -p "$chain" && go_api "${chain%%/c50/*}/c50" && go_api cmd/new
echo 'package deep' | put "$chain/deep.go"
cut=$(python3 -c "print('/'.join(['c%d' % i for i in range(100)]) + '/')")
al_bounded 30 512 check --no-cache --worktree --format json .
expect_rc 1
json 'finding("AL001", "cmd/proxy") and role("cmd/new") == "control-plane" and role("'"${chain%%/c50/*}/c50"'") == "control-plane"' "untracked chain: the rest"
json 'd["source"]["notices"] == ["'"$cut"': directory nesting too deep for libgit2: its untracked files are not read"] and not d["source"]["complete"]' "untracked chain: the notice"
# Ignored there anyway: no notice.
echo "/$cut" >.gitignore
al_bounded 30 512 check --no-cache --worktree --format json .
expect_rc 1
json 'd["source"]["complete"] and role("cmd/new") == "control-plane"' "untracked chain, ignored"

cd "$T/shapes"
al explain . cmd/linked
expect_rc 2
expect_error "no component 'cmd/linked' (see 'archlint components')"
finish
