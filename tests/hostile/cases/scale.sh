#!/usr/bin/env bash
# Scale: repositories that are large in one direction only (bench/make-scale-repo builds
# them), at the sizes where archlint used to be quadratic or worse. Each run has a time and
# memory bound (timeout, ulimit -v) far below what the old cost was, yet generous for a
# shared 2-core machine; bench/scale measures the growth at 1x, 4x and 16x.
#   - report on 3,000 services built from one shared package (was 55 s and 8 GB: every pair
#     of services sharing a package was a link), and on a chain of 1,000 Cargo crates each
#     with a binary (over 130 s and 8 GB).
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

finish
