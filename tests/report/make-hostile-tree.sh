#!/usr/bin/env bash
# make-hostile-tree.sh DIR: write a small Go + Rust source tree whose names try to break
# out of every report format: HTML and SVG markup, attribute quotes, Markdown links,
# tables and code spans, Mermaid labels and directives, newlines, invalid UTF-8, and a
# configuration whose signal rationale is markup too. The tree is generated (not kept in
# tests/fixtures) because a path with a newline or an invalid byte has no place in the
# project's own checkout. Some files end without a newline (line counting).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: make-hostile-tree.sh DIR" >&2; exit 2; }
out=$1
mkdir -p "$out"
cd "$out"

cat >go.mod <<'EOF'
module example.com/evil

go 1.21
EOF

shared="internal/a&b<c>'d"
mkdir -p "$shared"
cat >"$shared/shared.go" <<'EOF'
package shared

import "net"

// Relay copies bytes between two connections.
func Relay(a, b net.Conn) {
	buf := make([]byte, 32*1024)
	for {
		n, err := a.Read(buf)
		if err != nil {
			return
		}
		b.Write(buf[:n])
	}
}
EOF

# Each command is a small proxy (data path, in Go: an AL001 warning) that imports the
# shared package, so every pair of them is linked.
names=(
	'<script>alert(1)<'
	'<img src=x onerror=alert(2)>'
	$'line1\nline2'
	'"quoted" & '"'single'"
	'[click](javascript:alert(3))'
	'x"]-->evil["'
	"%%{init: {'theme':'dark'}}%%"
	'```fence` |pipe| *bold* _u_ $x$ @alice #1'
	$'bad\xff\xfeutf8'
)
i=0
for n in "${names[@]}"; do
	i=$((i + 1))
	d="cmd/$n"
	mkdir -p "$d"
	printf '%s\n' \
		'package main' \
		'' \
		'import (' \
		'	"log"' \
		'	"net"' \
		'' \
		"	shared \"example.com/evil/$shared\"" \
		')' \
		'' \
		'func main() {' \
		'	ln, err := net.Listen("tcp", ":8080")' \
		'	if err != nil {' \
		'		log.Fatal(err)' \
		'	}' \
		'	for {' \
		'		c, err := ln.Accept()' \
		'		if err != nil {' \
		'			continue' \
		'		}' \
		'		up, _ := net.Dial("tcp", "backend:80")' \
		'		go shared.Relay(c, up)' \
		'		go shared.Relay(up, c)' \
		'	}' \
		>"$d/main.go"
	# no newline after the last line
	printf '}' >>"$d/main.go"
done

cat >Cargo.toml <<'EOF'
[workspace]
members = ["crates/evil"]
resolver = "2"
EOF
mkdir -p crates/evil/src/bin
cat >crates/evil/Cargo.toml <<'EOF'
[package]
name = "evil"
version = "0.1.0"
edition = "2021"

[[bin]]
name = "</script><script>alert('bin')</script>"
path = "src/bin/evil.rs"

[dependencies]
clap = { version = "4", features = ["derive"] }
EOF
cat >crates/evil/src/bin/evil.rs <<'EOF'
use clap::Parser;

#[derive(Parser)]
struct Args {
    #[arg(long)]
    name: String,
}

fn main() {
    let args = Args::parse();
    println!("{}", args.name);
}
EOF

cat >.archlint.json <<'EOF'
{
  "signals": [
    { "id": "evil.sig", "role": "data-path", "weight": 1,
      "why": "<script>alert('why')</script> & \"quotes\" @bob [x](javascript:alert(4)) | `tick`",
      "imports": ["net"] }
  ]
}
EOF
