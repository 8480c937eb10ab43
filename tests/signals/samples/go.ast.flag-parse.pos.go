// cleanup deletes stale preview environments older than -max-age.
package main

import (
	"flag"
	"fmt"
	"time"
)

func main() {
	maxAge := flag.Duration("max-age", 72*time.Hour, "delete environments older than this")
	dryRun := flag.Bool("dry-run", true, "only print what would be deleted")
	flag.Parse()
	fmt.Printf("deleting previews older than %s (dry run: %v)\n", *maxAge, *dryRun)
}
