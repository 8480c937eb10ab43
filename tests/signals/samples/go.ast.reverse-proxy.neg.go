// reqlog is a debugging middleware for the admin API: it dumps requests and responses.
package main

import (
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
)

func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dump, _ := httputil.DumpRequest(r, true)
		log.Printf("request:\n%s", dump)
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		resp := rec.Result()
		out, _ := httputil.DumpResponse(resp, false)
		log.Printf("response:\n%s", out)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	})
}

func main() {
	admin := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	log.Fatal(http.ListenAndServe(":8090", logged(admin)))
}
