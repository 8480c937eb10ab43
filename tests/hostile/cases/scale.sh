#!/usr/bin/env bash
# Scale: repositories that are large in one direction only (bench/make-scale-repo builds
# them), at the sizes where archlint used to be quadratic or worse. Each run has a time and
# memory bound (timeout, ulimit -v) far below what the old cost was, yet generous for a
# shared 2-core machine; bench/scale measures the growth at 1x, 4x and 16x.
#   - report on 3,000 services built from one shared package (was 55 s and 8 GB: every pair
#     of services sharing a package was a link), and on a chain of 1,000 Cargo crates each
#     with a binary (over 130 s and 8 GB);
#   - manifests: a Cargo.toml of 80,000 dependencies (was 13 s) and 40,000 Kubernetes
#     documents (34 s): the TOML and YAML readers walked a node's children from the first
#     for each child, and an object's members for each key; a YAML file past 32,767 lines
#     (the grammar's scanner counts rows in 16 bits) is refused with a notice that says so;
#   - a Cargo.toml of 100,000 [[bin]] targets, 99,000 of them missing (was 33 s): each target
#     was looked up among all the others, and each notice written a character at a time;
#   - 100,000 waivers (was over 150 s) and a baseline of 100,000 entries: each was compared
#     with every finding, and the line of each waiver was counted from the start of
#     .archlint.json; a name matching no component gets a "did you mean" for the first 100.
# Under a sanitizer (ASAN_OPTIONS set) an allocation costs 20 to 40 times as much: the
# cases run at a sixteenth of the size (a quarter for the chain, whose output grows with the
# square of its length) and get four times the time.
. "$(dirname "$0")/../lib.sh"

if [ -n "${ASAN_OPTIONS:-}" ]; then shrink=16 chain_shrink=4 slow=4; else shrink=1 chain_shrink=1 slow=1; fi

# scale_repo FAMILY N: the repository $T/FAMILY-N, made the current directory.
scale_repo() {
	"$HERE/../../bench/make-scale-repo" "$T/$1-$2" "$1" "$2" --checkout || {
		echo "BROKEN $CASE: make-scale-repo $1 $2 failed" >&2
		exit 2
	}
	cd "$T/$1-$2" || exit 2
}
# bounded SECONDS MIB ARGS...: al_bounded, with the sanitizer's extra time.
bounded() {
	local seconds=$(($1 * slow))
	shift
	al_bounded "$seconds" "$@"
}

n=$((3000 / shrink))
scale_repo shared $n
bounded 20 1024 report --format json .
expect_rc 0
json 'd["totals"]["services"] == '$n' and d["edges"] == []' "shared: $n services, no pairwise links"
json 'd["shared_packages"] == [{"dir": "pkg/common", "services": '$n'}]' "shared: the package is listed once"
bounded 20 1024 report --format html .
expect_rc 0
expect_stdout_has "<code>pkg/common</code> ($n services)"
# A baseline of 100,000 entries: one for each finding, the others naming no component.
entries=$((100000 / shrink))
python3 -c 'import json, sys
n, entries = int(sys.argv[1]), int(sys.argv[2])
fs = [{"rule": "AL001", "component": f"cmd/s{i}" if i < n else f"cmd/gone{i}"} for i in range(entries)]
print(json.dumps({"version": 1, "findings": fs}, indent=1))' $n $entries >"$T/baseline.json"
bounded 10 512 check --no-cache --format json --baseline "$T/baseline.json" .
expect_rc 0
json 'd["findings"] == [] and len(d["suppressed"]) == '$n'' "baseline: every finding accepted"
expect_notice "$T/baseline.json:$((4 * entries + 2)): the baseline entry for AL001 names 'cmd/gone$((entries - 1))', which matches no component: drop it from the baseline ('archlint baseline' rewrites the file)"

n=$((1000 / chain_shrink))
scale_repo chain-bins $n
bounded 30 1024 report --format json .
expect_rc 0
json 'd["totals"]["services"] == '$n' and len(comp("crates/c0")["closure"]) == '$n'' "chain: the head's closure is the whole chain"
json 'len(d["edges"]) == 4950 and len(d["shared_packages"]) == '$((n - 100))'' "chain: links among the first 100 crates, the other $((n - 100)) listed"

n=$((80000 / shrink))
scale_repo toml-keys $n
bounded 6 512 check --no-cache --format json .
expect_rc 0
expect_no_notice
json 'role(".") == "data-path"' "toml keys: the package is read and judged"

n=$((40000 / shrink))
scale_repo yaml-docs $n
bounded 20 1024 check --no-cache --format json .
expect_rc 1
expect_no_notice
json 'all(any(s["path"] == "deploy/all0.yaml" for s in c["shipped"]) for c in d["components"])' "yaml: every service is shipped"
scale_repo yaml-docs 10
printf 'containers: []\n---\n%.0s' $(seq 16400) | put deploy/long.yaml
commit
bounded 20 1024 check --no-cache --format json .
expect_rc 1
expect_notice "deploy/long.yaml: not read: 32800 lines, over the 32767 the YAML reader can follow (deployment file skipped)"
json 'role("cmd/s0") == "data-path"' "yaml: the rest is still read"

n=$((100000 / shrink))
scale_repo bins $n
bounded 15 1024 check --no-cache --allow-incomplete --format json . # the bins name missing files: notices
expect_rc 0
expect_notice "Cargo.toml:13: binary 'b1': 'src/bin/b1.rs' is not in the snapshot"
built=$(((n + 99) / 100))
json 'len(d["components"]) == '$built' and len(notices()) == '$((n - built))'' "bins: $built services, $((n - built)) notices"

n=$((100000 / shrink))
scale_repo waivers $n
bounded 10 512 check --no-cache --format json .
expect_rc 0
expect_notice ".archlint.json:$((6 * (n - 1) + 3)): the waiver of AL001 names 'cmd/gone$((n - 1))', which matches no component: remove it"
json 'd["findings"] == [] and len(d["suppressed"]) == '$((n / 100))'' "waivers: every finding accepted"
json 'len(notices()) == '$((n - n / 100))'' "waivers: a notice for each of the others"
json 'any(f["component"] == "cmd/s1" and f["suppressed"]["origin"] == ".archlint.json:9" for f in d["suppressed"])' "waivers: the origin line"

finish
