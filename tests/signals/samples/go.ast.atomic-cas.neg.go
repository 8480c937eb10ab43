// quota-api: counts requests per tenant behind a mutex and exposes the totals.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"sync"
	"sync/atomic"
)

type counters struct {
	mu      sync.Mutex
	tenants map[string]int64
	total   atomic.Int64
}

func (c *counters) add(tenant string) {
	c.total.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tenants[tenant]++
}

func (c *counters) snapshot() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int64, len(c.tenants))
	for k, v := range c.tenants {
		out[k] = v
	}
	out["_total"] = c.total.Load()
	return out
}

func main() {
	c := &counters{tenants: map[string]int64{}}
	http.HandleFunc("/v1/usage", func(w http.ResponseWriter, r *http.Request) {
		c.add(r.Header.Get("X-Tenant"))
		json.NewEncoder(w).Encode(c.snapshot())
	})
	log.Fatal(http.ListenAndServe(":8081", nil))
}
