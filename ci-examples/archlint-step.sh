#!/usr/bin/env bash
# A plain CI step for any runner with archlint on PATH: check the commit under test and fail
# on warnings (AL001) or worse. Environment (all optional):
#   ARCHLINT_FAIL_ON       error, warning (default), note or never
#   ARCHLINT_BASE          gate only on components new or changed since this revision
#                          (a pull request's base; in a shallow clone, fetch it first)
#   ARCHLINT_REPORTS_DIR   also write archlint.sarif, archlint-junit.xml and
#                          archlint-codequality.json there, whatever the verdict
# A committed .archlint-baseline.json (see `archlint baseline`) is applied by archlint.
set -euo pipefail
set -- check . --rev "${CI_COMMIT_SHA:-${GITHUB_SHA:-HEAD}}"
if [ -n "${ARCHLINT_BASE:-}" ]; then set -- "$@" --new-from-rev "$ARCHLINT_BASE"; fi
if [ -n "${ARCHLINT_REPORTS_DIR:-}" ]; then
	mkdir -p "$ARCHLINT_REPORTS_DIR"
	archlint "$@" --format sarif -o "$ARCHLINT_REPORTS_DIR/archlint.sarif" --fail-on never --quiet
	archlint "$@" --format junit -o "$ARCHLINT_REPORTS_DIR/archlint-junit.xml" --fail-on never --quiet
	archlint "$@" --format gitlab -o "$ARCHLINT_REPORTS_DIR/archlint-codequality.json" --fail-on never --quiet
fi
exec archlint "$@" --fail-on "${ARCHLINT_FAIL_ON:-warning}"
