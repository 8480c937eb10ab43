#!/usr/bin/env bash
# Files that are not what their path says (issue 14): every file archlint opens is checked on
# the opened descriptor (a regular file, of bounded size) and, where the repository controls
# the path, opened without following a symlink. Each run is bounded in time and memory:
#   - a configuration or baseline that is /dev/zero, a FIFO, a symlink to /dev/zero, or a
#     3 GiB (sparse) file: one error naming the file, at once;
#   - a committed .archlint.json or .archlint-baseline.json that is a symlink: an error,
#     never the defaults;
#   - the extraction and listing caches under the git directory replaced by a FIFO, a
#     symlink to /dev/zero or a 3 GiB file: a notice, the cache rebuilt, the scan right;
#   - a work-tree directory swapped for a symlink leading outside the repository: the file
#     beyond it is never read, so it cannot decide a verdict;
#   - install-hook with core.hooksPath in the tracked tree and a committed symlink at a
#     temporary file's name: nothing outside the hooks directory is written.
. "$(dirname "$0")/../lib.sh"

repo files
go_mod
go_proxy cmd/proxy
commit
mkfifo "$T/fifo"
truncate -s 3G "$T/huge.json"
for input in /dev/zero "$T/fifo" "$T/huge.json"; do
	al_bounded 10 512 check --no-cache --config "$input" .
	expect_rc 2
	expect_error_match "^archlint: $input: cannot be read: (not a regular file|larger than [0-9]+ bytes)$"
	al_bounded 10 512 check --no-cache --baseline "$input" .
	expect_rc 2
	expect_error_match "^archlint: $input: the baseline cannot be read: (not a regular file|larger than [0-9]+ bytes)$"
done
ln -s /dev/zero .archlint-baseline.json
commit "a baseline that is a symlink"
al_bounded 10 512 check --no-cache --baseline .archlint-baseline.json .
expect_rc 2
expect_error_match "\.archlint-baseline\.json: the baseline cannot be read: not a regular file$"
for mode in "" --staged --worktree; do # committed, it is applied without a flag: never read
	al_bounded 10 512 check --no-cache $mode .
	expect_rc 2
	expect_error_match "^archlint: \.archlint-baseline\.json: cannot be read: (a symbolic link \(not followed\)|not a regular file)$"
done

repo linked-config
go_mod
go_proxy cmd/proxy
printf '{ "rules": { "AL001": "off" } }\n' | put "$T/outside.json"
ln -s "$T/outside.json" .archlint.json
commit
for mode in "" --staged --worktree; do
	al_bounded 10 512 check --no-cache $mode .
	expect_rc 2
	expect_error_match "^archlint: \.archlint\.json: cannot be read: (a symbolic link \(not followed\)|not a regular file)$"
done

repo caches
go_mod
go_proxy cmd/proxy
go_api cmd/api
commit
al check --format json .
expect_rc 1
for cache in .git/archlint/facts-*.cache .git/archlint/listing-*.cache; do
	for kind in fifo zero huge; do
		rm -f "$cache"
		case $kind in
		fifo) mkfifo "$cache" ;;
		zero) ln -s /dev/zero "$cache" ;;
		huge) truncate -s 3G "$cache" ;;
		esac
		al_bounded 20 512 check --format json .
		expect_rc 1
		json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"' "cache $kind: the scan is right"
		case $cache in
		*facts-*) expect_stderr_has "cache not read" ;;
		esac
		[ -f "$cache" ] && [ ! -L "$cache" ] && pass || fail "$cache ($kind) was not rebuilt as a regular file"
	done
done

# The work tree's internal/engine becomes a symlink to a directory outside the repository,
# whose engine.go would make cmd/svc a data-path proxy.
repo escape
go_mod
put cmd/svc/main.go <<'EOF'
package main

import "example.com/hostile/internal/engine"

func main() { engine.Run() }
EOF
printf 'package engine\n\nfunc Run() {}\n' | put internal/engine/engine.go
commit
mkdir -p "$T/outside"
go_proxy "$T/outside"
sed -e 's/^package main/package engine/' -e 's/^func main()/func Run()/' "$T/outside/main.go" >"$T/outside/engine.go"
rm -f "$T/outside/main.go"
rm -rf internal/engine
ln -s "$T/outside" internal/engine
al_bounded 20 512 check --no-cache --worktree --format json .
json 'not any(e.get("path", "").startswith("internal/engine/") for c in d["components"] for e in c.get("evidence", []))' "worktree: no evidence read through a symlinked directory"
json 'not finding("AL001", "cmd/svc")' "worktree: a file outside the repository decides no verdict"

repo hook
go_mod
go_api cmd/api
printf 'do not overwrite\n' >"$T/victim"
chmod 0644 "$T/victim"
mkdir -p .githooks
ln -s "$T/victim" .githooks/pre-commit.archlint-tmp
commit
git config core.hooksPath .githooks
al_bounded 10 256 install-hook .
expect_rc 0
[ "$(cat "$T/victim")" = "do not overwrite" ] && pass || fail "install-hook wrote through a committed symlink"
[ "$(stat -c %a "$T/victim")" = 644 ] && pass || fail "install-hook changed the mode of a file outside the repository"
[ -f .githooks/pre-commit ] && [ -x .githooks/pre-commit ] && grep -q "archlint check --staged" .githooks/pre-commit &&
	pass || fail "install-hook did not install the hook"
[ -z "$(find .githooks -name 'pre-commit.archlint-tmp.*')" ] && pass || fail "install-hook left a temporary file"

finish
