0package main

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gorilla/mux"

	"example.com/shop/internal/metrics"
	"example.com/shop/internal/store"
)

type handlers struct {
	store *store.Store
	log   *slog.Logger
}

// Routes is the route table; cmd/gen-docs renders it into docs/api.md.
var Routes = []struct{ Method, Path, Doc string }{
	{"GET", "/v1/orders/{id}", "Fetch one order."},
	{"POST", "/v1/orders", "Create an order."},
	{"GET", "/v1/customers/{id}/orders", "List a customer's newest orders."},
	{"GET", "/healthz", "Liveness probe."},
}

func (h *handlers) register(r *mux.Router) {
	r.HandleFunc("/v1/orders/{id}", h.getOrder).Methods(http.MethodGet)
	r.HandleFunc("/v1/orders", h.createOrder).Methods(http.MethodPost)
	r.HandleFunc("/v1/customers/{id}/orders", h.listOrders).Methods(http.MethodGet)
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
}

func (h *handlers) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		metrics.Requests.WithLabelValues("api", "ok").Inc()
	})
}

func (h *handlers) getOrder(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		http.Error(w, "bad order id", http.StatusBadRequest)
		return
	}
	o, err := h.store.Order(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	} else if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

func (h *handlers) createOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&o); err != nil {
		http.Error(w, "invalid order", http.StatusBadRequest)
		return
	}
	id, err := h.store.CreateOrder(r.Context(), o)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
}

func (h *handlers) listOrders(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		http.Error(w, "bad customer id", http.StatusBadRequest)
		return
	}
	orders, err := h.store.ListOrders(r.Context(), id, 50)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, orders)
}

func (h *handlers) fail(w http.ResponseWriter, err error) {
	h.log.Error("request failed", "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
