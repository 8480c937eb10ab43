// version prints the module versions this binary was built with.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Fprintln(os.Stderr, "no build information")
		os.Exit(1)
	}
	fmt.Println(info.Main.Path, info.Main.Version)
	for _, dep := range info.Deps {
		fmt.Printf("  %s %s\n", dep.Path, dep.Version)
	}
	defer func() {
		if r := recover(); r != nil {
			debug.PrintStack()
		}
	}()
}
