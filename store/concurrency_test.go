package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// Sixteen goroutines write at once — users, reports and whole plans — and
// readers read meanwhile; on SQLite not one may see "database is locked".
func TestConcurrentWriters(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		planID := mustImport(t, db, richBundle())
		b, _ := db.ExportBundle(ctx, planID)
		ind := b.Indicators[0].ID

		const writers, rounds = 16, 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*rounds*4) // at most 4 calls a round
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range rounds {
					errs <- db.CreateUser(ctx, "test", &duban.User{Username: fmt.Sprintf("u%d-%d", w, r), Role: duban.RoleAdmin})
					errs <- db.InsertReports(ctx, []duban.Report{{IndicatorID: ind, UnitCode: "jsj",
						Period: fmt.Sprintf("P%d-%d", w, r), Version: 1, State: duban.Draft}}, "u")
					if r%5 == 0 {
						pb := richBundle()
						pb.Plan.Code = fmt.Sprintf("plan-%d", w)
						if w%2 == 1 { // shared units in another order must not deadlock
							slices.Reverse(pb.Units)
						}
						_, err := db.ImportBundle(ctx, pb, "u")
						errs <- err
					}
					_, _, err := db.ListPlans(ctx, duban.PlanFilter{})
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		failures := 0
		for err := range errs {
			if err != nil {
				failures++
				t.Error(err)
			}
		}
		if failures > 0 {
			t.Fatalf("%d of the concurrent calls failed", failures)
		}
		counts := mustCounts(t, db)
		if counts["users"] != writers*rounds || counts["reports"] != writers*rounds || counts["plans"] != writers+1 {
			t.Errorf("users %d reports %d plans %d, want %d %d %d", counts["users"], counts["reports"],
				counts["plans"], writers*rounds, writers*rounds, writers+1)
		}
	})
}

// Two handles on one SQLite file (as two processes would have) rely on
// busy_timeout rather than the in-process write slot.
func TestTwoHandlesOnOneSQLiteFile(t *testing.T) {
	dsn := sqliteDSN(t)
	handles := []*store.DB{mustOpen(t, dsn), mustOpen(t, dsn)}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 16*10)
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 10 {
				errs <- handles[w%2].CreateUser(ctx, "test", &duban.User{Username: fmt.Sprintf("u%d-%d", w, r), Role: duban.RoleAdmin})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := mustCounts(t, handles[0])["users"]; n != 160 {
		t.Errorf("users = %d, want 160", n)
	}
}

// Every pooled connection is held by a transaction that runs a query seen
// for the first time. Preparing it for the statement cache needs a
// connection of its own; waiting for one there would never end.
func TestNewQueryWhileEveryConnectionIsBusy(t *testing.T) {
	db := mustOpen(t, sqliteDSN(t))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for i := range 3 { // each round a query the cache has not seen
		query := fmt.Sprintf("SELECT COUNT(*) + %d FROM plans", i)
		if err := store.QueryOnEveryConnection(ctx, db, query); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
	}
}
