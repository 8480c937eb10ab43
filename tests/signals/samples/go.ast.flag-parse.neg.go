// webhook-relay is configured from its environment: URLs and switches are parsed, not flags.
package main

import (
	"log"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"
)

func main() {
	target, err := url.Parse(os.Getenv("RELAY_TARGET"))
	if err != nil {
		log.Fatal(err)
	}
	verbose, _ := strconv.ParseBool(os.Getenv("RELAY_VERBOSE"))
	timeout, err := time.ParseDuration(os.Getenv("RELAY_TIMEOUT"))
	if err != nil {
		timeout = 10 * time.Second
	}
	client := &http.Client{Timeout: timeout}
	http.HandleFunc("/hook", func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.Post(target.String(), r.Header.Get("Content-Type"), r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp.Body.Close()
		if verbose {
			log.Printf("relayed to %s: %s", target, resp.Status)
		}
	})
	log.Fatal(http.ListenAndServe(":8083", nil))
}
