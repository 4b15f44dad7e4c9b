package projects_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban/projects"
)

// BenchmarkLedgerCold reads and evaluates the demo plan with its 270
// projects and builds the ledger, as the first request after a change does.
func BenchmarkLedgerCold(b *testing.B) {
	db, planID := demoStore(b)
	svc := projects.NewService(db, nil) // no tracker: nothing is cached
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := svc.Ledger(ctx, planID, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
