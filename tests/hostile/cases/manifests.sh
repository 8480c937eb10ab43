#!/usr/bin/env bash
# Broken manifests: a malformed Cargo.toml or go.mod is a notice naming the file (and the
# line and column where the parser gives one), a workspace member glob that matches
# nothing and a path dependency outside the repository are notices, a path dependency
# cycle terminates; every sound package around them is still judged. Only packages some
# binary is built from are read.
. "$(dirname "$0")/../lib.sh"

repo manifests
go_mod && go_proxy cmd/proxy && go_api cmd/api
# go.mod without a module directive, with NULs and garbage; another with a bare "module".
printf 'modul broken\n(((\n' | put badmod/go.mod
go_proxy badmod/cmd/x
printf 'module\n' | put emptymod/go.mod
go_api emptymod/cmd/y
printf 'module "unterminated\n' | put quotemod/go.mod
go_api quotemod/cmd/z
put Cargo.toml <<'EOF2'
[workspace]
members = ["crates/*", "nothing/*", "also-missing", "../escape/*", "/abs/*"]
exclude = ["crates/excluded"]
EOF2
rust_proxy crates/good good
cat >>crates/good/Cargo.toml <<'EOF2'
outside = { path = "../../../outside" }
absolute = { path = "/usr/lib/rust" }
cyclic-a = { path = "../cyclic-a" }
EOF2
put crates/bad/Cargo.toml <<'EOF2'
[package
name = "bad
version = 0.1.0"
[dependencies]]
= = =
EOF2
echo 'fn main() {}' | put crates/bad/src/main.rs
# Valid TOML, wrong shapes: a string where a table belongs, arrays of the wrong kind.
put crates/shapes/Cargo.toml <<'EOF2'
package = "not a table"
dependencies = 42
bin = "x"
EOF2
echo 'fn main() {}' | put crates/shapes/src/main.rs
put crates/weird/Cargo.toml <<'EOF2'
[package]
name = 7
version = "0.1.0"
autobins = "yes"

[[bin]]
name = ["x"]
path = 3

[[bin]]

[dependencies]
tokio = 1
serde = { path = 5, workspace = "yes", package = [] }

[package.metadata.archlint]
role = "flux-capacitor"
EOF2
echo 'fn main() {}' | put crates/weird/src/main.rs
# A path dependency cycle a -> b -> a, and a package that depends on itself.
for p in a b; do
	other=$([ $p = a ] && echo b || echo a)
	printf '[package]\nname = "cyclic-%s"\nversion = "0.1.0"\n\n[dependencies]\ncyclic-%s = { path = "../cyclic-%s" }\nmyself = { path = "." }\nkube = "0.90"\n' $p $other $other | put crates/cyclic-$p/Cargo.toml
done
printf 'use kube::Client;\nfn main() {\n    let _c = Client::try_default();\n}\n' | put crates/cyclic-a/src/main.rs
echo 'pub fn b() {}' | put crates/cyclic-b/src/lib.rs
# An empty Cargo.toml, one with only a BOM, one in binary.
: | put crates/empty/Cargo.toml
printf '\xef\xbb\xbf' | put crates/bom/Cargo.toml
printf '\x00\x01\xff' | put crates/binary/Cargo.toml
commit

for mode in "" --staged --worktree; do
	al check --no-cache $mode --format json .
	expect_rc 1
	json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"' "Go services ($mode)"
	json 'role("crates/good") == "data-path"' "the sound crate ($mode)"
	json 'role("crates/cyclic-a") == "control-plane" and set(comp("crates/cyclic-a")["closure"]) >= {"crates/cyclic-a", "crates/cyclic-b"} if "closure" in comp("crates/cyclic-a") else role("crates/cyclic-a") == "control-plane"' "cycle ($mode)"
	json 'has_notice("badmod/go.mod: no module directive")'
	json 'has_notice("crates/bad/Cargo.toml:1:") and has_notice("invalid TOML")'
	json 'has_notice("Cargo.toml: workspace member \u0027nothing/*\u0027 matches no package") and has_notice("Cargo.toml: workspace member \u0027also-missing\u0027 matches no package")'
	json 'has_notice("crates/good/Cargo.toml:10: path dependency \u0027../../../outside\u0027 points outside the repository")'
	json 'has_notice("crates/good/Cargo.toml:11: path dependency \u0027/usr/lib/rust\u0027 points outside the repository")'
	json 'not d["source"]["complete"]'
done
al check --no-cache .
expect_notice "badmod/go.mod: no module directive"
expect_notice "Cargo.toml: workspace member 'nothing/*' matches no package"
expect_stderr_has "archlint: notice: crates/bad/Cargo.toml:1:"
expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
expect_incomplete
# Every notice names a file: "path: cause" or "path:line: cause".
if grep '^archlint: notice: ' "$T/err" | grep -vqE '^archlint: notice: [^ :]+(:[0-9]+(:[0-9]+)?)?: '; then
	fail "a notice that names no file"
	show
else pass; fi

# Backstage catalog-info.yaml beside services: a sound declaration still counts; broken,
# binary, deeply nested and alias-bomb catalogs are notices or inert, never a crash.
repo catalogs
go_mod && go_proxy cmd/proxy && go_proxy cmd/declared
put cmd/declared/catalog-info.yaml <<'EOF2'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: declared
  annotations:
    archlint.io/role: control-plane
spec:
  type: service
EOF2
for d in broken binary flow indent bomb; do go_proxy "cmd/$d"; done
printf 'kind: Component\n\tmetadata: [\n  - {{{\n' | put cmd/broken/catalog-info.yaml
printf 'kind: Component\n\x00\xff\xfe' | put cmd/binary/catalog-info.yaml
python3 - <<'EOF2'
open('cmd/flow/catalog-info.yaml', 'w').write('kind: Component\nmetadata:\n  name: flow\n  x: ' + '[' * 100000 + ']' * 100000 + '\n')
lines = ['kind: Component', 'metadata:', '  name: indent']
# tree-sitter-yaml itself stops near 250 levels of indentation; flow brackets go on.
lines += ['  ' + '  ' * i + 'k%d:' % i for i in range(200)]
lines[-1] += ' ' + '[' * 100 + ']' * 100
open('cmd/indent/catalog-info.yaml', 'w').write('\n'.join(lines) + '\n')
bomb = ['apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata:', '  name: bomb',
        '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 12):
    bomb.append('  a%d: &a%d [%s]' % (i, i, ','.join(['*a%d' % (i - 1)] * 9)))
bomb += ['  tags: *a11', 'spec:', '  type: *a11']
open('cmd/bomb/catalog-info.yaml', 'w').write('\n'.join(bomb) + '\n')
EOF2
commit
al_rss check --no-cache --format json .
echo "peak RSS ${rss_kb} KiB with hostile catalogs"
expect_rc 1
json 'role("cmd/declared") == "control-plane" and comp("cmd/declared")["declared"] is not None' "a sound catalog declares"
json 'all(finding("AL001", "cmd/" + d) for d in ("proxy", "broken", "binary", "flow", "indent", "bomb"))' "the services beside broken catalogs"
json 'has_notice("cmd/broken/catalog-info.yaml:") and has_notice("cmd/flow/catalog-info.yaml: not read: brackets nested 100000 deep, over 1024")'
json 'has_notice("cmd/indent/catalog-info.yaml:203: not read: nested deeper than 256 levels")'
if [ "$rss_kb" -lt 200000 ]; then pass; else fail "peak RSS $rss_kb KiB with hostile catalogs"; fi

# A workspace whose only member glob matches nothing, in a repository with nothing else.
repo lonely
printf '[workspace]\nmembers = ["services/*"]\n' | put Cargo.toml
echo "# nothing" | put README.md
commit
al check --no-cache .
expect_rc 1 # a run that could not read a part of the repository does not pass the gate
expect_notice "Cargo.toml: workspace member 'services/*' matches no package"
expect_stderr_has "the run is incomplete: the gate fails"
expect_empty_stdout
al check --no-cache --allow-incomplete .
expect_rc 0

# Only packages some binary is built from are read: a broken file in a library the service
# uses is a notice, the same file in a library nothing uses is never opened.
repo unbuilt
rust_proxy svc svc
printf 'used = { path = "../used" }\n' >>svc/Cargo.toml
for lib in used unused; do
	printf '[package]\nname = "%s"\nversion = "0.1.0"\n' $lib | put $lib/Cargo.toml
	echo 'pub fn f() {}' | put $lib/src/lib.rs
	printf 'pub fn g() {}\n\x00\x01' | put $lib/src/blob.rs
done
commit
al check --no-cache --format json .
json 'role("svc") == "data-path"' "the service"
json 'has_notice("used/src/blob.rs: skipped: binary content")' "a used library is read"
json 'not has_notice("unused/src/blob.rs")' "an unused library is not read"
finish
