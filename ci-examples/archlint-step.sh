#!/usr/bin/env bash
# A plain CI step: check the commit under test; fail on warnings (AL001) or worse.
# Set ARCHLINT_FAIL_ON=note to also fail on notes, or never to only report.
set -euo pipefail
archlint check . --rev "${CI_COMMIT_SHA:-HEAD}" --fail-on "${ARCHLINT_FAIL_ON:-warning}"
