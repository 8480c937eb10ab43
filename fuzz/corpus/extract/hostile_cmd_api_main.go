0// Command api: the one well-named service of the fixture, declared control plane, so
// it has no finding (a passing test case in JUnit, no annotation).
//
//archlint:role control-plane
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
