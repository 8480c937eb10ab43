0package main

import (
	"context"

	"example.com/shop/internal/store"
)

// applyMigrations is a placeholder until the schema moves to a migration tool.
func applyMigrations(ctx context.Context, st *store.Store) error {
	_ = ctx
	_ = st
	return nil
}
