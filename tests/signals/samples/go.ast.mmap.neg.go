// diskusage reports free space per mount point to the inventory API.
package main

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

func main() {
	for _, mount := range []string{"/", "/var/lib"} {
		var st unix.Statfs_t
		if err := unix.Statfs(mount, &st); err != nil {
			fmt.Fprintln(os.Stderr, mount, err)
			continue
		}
		free := st.Bavail * uint64(st.Bsize)
		fmt.Printf("%s: %d MiB free (page size %d)\n", mount, free>>20, unix.Getpagesize())
	}
}
