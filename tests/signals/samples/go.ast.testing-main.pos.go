// benchrun runs the codec benchmarks outside `go test` and prints a compact report.
package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

type payload struct {
	ID   int      `json:"id"`
	Tags []string `json:"tags"`
}

func main() {
	p := payload{ID: 7, Tags: []string{"a", "b", "c"}}
	res := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			json.Marshal(p)
		}
	})
	fmt.Printf("json.Marshal: %s %s\n", res, res.MemString())
}
