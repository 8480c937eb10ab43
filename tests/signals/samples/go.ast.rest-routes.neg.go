// confsync copies keys from Consul KV into local files; Get and Delete are KV calls, not routes.
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/hashicorp/consul/api"
)

func main() {
	client, err := api.NewClient(api.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}
	kv := client.KV()
	pair, _, err := kv.Get("/config/payments/limits", nil)
	if err != nil || pair == nil {
		log.Fatal("no limits: ", err)
	}
	if err := os.WriteFile(filepath.Join("/etc/payments", "limits.json"), pair.Value, 0o644); err != nil {
		log.Fatal(err)
	}
	lock, _, _ := client.KV().Get("/config/payments/limits.lock", &api.QueryOptions{})
	if lock != nil {
		kv.Delete("/config/payments/limits.lock", nil)
	}
}
