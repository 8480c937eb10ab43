// migrate creates the schema and session settings; it runs DDL, not CRUD.
package main

import (
	"database/sql"
	"log"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	steps := []string{
		`CREATE TABLE IF NOT EXISTS users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE)`,
		`CREATE INDEX IF NOT EXISTS users_email ON users (email)`,
	}
	if _, err := db.Exec("SET statement_timeout = '30s'"); err != nil {
		log.Fatal(err)
	}
	for _, step := range steps {
		if _, err := db.Exec(step); err != nil {
			log.Fatalf("migration failed: %v", err)
		}
	}
	log.Println("selected from the migration list:", len(steps), "steps applied")
}
