package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestInvalidBundleWritesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		counts := mustCounts(t, db)
		b := richBundle()
		b.Nodes[2].LeadUnit = "no-such-unit"
		b.Indicators[1].Target = nil
		_, err := db.ImportBundle(ctx, b, "tester")
		wantCode(t, err, duban.EINVALID)
		assertEqual(t, "error", err, b.Validate())
		assertEqual(t, "row counts", mustCounts(t, db), counts)
	})
}

// An injected failure after each step of an import, first of a new plan
// then of a re-import, must leave every table as it was.
func TestFailedImportRollsBack(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		injected := errors.New("injected failure")
		for _, step := range store.ImportSteps {
			counts := mustCounts(t, db)
			store.SetImportHook(db, failAt(step, injected))
			_, err := db.ImportBundle(ctx, richBundle(), "tester")
			if !errors.Is(err, injected) {
				t.Fatalf("new plan, failure after %s: err = %v", step, err)
			}
			assertEqual(t, "row counts after failure at "+step, mustCounts(t, db), counts)
		}

		store.SetImportHook(db, nil)
		id := mustImport(t, db, richBundle())
		before, _ := db.ExportBundle(ctx, id)
		changed := richBundle()
		changed.Plan.Title = "改"
		changed.Units[1].Name = "改"
		changed.Nodes = changed.Nodes[:5]
		changed.Indicators = changed.Indicators[1:3]
		for _, step := range store.ImportSteps {
			counts := mustCounts(t, db)
			store.SetImportHook(db, failAt(step, injected))
			if _, err := db.ImportBundle(ctx, changed, "tester"); !errors.Is(err, injected) {
				t.Fatalf("re-import, failure after %s: err = %v", step, err)
			}
			assertEqual(t, "row counts after failure at "+step, mustCounts(t, db), counts)
			after, _ := db.ExportBundle(ctx, id)
			assertEqual(t, "plan after failure at "+step, after, before)
		}
	})
}

func failAt(step string, err error) func(string) error {
	return func(s string) error {
		if s == step {
			return err
		}
		return nil
	}
}
