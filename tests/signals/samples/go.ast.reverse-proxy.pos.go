// api-gateway forwards /api to the backend pool and rewrites the host header.
package main

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
)

func main() {
	backend, _ := url.Parse("http://backend.internal:8080")
	legacy, _ := url.Parse("http://legacy.internal:8080")
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(backend)
			r.SetXForwarded()
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", proxy)
	mux.Handle("/legacy/", httputil.NewSingleHostReverseProxy(legacy))
	log.Fatal(http.ListenAndServe(":80", mux))
}
