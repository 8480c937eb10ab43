// tfwrap runs terraform for a workspace and streams its output to the terminal as it comes.
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: tfwrap WORKSPACE [terraform args...]")
		os.Exit(2)
	}
	cmd := exec.Command("terraform", append([]string{"plan"}, os.Args[2:]...)...)
	cmd.Dir = "workspaces/" + os.Args[1]
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go io.Copy(os.Stderr, stderr)
	io.Copy(os.Stdout, stdout)
	if err := cmd.Wait(); err != nil {
		os.Exit(1)
	}
}
