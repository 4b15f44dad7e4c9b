package store_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
)

// assertRollupEqualsIndicatorRows holds the national rollup (summed from
// stored per-plan rows) against one GROUP BY over every indicator's status,
// by province and by area, with and without the as-of filter.
func assertRollupEqualsIndicatorRows(t *testing.T, db *store.DB, day duban.Date, step int) {
	t.Helper()
	ctx := context.Background()
	for _, by := range []duban.RollupBy{duban.RollupByProvince, duban.RollupByArea} {
		for _, asOf := range []duban.Date{{}, day, day.AddDays(-1)} {
			got, err := db.Rollup(ctx, by, asOf)
			if err != nil {
				t.Fatal(err)
			}
			want, err := store.RollupOfIndicatorRows(ctx, db, by, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("step %d, by %s as of %s: %d groups, want %d:\n%+v\n%+v", step, by, asOf, len(got), len(want), got, want)
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.Key != w.Key || g.Items != w.Items || fmt.Sprint(g.Counts) != fmt.Sprint(w.Counts) ||
					math.Abs(g.Progress-w.Progress) > 1e-9 {
					t.Fatalf("step %d, by %s as of %s, group %d:\ngot  %+v\nwant %+v", step, by, asOf, i, g, w)
				}
			}
		}
	}
}

// The rollup summed from area_status_rollup equals the GROUP BY over
// indicator_status after random reports, approvals, returns and days
// passing, with one plan's stored state dropped halfway (counted from its
// indicator rows until the daily job stores it again), on both engines.
func TestRollupFromStoredRowsEqualsIndicatorRows(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		w := newStatusWorld(t, db)
		rng := rand.New(rand.NewPCG(5, 13))
		assertRollupEqualsIndicatorRows(t, db, w.day, 0)
		if got, _ := db.Rollup(context.Background(), duban.RollupByArea, duban.Date{}); len(got) == 0 {
			t.Fatal("empty rollup")
		}
		for step := 1; step <= 30; step++ {
			switch k := rng.IntN(10); {
			case k < 4:
				w.submit(t, rng)
			case k < 7:
				w.review(t, rng, true)
			case k < 8:
				w.review(t, rng, false)
			default:
				w.moveTo(t, w.day.AddDays(1+rng.IntN(25)))
			}
			if step == 15 {
				// as migration 0011 leaves every plan: rows kept, state not stored
				if err := store.Exec(context.Background(), db, "UPDATE plans SET status_as_of = NULL WHERE id = ?", synth.PlanID(1)); err != nil {
					t.Fatal(err)
				}
			}
			assertRollupEqualsIndicatorRows(t, db, w.day, step)
		}
	})
}
