// A comment before the module directive.
module github.com/acme/edge-proxy/v2 // trailing comment

go 1.22

toolchain go1.22.3

require (
	github.com/spf13/cobra v1.8.0
	golang.org/x/sys v0.20.0 // indirect
)

replace github.com/acme/lib => ../lib

exclude golang.org/x/net v0.1.0
