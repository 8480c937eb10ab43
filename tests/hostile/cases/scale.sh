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
#     (the grammar's scanner counts rows in 16 bits) is refused with a notice that says so.
. "$(dirname "$0")/../lib.sh"

# scale_repo FAMILY N: the repository $T/FAMILY-N, made the current directory.
scale_repo() {
	"$HERE/../../bench/make-scale-repo" "$T/$1-$2" "$1" "$2" --checkout || {
		echo "BROKEN $CASE: make-scale-repo $1 $2 failed" >&2
		exit 2
	}
	cd "$T/$1-$2" || exit 2
}

scale_repo shared 3000
al_bounded 20 1024 report --format json .
expect_rc 0
json 'd["totals"]["services"] == 3000 and d["edges"] == []' "shared: 3,000 services, no pairwise links"
json 'd["shared_packages"] == [{"dir": "pkg/common", "services": 3000}]' "shared: the package is listed once"
al_bounded 20 1024 report --format html .
expect_rc 0
expect_stdout_has "<code>pkg/common</code> (3000 services)"

scale_repo chain-bins 1000
al_bounded 30 1024 report --format json .
expect_rc 0
json 'd["totals"]["services"] == 1000 and len(comp("crates/c0")["closure"]) == 1000' "chain: the head's closure is the whole chain"
json 'len(d["edges"]) == 4950 and len(d["shared_packages"]) == 900' "chain: links among the first 100 crates, the other 900 listed"

scale_repo toml-keys 80000
al_bounded 6 512 check --no-cache --format json .
expect_rc 0
expect_no_notice
json 'role(".") == "data-path"' "toml keys: the package is read and judged"

scale_repo yaml-docs 40000
al_bounded 20 1024 check --no-cache --format json .
expect_rc 1
expect_no_notice
json 'all(any(s["path"] == "deploy/all0.yaml" for s in c["shipped"]) for c in d["components"])' "yaml: every service is shipped"
printf 'containers: []\n---\n%.0s' $(seq 16400) | put deploy/long.yaml
commit
al_bounded 20 1024 check --no-cache --format json .
expect_rc 1
expect_notice "deploy/long.yaml: not read: 32800 lines, over the 32767 the YAML reader can follow (deployment file skipped)"
json 'role("cmd/s0") == "data-path"' "yaml: the rest is still read"

finish
