0// Command pricing-cache answers price look-ups for the checkout path from
// memory. Every checkout request waits on it, so the team declares it
// data-path in .archlint.json.
package main

import (
	"encoding/binary"
	"log"
	"net/http"
	"strconv"

	lru "github.com/hashicorp/golang-lru/v2"
)

var prices, _ = lru.New[uint64, uint32](1 << 20)

func main() {
	http.HandleFunc("/price", func(w http.ResponseWriter, r *http.Request) {
		sku, err := strconv.ParseUint(r.URL.Query().Get("sku"), 10, 64)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		cents, ok := prices.Get(sku)
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		var out [4]byte
		binary.BigEndian.PutUint32(out[:], cents)
		_, _ = w.Write(out[:])
	})
	log.Fatal(http.ListenAndServe(":8081", nil))
}
