// accounts: a small JSON API for customer accounts.
package main

import (
	"encoding/json"
	"log"
	"net/http"
)

type account struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

type handlers struct{ accounts map[string]account }

func (h *handlers) list(w http.ResponseWriter, r *http.Request) {
	out := make([]account, 0, len(h.accounts))
	for _, a := range h.accounts {
		out = append(out, a)
	}
	json.NewEncoder(w).Encode(out)
}

func (h *handlers) get(w http.ResponseWriter, r *http.Request) {
	a, ok := h.accounts[r.PathValue("id")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(a)
}

func main() {
	h := &handlers{accounts: map[string]account{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v1/accounts", h.list)
	mux.HandleFunc("/api/v1/accounts/{id}", h.get)
	log.Fatal(http.ListenAndServe(":8085", mux))
}
