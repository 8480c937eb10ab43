// users-api reads and writes user records in Postgres.
package main

import (
	"context"
	"database/sql"
	"log"

	_ "github.com/lib/pq"
)

type user struct {
	ID    int64
	Email string
}

func getUser(ctx context.Context, db *sql.DB, id int64) (user, error) {
	var u user
	err := db.QueryRowContext(ctx, "SELECT id, email FROM users WHERE id = $1", id).Scan(&u.ID, &u.Email)
	return u, err
}

func createUser(ctx context.Context, db *sql.DB, email string) error {
	_, err := db.ExecContext(ctx, `INSERT INTO users (email, created_at) VALUES ($1, now())`, email)
	return err
}

func main() {
	db, err := sql.Open("postgres", "postgres://users@db/users?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := createUser(ctx, db, "ada@example.com"); err != nil {
		log.Fatal(err)
	}
	log.Println(getUser(ctx, db, 1))
}
