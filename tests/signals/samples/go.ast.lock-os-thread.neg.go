// statusd exposes runtime figures of the process for the dashboard.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"runtime"
)

func main() {
	http.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		json.NewEncoder(w).Encode(map[string]any{
			"goroutines": runtime.NumGoroutine(),
			"procs":      runtime.GOMAXPROCS(0),
			"heap":       m.HeapAlloc,
			"version":    runtime.Version(),
		})
	})
	log.Fatal(http.ListenAndServe(":8088", nil))
}
