#!/usr/bin/env bash
# run-all.sh ARCHLINT_BINARY [CASE...]: run every (or the named) end-to-end
# case without CTest; UPDATE_GOLDEN=1 is passed through to run-case.sh.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -ge 1 ] || { echo "usage: run-all.sh ARCHLINT_BINARY [CASE...]" >&2; exit 2; }
archlint=$1
shift
case $archlint in /*) ;; *) archlint=$PWD/$archlint ;; esac
if [ $# -eq 0 ]; then
	# Cases that own their golden first, so that with UPDATE_GOLDEN=1 the cases
	# comparing against another case's golden see the fresh one.
	set -- $(cd "$here/cases" && grep -L '^stdout: *[^ ]*\.out' *.case | sed 's/\.case$//') \
		$(cd "$here/cases" && grep -l '^stdout: *[^ ]*\.out' *.case | sed 's/\.case$//')
fi
passed=0 failed=0 skipped=0 failed_names=()
for c in "$@"; do
	bash "$here/run-case.sh" "$c" "$archlint"
	case $? in
	0) passed=$((passed + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	*) failed=$((failed + 1)); failed_names+=("$c") ;;
	esac
done
[ $failed -eq 0 ] || printf 'failed: %s\n' "${failed_names[*]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
