#!/usr/bin/env bash
# Repositories archlint cannot read as asked: each is one `archlint: '<path>': <cause>`
# line on stderr, exit 2 and nothing on stdout — never a crash, never a partial report;
# and states it reads with a notice (missing blobs, a merge conflict).
. "$(dirname "$0")/../lib.sh"

# Not a repository at all (GIT_CEILING_DIRECTORIES keeps git from looking above $T).
mkdir -p "$T/plain" && cd "$T/plain" && go_mod && go_proxy cmd/proxy
cd "$T"
al check plain
expect_rc 2
expect_error "'plain': not a git repository"
expect_empty_stdout
al components "$T/no/such/dir"
expect_rc 2
expect_error "'$T/no/such/dir': not a git repository"

# An empty repository: HEAD is unborn and nothing is staged.
repo empty
cd "$T"
al check empty
expect_rc 2
expect_error "'empty': HEAD has no commits yet"
expect_empty_stdout
al check --staged empty
expect_rc 0
expect_empty_stdout

# Unborn HEAD with staged files: the revision fails, the index is readable.
repo unborn
go_mod && go_proxy cmd/proxy && git add -A
cd "$T"
al check unborn
expect_rc 2
expect_error "'unborn': HEAD has no commits yet"
al check --staged --format json unborn
expect_rc 1
json 'role("cmd/proxy") == "data-path" and finding("AL001", "cmd/proxy")'
al check --rev main unborn
expect_rc 2
expect_error "'unborn': unknown revision 'main'"

# A good repository with two commits, for the revision cases below.
repo good
go_mod && go_api cmd/api && commit one
go_proxy cmd/proxy && commit two
base=$(git rev-parse HEAD~1)
cd "$T"
for rev in nosuch 'HEAD~7' 0000000000000000000000000000000000000000 'main:go.mod' '-x' '@{upstream}'; do
	al check --rev "$rev" good
	expect_rc 2
	case $rev in
	main:go.mod) expect_error "'good': revision 'main:go.mod' does not name a tree" ;;
	*) expect_error "'good': unknown revision '$rev'" ;;
	esac
	expect_empty_stdout
done
al check --rev "$base" --format json good
expect_rc 0
json 'role("cmd/api") == "control-plane" and comp("cmd/proxy") is None'

# A shallow clone: HEAD is there, its parent is not.
git clone -q --depth 1 "file://$T/good" shallow
al check --format json shallow
expect_rc 1
json 'd["source"]["complete"] and role("cmd/proxy") == "data-path" and role("cmd/api") == "control-plane"'
for rev in 'HEAD~1' "$base"; do
	al check --rev "$rev" shallow
	expect_rc 2
	expect_error "'shallow': unknown revision '$rev'"
done

# A bare repository: revisions work; the work tree does not exist, nor (unless one was
# written into it) the index, so --staged is an error, never an empty snapshot that passes.
git clone -q --bare "$T/good" bare.git
al check --format json bare.git
expect_rc 1
json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"'
al check --worktree bare.git
expect_rc 2
expect_error "'bare.git': a bare repository has no work tree; check a revision instead (--rev)"
expect_empty_stdout
for cmd in check components; do
	al $cmd --staged bare.git
	expect_rc 2
	expect_error "'bare.git': a bare repository has no index; check a revision instead (--rev)"
	expect_empty_stdout
done
git --git-dir=bare.git read-tree HEAD
al check --staged --format json bare.git
expect_rc 1
json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"'
rm bare.git/index
(cd bare.git && "$ARCHLINT" check --rev "$base" >"$T/out" 2>"$T/err")
rc=$?
expect_rc 0

# A repository owned by another user: libgit2's ownership check refuses it (as git
# does); archlint says so in one line instead of crashing or naming a config value.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	cp -a "$T/good" "$T/owned"
	chown -R nobody "$T/owned"
	al check owned
	expect_rc 2
	expect_error "'owned': repository is owned by another user; git refuses it unless it is listed in safe.directory"
	expect_empty_stdout
	(cd "$T/owned/cmd" && "$ARCHLINT" check >"$T/out" 2>"$T/err")
	rc=$?
	expect_rc 2
	expect_error_match "owned by another user"
	# Listed in safe.directory: trusted, and judged.
	git config --global --add safe.directory "$T/owned"
	al check owned
	expect_rc 1
	expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
	git config --global --unset-all safe.directory
	# "*" trusts every directory, as in git (libgit2 1.5 alone ignores it): the CI container
	# case. The blobs are read in worker threads, so the findings show those opens work too.
	git config --global --add safe.directory '*'
	al_bounded 30 512 check owned
	expect_rc 1
	expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
	(cd "$T/owned/cmd" && "$ARCHLINT" check >"$T/out" 2>"$T/err")
	rc=$?
	expect_rc 1
	expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
	# An empty value forgets the values before it.
	git config --global --add safe.directory ''
	al check owned
	expect_rc 2
	expect_error_match "owned by another user"
	git config --global --unset-all safe.directory
	# The exact path with "~/" for $HOME, through a symlink and with a trailing '/': the same
	# directory after normalisation.
	ln -s "$T/owned" "$HOME/owned-link"
	git config --global --add safe.directory "~/owned-link/"
	al_bounded 30 512 check owned
	expect_rc 1
	expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
	git config --global --unset-all safe.directory
	# The repository's own config cannot vouch for itself; a file named by GIT_CONFIG_GLOBAL
	# is the global one, as for git.
	git config --file "$T/owned/.git/config" safe.directory '*'
	al check owned
	expect_rc 2
	expect_error_match "owned by another user"
	git config --file "$T/owned/.git/config" --unset-all safe.directory
	printf '[safe]\n\tdirectory = *\n' >"$T/other.gitconfig"
	GIT_CONFIG_GLOBAL=$T/other.gitconfig al_bounded 30 512 check owned
	expect_rc 1
	expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
	chown -R "$(id -u)" "$T/owned"
else
	echo "note: not root (or no user nobody): the ownership check is not exercised"
fi

# A missing blob: the file is a notice, its component is gone, the rest is judged.
repo missing
go_mod && go_api cmd/api && go_proxy cmd/proxy && commit
oid=$(git rev-parse HEAD:cmd/api/main.go)
rm -f ".git/objects/${oid:0:2}/${oid:2}"
cd "$T"
al check --no-cache missing
expect_rc 1
expect_notice "cmd/api/main.go: blob $oid is missing from the object database"
expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
expect_incomplete
al check --no-cache --format json missing
json 'not d["source"]["complete"] and has_notice("blob '"$oid"' is missing") and finding("AL001", "cmd/proxy")'
# A missing tree object: the revision cannot be listed at all.
repo missingtree
go_mod && go_proxy cmd/proxy && go_api cmd/api && commit
tree=$(git rev-parse HEAD:cmd/api)
rm -f ".git/objects/${tree:0:2}/${tree:2}"
cd "$T"
al check --no-cache missingtree
expect_rc 2
expect_error_match "^archlint: cannot list the tree: "
# A merge in progress with a conflict in a service's main package (index stages 1-3): the
# index judges our side, the work tree its file with the conflict markers; each says so in
# a notice naming the file, and the service is still judged. The revision is untouched.
repo conflict
go_mod && go_proxy cmd/proxy && go_api cmd/api && commit base
git checkout -q -b theirs
sed -i 's/backend:9000/theirs:9000/' cmd/proxy/main.go && commit theirs
git checkout -q main
sed -i 's/backend:9000/ours:9000/' cmd/proxy/main.go && commit ours
git merge -q theirs >/dev/null 2>&1 && echo "BROKEN $CASE: the merge did not conflict" >&2
cd "$T"
al_bounded 30 512 check --no-cache --staged --format json conflict
expect_rc 1
json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane" and not d["source"]["complete"]' "conflict: staged"
json 'has_notice("cmd/proxy/main.go: merge conflict: our side (index stage 2) is judged, theirs is not")'
al_bounded 30 512 check --no-cache --worktree --format json conflict
expect_rc 1
json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane" and not d["source"]["complete"]' "conflict: work tree"
json 'has_notice("cmd/proxy/main.go: merge conflict: the work tree'"'"'s file is judged as it stands")'
al_bounded 30 512 check --no-cache --format json conflict
expect_rc 1
json 'd["source"]["complete"] and finding("AL001", "cmd/proxy")' "conflict: HEAD"
# Deleted on our side, changed on theirs: the index has nothing of ours to judge.
repo deleted
go_mod && go_proxy cmd/proxy && go_api cmd/api && commit base
git checkout -q -b theirs
sed -i 's/backend:9000/theirs:9000/' cmd/proxy/main.go && commit theirs
git checkout -q main
git rm -q cmd/proxy/main.go && commit ours
git merge -q theirs >/dev/null 2>&1 && echo "BROKEN $CASE: the merge did not conflict" >&2
cd "$T"
al_bounded 30 512 check --no-cache --staged deleted
expect_rc 1 # incomplete: the gate does not pass on what it did not judge
expect_notice "cmd/proxy/main.go: merge conflict: our side deletes it, so it is not judged"
expect_incomplete
al_bounded 30 512 check --no-cache --worktree --format json deleted
expect_rc 1
json 'finding("AL001", "cmd/proxy") and has_notice("cmd/proxy/main.go: merge conflict: the work tree'"'"'s file is judged as it stands")' "deleted: work tree"
finish
