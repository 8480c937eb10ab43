// deployer applies rendered manifests with kubectl and reports what changed.
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"
)

func apply(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "kubectl", "apply", "--server-side", "-f", dir)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	err := cmd.Run()
	return out.String(), err
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := apply(ctx, "rendered/")
	if err != nil {
		fmt.Fprintln(os.Stderr, "apply failed:", err)
		os.Exit(1)
	}
	fmt.Print(out)
	if rev, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil {
		fmt.Printf("deployed %s", rev)
	}
}
