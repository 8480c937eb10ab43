// ingester keeps a large in-memory buffer; it trades memory for fewer GC cycles.
package main

import (
	"log"
	"os"
	"runtime/debug"
	"strconv"
)

func main() {
	debug.SetGCPercent(400)
	if v := os.Getenv("INGESTER_MEMORY_LIMIT"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			log.Fatal(err)
		}
		debug.SetMemoryLimit(n)
	}
	log.Println("ingester running")
	select {}
}
