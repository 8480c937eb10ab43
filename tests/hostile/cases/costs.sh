#!/usr/bin/env bash
# Costs the repository controls: every run here has a time and memory bound (timeout,
# ulimit -v), and must finish well inside it with the sound parts judged.
#   - glob patterns with many stars against long names (a workspace members glob, a
#     configuration exclude): a backtracking matcher is exponential in the stars;
#   - a user query's #match? pattern of nested counted repetition (glibc's regcomp took
#     24 GB), and one that backtracks catastrophically on a long identifier.
. "$(dirname "$0")/../lib.sh"

stars=$(printf '*a%.0s' $(seq 30))
long=$(printf 'a%.0s' $(seq 60))

repo globs
go_mod
go_proxy cmd/proxy
printf '[workspace]\nmembers = ["crates/%sb"]\nresolver = "2"\n' "$stars" | put Cargo.toml
printf '[package]\nname = "x"\nversion = "0.1.0"\nedition = "2021"\n' | put "crates/$long/Cargo.toml"
printf 'fn main() {}\n' | put "crates/$long/src/main.rs"
printf '{ "exclude": ["**/%sb/**"] }\n' "$stars" | put .archlint.json
mkdir -p "cmd/$long"
go_proxy "cmd/$long"
commit

al_bounded 20 1024 check --no-cache --format json .
expect_rc 1
json 'finding("AL001", "cmd/proxy") and finding("AL001", "cmd/'"$long"'")' "glob: both proxies judged, none excluded"
json 'has_notice("matches no package")' "glob: the members glob matches no crate, and says so"

# Regular expressions in a user query: compile cost and match cost.
q() { printf '{ "signals": [ { "id": "acme.re", "role": "data-path", "weight": 2, "why": "w", "language": "go", "query": "((identifier) @x (#match? @x \\"%s\\"))" } ] }' "$1"; }
repo regex
go_mod
go_proxy cmd/proxy
printf 'package main\n\nvar %s = 1\n\nfunc main() {}\n' "$(printf 'a%.0s' $(seq 5000))b" | put cmd/long/main.go
q '(((a{1,100}){1,100}){1,100}){1,100}' | put .archlint.json
commit
al_bounded 20 1024 check --no-cache .
expect_rc 2
expect_error_match "\\.archlint\\.json: signal 'acme\\.re': invalid regular expression .*too large"
q '^(a+)+$' | put .archlint.json
commit
al_bounded 20 1024 check --no-cache --format json .
expect_rc 1
json 'finding("AL001", "cmd/proxy")' "regex: a catastrophic pattern is cut short, the rest judged"

finish
