#!/usr/bin/env python3
"""make-fleet-tree.py DIR N: write a git repository of about N Go and Rust services shaped
like a real fleet, for the review report's tests at 8, 90 and 300 services.

- Systems under services/<system>/<service>: data-path relays (Go: AL001 warnings) and
  control-plane APIs, each building from its system's library and a handler package of
  its own; the first API of each system from the first system's library too (a use
  between groups).
- A family: settings migrations, one per release, under migrations/v1.K.0/<name>, all
  building from migrations/helper (near-identical: one box with a count).
- Rust engines under engines/<name> in a Cargo workspace, each with a codec crate of its
  own under libs/.
- Systems named three ways: the config's "groups" (services/edge -> "Edge"), a Backstage
  spec.system (the billing services), and the nearest directory for the rest.
- Owners in .github/CODEOWNERS and a GitHub remote, so the page links to the code.

Deterministic: the same N gives the same tree. The repository is committed with fixed
author and dates, so reports of it are byte-identical from run to run.
"""
import os
import subprocess
import sys

RELAY = """package main

import (
	"io"
	"net"

	_ "example.com/fleet/%(lib)s"
	_ "example.com/fleet/%(own)s"
)

func main() {
	ln, _ := net.Listen("tcp", ":9000")
	for {
		c, _ := ln.Accept()
		go func() {
			up, _ := net.Dial("tcp", "backend:9000")
			go io.Copy(up, c)
			io.Copy(c, up)
		}()
	}
}
"""

API = """package main

import (
	"net/http"

	"k8s.io/client-go/kubernetes"
%(imports)s)

var _ = kubernetes.NewForConfig

func main() {
	http.HandleFunc("/api/v1/items", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", nil)
}
"""

MIGRATION = """package main

import "example.com/fleet/migrations/helper"

func main() {
	helper.Run("%(name)s")
}
"""

LIB = """package %(pkg)s

// Name is what the package is called.
const Name = "%(pkg)s"
"""

HELPER = """package helper

import "os"

// Run applies one settings migration to the data store named by the environment.
func Run(name string) {
	_ = os.Getenv("SETTINGS_STORE")
	_ = name
}
"""

ENGINE = """use std::io::{Read, Write};
use std::net::TcpListener;

fn main() {
    let listener = TcpListener::bind("0.0.0.0:7000").unwrap();
    for stream in listener.incoming() {
        let mut s = stream.unwrap();
        let mut buf = [0u8; 4096];
        while let Ok(n) = s.read(&mut buf) {
            if n == 0 {
                break;
            }
            s.write_all(&buf[..n]).unwrap();
        }
    }
}
"""

SYSTEMS = ["edge", "billing", "search", "identity", "inventory", "notifications", "telemetry",
           "fulfilment"]


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def plan(n):
    """(migrations, engines, services per system) for about n services."""
    migrations = 0 if n < 20 else n * 2 // 5
    engines = max(1, n // 15)
    rest = n - migrations - engines
    systems = SYSTEMS[:max(2, min(len(SYSTEMS), rest // 6))]
    per = [rest // len(systems) + (1 if i < rest % len(systems) else 0) for i in range(len(systems))]
    return migrations, engines, list(zip(systems, per))


def make_tree(root, n):
    migrations, engines, systems = plan(n)
    write(root, "go.mod", "module example.com/fleet\n\ngo 1.21\n")
    owners = ["# Who reviews what", "* @acme/platform"]
    for si, (system, count) in enumerate(systems):
        write(root, "services/%s/lib/lib.go" % system, LIB % {"pkg": "lib"})
        owners.append("/services/%s/ @acme/%s-team" % (system, system))
        for k in range(count):
            name = "%s-%s-%03d" % (system, "relay" if k % 2 else "api-with-a-rather-long-name", k)
            d = "services/%s/%s" % (system, name)
            own = "services/%s/handlers/h%03d" % (system, k)  # its own code: no two alike
            write(root, own + "/handler.go", LIB % {"pkg": "h%03d" % k})
            if k % 2:
                write(root, d + "/main.go", RELAY % {"lib": "services/%s/lib" % system, "own": own})
            else:
                imports = '\t_ "example.com/fleet/services/%s/lib"\n\t_ "example.com/fleet/%s"\n' % (system, own)
                if si > 0 and k == 0:  # the first API of each system uses the first system's library
                    imports += '\t_ "example.com/fleet/services/%s/lib"\n' % systems[0][0]
                write(root, d + "/main.go", API % {"imports": imports})
            if system == "billing":
                write(root, d + "/catalog-info.yaml",
                      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %s\n"
                      "spec:\n  type: service\n  owner: group:default/billing\n  system: payments-platform\n"
                      % name)
    if migrations:
        write(root, "migrations/helper/helper.go", HELPER)
        for k in range(migrations):
            name = "migrate-setting-%03d" % k
            write(root, "migrations/v1.%d.0/%s/main.go" % (k // 4, name), MIGRATION % {"name": name})
    members = []
    for k in range(engines):
        name = "engine-%02d" % k
        members.append('"engines/%s"' % name)
        codec = "codec-%02d" % k  # its own library: no two engines alike
        write(root, "libs/%s/Cargo.toml" % codec,
              '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n' % codec)
        write(root, "libs/%s/src/lib.rs" % codec, "pub fn frame(b: &[u8]) -> usize { b.len() }\n")
        members.append('"libs/%s"' % codec)
        write(root, "engines/%s/Cargo.toml" % name,
              '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
              '%s = { path = "../../libs/%s" }\n' % (name, codec, codec))
        write(root, "engines/%s/src/main.rs" % name, ENGINE)
    write(root, "Cargo.toml", "[workspace]\nmembers = [%s]\n" % ", ".join(members))
    write(root, ".github/CODEOWNERS", "\n".join(owners) + "\n")
    write(root, ".archlint.json", '{"groups": {"services/edge": "Edge"}}\n')


def git(root, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="fleet", GIT_AUTHOR_EMAIL="fleet@example.invalid",
               GIT_COMMITTER_NAME="fleet", GIT_COMMITTER_EMAIL="fleet@example.invalid",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    subprocess.run(["git", "-C", root, *args], check=True, env=env, stdout=subprocess.DEVNULL)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, n = sys.argv[1], int(sys.argv[2])
    make_tree(root, n)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "a fleet of %d services" % n)
    git(root, "remote", "add", "origin", "https://github.com/acme/fleet.git")
    return 0


if __name__ == "__main__":
    sys.exit(main())
