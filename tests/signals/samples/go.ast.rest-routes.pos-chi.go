// catalog-api: product CRUD with chi.
package main

import (
	"encoding/json"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type product struct {
	SKU  string `json:"sku"`
	Name string `json:"name"`
}

func main() {
	products := map[string]product{}
	r := chi.NewRouter()
	r.Get("/products/{sku}", func(w http.ResponseWriter, req *http.Request) {
		p, ok := products[chi.URLParam(req, "sku")]
		if !ok {
			http.NotFound(w, req)
			return
		}
		json.NewEncoder(w).Encode(p)
	})
	r.Put("/products/{sku}", func(w http.ResponseWriter, req *http.Request) {
		var p product
		if err := json.NewDecoder(req.Body).Decode(&p); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		products[chi.URLParam(req, "sku")] = p
	})
	log.Fatal(http.ListenAndServe(":8093", r))
}
