// tenants-api: tenant management with gorilla/mux.
package main

import (
	"log"
	"net/http"

	"github.com/gorilla/mux"
)

type api struct{ tenants map[string]string }

func (a *api) create(w http.ResponseWriter, r *http.Request) {
	a.tenants[r.FormValue("id")] = r.FormValue("name")
	w.WriteHeader(http.StatusCreated)
}

func (a *api) remove(w http.ResponseWriter, r *http.Request) {
	delete(a.tenants, mux.Vars(r)["id"])
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	a := &api{tenants: map[string]string{}}
	m := mux.NewRouter()
	m.HandleFunc("/tenants", a.create).Methods("POST")
	m.HandleFunc("/tenants/{id}", a.remove).Methods("DELETE")
	log.Fatal(http.ListenAndServe(":8094", m))
}
