//go:build linux
// +build linux

// nodeinfo prints facts about the host; its comments carry build tags and linter directives only.
package main

import (
	"fmt"
	"os"
)

// +optional fields are left empty when unknown.
type facts struct {
	Hostname string
	Kernel   string // +optional
}

func main() {
	host, _ := os.Hostname()
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease") //nolint:gosec // fixed path
	fmt.Printf("%+v\n", facts{Hostname: host, Kernel: string(kernel)})
}
