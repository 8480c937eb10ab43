#!/usr/bin/env bash
# run-signals.sh: the signal golden tests (tests/signals/README.md).
#
#   run-signals.sh ARCHLINT_BINARY RULES_DIR [signals_test.py options]
#
# Builds one git repository of samples in a temporary directory (git with HOME pointed
# there, no system or user configuration, fixed identity and dates), runs archlint on it
# and checks every signal family. Exit status: 0 pass, 1 fail, 2 broken harness,
# 77 skipped (no git or python3).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -ge 2 ] || { echo "usage: run-signals.sh ARCHLINT_BINARY RULES_DIR [options]" >&2; exit 2; }
archlint=$1
rules=$2
shift 2
for tool in git python3; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found"; exit 77; }
done
[ -x "$archlint" ] || { echo "run-signals: no archlint binary at '$archlint'" >&2; exit 2; }
[ -d "$rules/signals" ] || { echo "run-signals: '$rules' is no rules folder" >&2; exit 2; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/archlint-signals-home.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch XDG_CONFIG_HOME=$scratch GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TZ=UTC
python3 "$here/signals_test.py" "$archlint" "$rules" "$@"
