#!/usr/bin/env bash
# build-fixture-repo.sh: turn a fixture source tree into a real git repository.
#
#   build-fixture-repo.sh FIXTURE_DIR OUT_REPO [OPTIONS]
#
# The tests use the git program to BUILD repositories; archlint itself only
# ever reads them through libgit2. The result is deterministic: fixed author,
# committer, dates and branch name, no system or user git configuration, file
# modes normalised (0644 files, symlinks kept), so the same fixture always
# gives the same commit ids.
#
# History and variants (combine freely unless noted):
#   --commit-without P1,P2,...  an earlier commit of the fixture without these
#                               paths; repeat for several. They are committed in
#                               the order given and tagged v0.1.0, v0.2.0, ...;
#                               the whole fixture is the last commit (main, HEAD)
#   --unborn                    stage the fixture but commit nothing (HEAD unborn)
#   --no-git                    copy the fixture only: OUT_REPO is not a repository
#   --bare                      OUT_REPO is `git clone --bare` of the built repo
#   --shallow                   OUT_REPO is `git clone --depth 1 file://...`
#   --linked-worktree[=REV]     OUT_REPO is a `git worktree add --detach` of the
#                               built repo at REV (default main); the main
#                               repository is kept at OUT_REPO.main
#   --staged-change DIR         copy DIR over OUT_REPO's work tree and stage it
#                               (an index-only change, not committed)
#   --worktree-change DIR       copy DIR over the work tree without staging it
#                               (applied after --staged-change)
# In a change DIR, a file named .overlay-delete lists paths (one a line) to
# delete: `git rm` for a staged change, a plain `rm` for a work-tree change.
#
# FIXTURE_DIR may be `-` for an empty tree (the commit then has no files).
set -euo pipefail

die() { echo "build-fixture-repo: $*" >&2; exit 2; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; exit 2; }

[ $# -ge 2 ] || usage
fixture=$1
out=$2
shift 2

withouts=()
staged_changes=()
worktree_changes=()
variant=plain
worktree_rev=main
unborn=0
while [ $# -gt 0 ]; do
	case $1 in
	--commit-without) [ $# -ge 2 ] || die "--commit-without needs a value"; withouts+=("$2"); shift ;;
	--commit-without=*) withouts+=("${1#*=}") ;;
	--staged-change) [ $# -ge 2 ] || die "--staged-change needs a value"; staged_changes+=("$2"); shift ;;
	--staged-change=*) staged_changes+=("${1#*=}") ;;
	--worktree-change) [ $# -ge 2 ] || die "--worktree-change needs a value"; worktree_changes+=("$2"); shift ;;
	--worktree-change=*) worktree_changes+=("${1#*=}") ;;
	--bare) variant=bare ;;
	--shallow) variant=shallow ;;
	--linked-worktree) variant=linked ;;
	--linked-worktree=*) variant=linked; worktree_rev=${1#*=} ;;
	--no-git) variant=nogit ;;
	--unborn) unborn=1 ;;
	-h | --help) usage ;;
	*) die "unknown option '$1'" ;;
	esac
	shift
done

if [ "$fixture" != - ]; then
	[ -d "$fixture" ] || die "no fixture directory '$fixture'"
	fixture=$(cd "$fixture" && pwd)
fi
for d in ${staged_changes[@]+"${staged_changes[@]}"} ${worktree_changes[@]+"${worktree_changes[@]}"}; do
	[ -d "$d" ] || die "no change directory '$d'"
done
[ ! -e "$out" ] || [ -z "$(ls -A "$out")" ] || die "'$out' exists and is not empty"
if [ "$variant" = bare ] && [ ${#staged_changes[@]} -gt 0 -o ${#worktree_changes[@]} -gt 0 ]; then
	die "a bare repository has no work tree to change"
fi
if [ $unborn = 1 ] && [ "$variant" != plain -o ${#withouts[@]} -gt 0 ]; then
	die "--unborn only makes a plain repository"
fi

# No user, system or inherited repository settings may leak in: a test run
# from a git hook has GIT_DIR, GIT_INDEX_FILE and friends set.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(GIT_[A-Za-z0-9_]*\)=.*/\1/p')
scratch=$(mktemp -d "${TMPDIR:-/tmp}/fixture-repo.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config
mkdir -p "$HOME"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Fixture Author" GIT_AUTHOR_EMAIL=author@fixtures.example
export GIT_COMMITTER_NAME="Fixture Committer" GIT_COMMITTER_EMAIL=committer@fixtures.example
export TZ=UTC LC_ALL=C
git_() {
	git -c init.defaultBranch=main -c core.autocrlf=false -c core.fileMode=true \
		-c core.symlinks=true -c commit.gpgSign=false -c tag.gpgSign=false -c gc.auto=0 \
		-c advice.detachedHead=false -c protocol.file.allow=always "$@"
}

commit_no=0
commit_() {
	commit_no=$((commit_no + 1))
	local date
	date=$(printf '2024-03-%02dT12:00:00+0000' "$commit_no")
	GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date git_ -C "$1" commit -q --allow-empty --no-verify -m "$2"
}

# lay_tree DIR [EXCLUDED_PATHS_CSV]: make DIR's work tree the fixture, minus paths.
lay_tree() {
	local dir=$1 skip=${2:-} p
	find "$dir" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
	if [ "$fixture" != - ]; then
		cp -a "$fixture/." "$dir/"
	fi
	if [ -n "$skip" ]; then
		IFS=, read -r -a paths <<<"$skip"
		for p in "${paths[@]}"; do
			[ -e "$dir/$p" ] || [ -L "$dir/$p" ] || die "--commit-without: no '$p' in the fixture"
			rm -rf "${dir:?}/$p"
		done
	fi
	normalise_modes "$dir"
}

normalise_modes() {
	find "$1" -path "$1/.git" -prune -o -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
}

# apply_change REPO DIR staged|worktree
apply_change() {
	local repo=$1 dir=$2 how=$3 tmp p
	tmp=$scratch/change
	rm -rf "$tmp"
	mkdir -p "$tmp"
	cp -a "$dir/." "$tmp/"
	if [ -f "$tmp/.overlay-delete" ]; then
		while IFS= read -r p; do
			case $p in '' | '#'*) continue ;; esac
			if [ "$how" = staged ]; then
				git_ -C "$repo" rm -q -r -- "$p"
			else
				rm -rf "${repo:?}/$p"
			fi
		done <"$tmp/.overlay-delete"
		rm -f "$tmp/.overlay-delete"
	fi
	normalise_modes "$tmp"
	cp -a "$tmp/." "$repo/"
	if [ "$how" = staged ]; then
		git_ -C "$repo" add -A -f .
	fi
}

if [ "$variant" = nogit ]; then
	mkdir -p "$out"
	lay_tree "$out"
	exit 0
fi

# Build the repository with its history; clones are made from it afterwards.
case $variant in
plain) base=$out ;;
linked) base=$out.main ;;
*) base=$scratch/base ;;
esac
mkdir -p "$base"
git_ init -q "$base"

if [ $unborn = 1 ]; then
	lay_tree "$base"
	git_ -C "$base" add -A -f .
else
	n=0
	for w in ${withouts[@]+"${withouts[@]}"}; do
		n=$((n + 1))
		lay_tree "$base" "$w"
		git_ -C "$base" add -A -f .
		commit_ "$base" "snapshot $n: without $w"
		git_ -C "$base" tag "v0.$n.0"
	done
	lay_tree "$base"
	git_ -C "$base" add -A -f .
	commit_ "$base" "import fixture $(basename "${fixture/#-/empty}")"
fi

case $variant in
bare) git_ clone -q --bare --no-hardlinks "$base" "$out" ;;
shallow) git_ clone -q --depth 1 "file://$base" "$out" ;;
linked) git_ -C "$base" worktree add -q --detach "$out" "$worktree_rev" ;;
esac

for d in ${staged_changes[@]+"${staged_changes[@]}"}; do apply_change "$out" "$d" staged; done
for d in ${worktree_changes[@]+"${worktree_changes[@]}"}; do apply_change "$out" "$d" worktree; done
