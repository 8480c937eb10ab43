// cacheplan sizes the dashboard's in-memory cache from the size of one entry.
package main

import (
	"fmt"
	"os"
	"strconv"
	"unsafe"
)

type entry struct {
	key     [16]byte
	expires int64
	hits    uint32
}

func main() {
	budget, err := strconv.Atoi(os.Getenv("CACHE_BUDGET_MB"))
	if err != nil {
		budget = 64
	}
	per := unsafe.Sizeof(entry{})
	fmt.Printf("%d entries of %d bytes (align %d, hits at offset %d)\n",
		uintptr(budget)<<20/per, per, unsafe.Alignof(entry{}), unsafe.Offsetof(entry{}.hits))
}
