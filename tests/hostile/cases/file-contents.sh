#!/usr/bin/env bash
# Files a parser should not meet: binary bytes behind a .go or .rs name, invalid UTF-8,
# very long lines, parse errors. Unreadable files are notices naming the file and the
# cause; whatever can be read is still judged, and the good service beside them keeps its
# role and finding.
. "$(dirname "$0")/../lib.sh"

repo contents
go_mod && go_proxy cmd/proxy && go_api cmd/api
# Binary content with source names.
printf 'package main\n\x00\x01\x02\xff\xfe\nfunc main() {}\n' | put cmd/blob/main.go
head -c 4096 /dev/urandom | put crates/blob/src/main.rs
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00' | put tools/elf/main.go
printf '[package]\nname = "blob"\nversion = "0.1.0"\n' | put crates/blob/Cargo.toml
rust_proxy crates/relay relay
# Invalid UTF-8 in contents: comments, strings, identifiers' neighbourhood.
printf 'package main\n\n// caf\xe9 \xff\xfe \xc3\x28 \xed\xa0\x80\nimport "k8s.io/client-go/kubernetes"\n\nvar s = "\xc3\x28\xf8\x88\x80\x80\x80"\n\nfunc main() { _ = kubernetes.Clientset{} }\n' | put cmd/latin1/main.go
# A UTF-16 file with a BOM (NULs: binary to archlint).
printf '\xff\xfep\x00a\x00c\x00k\x00a\x00g\x00e\x00 \x00m\x00a\x00i\x00n\x00\n\x00' | put cmd/utf16/main.go
# CRLF line ends and a BOM: still Go.
printf '\xef\xbb\xbfpackage main\r\n\r\nimport "k8s.io/client-go/kubernetes"\r\n\r\nfunc main() {\r\n\t_ = kubernetes.Clientset{}\r\n}\r\n' | put cmd/crlf/main.go
# Very long lines: 900 KB on one line, under max_file_bytes, with the relay after it.
{
	printf 'package main\n\nimport (\n\t"io"\n\t"net"\n)\n\nvar blob = "'
	head -c 900000 /dev/zero | tr '\0' a
	printf '"\n\nfunc main() {\n\tln, _ := net.Listen("tcp", ":1")\n\tfor {\n\t\tc, _ := ln.Accept()\n\t\tgo io.Copy(c, c)\n\t}\n}\n'
} | put cmd/longline/main.go
# No newline at all: one 600 KB line of code.
{
	printf 'package main; import "net"; func main() { ln, _ := net.Listen("tcp", ":1"); for { c, _ := ln.Accept(); c.Close() } }'
	for _ in $(seq 20000); do printf '; var _ = 1 + 2 + 3 + 4 + 5'; done
} | put cmd/oneline/main.go
# A parse error in one function: the rest of the file still yields its signals.
put cmd/broken/main.go <<'EOF2'
package main

import (
	"io"
	"net"
)

func helper() {
	x := 1 +* ;;; ]] @@ ?
}

func main() {
	ln, _ := net.Listen("tcp", ":9000")
	for {
		c, _ := ln.Accept()
		go io.Copy(c, c)
	}
}
EOF2
put crates/broken/Cargo.toml <<'EOF2'
[package]
name = "broken"
version = "0.1.0"

[dependencies]
tokio = { version = "1", features = ["full"] }
EOF2
put crates/broken/src/main.rs <<'EOF2'
use tokio::net::TcpListener;

fn helper() -> u32 { let x = 1 +* ; ]] }

#[tokio::main]
async fn main() {
    let listener = TcpListener::bind("0.0.0.0:9000").await.unwrap();
    loop {
        let (mut s, _) = listener.accept().await.unwrap();
        tokio::spawn(async move {
            let (mut r, mut w) = s.split();
            tokio::io::copy(&mut r, &mut w).await.ok();
        });
    }
}
EOF2
# An empty .go file and one holding only a NUL-free nothing.
: | put cmd/empty/main.go
printf '\n\n\n' | put cmd/blank/main.go
commit

for mode in "" --staged --worktree; do
	al check --no-cache $mode --format json .
	expect_rc 1
	json 'finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"' "sound services judged ($mode)"
	json 'has_notice("cmd/blob/main.go: skipped: binary content") and has_notice("crates/blob/src/main.rs: skipped: binary content") and has_notice("tools/elf/main.go: skipped: binary content") and has_notice("cmd/utf16/main.go: skipped: binary content")' "binary files noticed ($mode)"
	json 'not d["source"]["complete"]'
	json 'role("cmd/latin1") == "control-plane" and role("cmd/crlf") == "control-plane"' "invalid UTF-8, CRLF + BOM ($mode)"
	json 'role("cmd/longline") == "data-path" and role("cmd/oneline") == "data-path"' "long lines ($mode)"
	json 'role("cmd/broken") == "data-path" and finding("AL001", "cmd/broken")' "Go parse error ($mode)"
	json 'role("crates/broken") == "data-path" and role("crates/relay") == "data-path"' "Rust parse error ($mode)"
	json 'comp("cmd/blob") is None and comp("cmd/empty") is None and comp("cmd/blank") is None'
	json 'all(c["language"] in ("go", "rust") for c in d["components"])'
done
al check --no-cache .
expect_rc 1
expect_notice "cmd/blob/main.go: skipped: binary content"
expect_stdout_has "cmd/broken/main.go:12: warning: data-path service"
expect_stdout_has "cmd/proxy/main.go:8: warning: data-path service"
expect_incomplete
# Twice with the cache: the same answer.
al check --format json .
cp "$T/out" "$T/first.json"
al check --format json .
if cmp -s "$T/out" "$T/first.json"; then pass; else fail "cached run differs"; fi
al explain . cmd/broken
expect_rc 0
expect_stdout_has "go.ast.accept-loop"
finish
