// edge-proxy: everything goes to the upstream; only health, metrics and pprof are local.
package main

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/http/pprof"
	"net/url"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func main() {
	upstream, _ := url.Parse("http://10.0.0.12:8080")
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/", httputil.NewSingleHostReverseProxy(upstream))
	log.Fatal(http.ListenAndServe(":8443", mux))
}
