package main

import (
	"context"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo/demodb"
	"github.com/duban-dev/duban/store"
)

// loadDemoProjects simulates the projects' year (demodb.LoadProjects) and
// writes the plan's simulated reports in the same batch.
func loadDemoProjects(ctx context.Context, db *store.DB, b *duban.Bundle, planID int64, ids map[string]int64, o demoOptions, with []duban.Report) error {
	return demodb.LoadProjects(ctx, db, b, planID, ids, o.asOf, o.seed, with...)
}
