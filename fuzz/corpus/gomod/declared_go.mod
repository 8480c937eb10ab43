module github.com/acme/payments

go 1.21

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/jackc/pgx/v5 v5.5.5
	github.com/hashicorp/golang-lru/v2 v2.0.7
)
