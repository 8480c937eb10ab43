0// Command orders is the payments order API.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgxpool"
)

type server struct {
	db *pgxpool.Pool
}

func main() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()

	s := &server{db: pool}
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer, middleware.Timeout(10*time.Second))
	r.Get("/orders/{id}", s.getOrder)
	r.Post("/orders/{id}/capture", s.capture)

	log.Fatal(http.ListenAndServe(":8080", r))
}

func (s *server) getOrder(w http.ResponseWriter, r *http.Request) {
	var status string
	var amount int64
	err := s.db.QueryRow(r.Context(),
		`SELECT status, amount_cents FROM payment_orders WHERE id = $1`, chi.URLParam(r, "id")).
		Scan(&status, &amount)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"status": status, "amount_cents": amount})
}

func (s *server) capture(w http.ResponseWriter, r *http.Request) {
	tag, err := s.db.Exec(r.Context(),
		`UPDATE payment_orders SET status = 'captured' WHERE id = $1 AND status = 'authorized'`,
		chi.URLParam(r, "id"))
	if err != nil || tag.RowsAffected() != 1 {
		http.Error(w, "cannot capture", http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
