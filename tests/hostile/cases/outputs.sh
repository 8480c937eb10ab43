#!/usr/bin/env bash
# Outputs that cannot be written: every command's standard output and -o FILE on a full
# device (/dev/full), and the GitHub job summary file. A report lost to a full disk is an
# error, exit 2 and one line naming the output and the cause, never a silent success nor
# an "unknown error".
. "$(dirname "$0")/../lib.sh"

repo outputs
go_mod && go_proxy cmd/proxy && go_api cmd/api
commit base

full='standard output: No space left on device'
# to_full ARGS...: archlint with its standard output on /dev/full.
to_full() {
	AL_STDOUT=/dev/full al_bounded 30 512 "$@"
	expect_rc 2
	expect_error "$full"
}
for fmt in html md json; do to_full report --no-cache --format "$fmt" .; done
to_full report --no-cache --since HEAD --history 1 --format md .
for fmt in text json sarif github gitlab junit; do to_full check --no-cache --format "$fmt" .; done
for fmt in text json; do
	to_full components --no-cache --format "$fmt" .
	to_full explain --no-cache --format "$fmt" cmd/proxy
	to_full rules --format "$fmt"
done
to_full baseline --no-cache -o - .
to_full --help
to_full --version
to_full check --help
to_full install-hook .

# -o FILE on the full device: the error names the file.
for cmd in check report components baseline; do
	al_bounded 30 512 "$cmd" --no-cache -o /dev/full .
	expect_rc 2
	expect_error "/dev/full: No space left on device"
done
al_bounded 30 512 explain --no-cache -o /dev/full cmd/proxy
expect_rc 2
expect_error "/dev/full: No space left on device"

# The GitHub job summary ($GITHUB_STEP_SUMMARY) on the full device.
GITHUB_STEP_SUMMARY=/dev/full al_bounded 30 512 check --no-cache --format github .
expect_rc 2
expect_error "GITHUB_STEP_SUMMARY '/dev/full': No space left on device"

# init over a .archlint.json that is a symlink (to the full device): refused, never followed.
ln -s /dev/full .archlint.json
al_bounded 30 512 init --force .
expect_rc 2
expect_error ".archlint.json: cannot be read: a symbolic link (not followed)"
rm .archlint.json

# Sound outputs still succeed.
al_bounded 30 512 check --no-cache --format json .
expect_rc 1
json 'finding("AL001", "cmd/proxy")' "a writable output gets the findings"
finish
