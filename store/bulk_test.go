package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
	"github.com/duban-dev/duban/tracker"
)

func genSmall(t *testing.T, db *store.DB) (synth.Config, map[string]int) {
	t.Helper()
	c := synth.Config{Districts: 3, Items: 20, Months: 2, Seed: 3}
	counts, err := db.BulkLoad(context.Background(), &synth.Dataset{Config: c, PasswordHash: "x"}, "gen", nil)
	if err != nil {
		t.Fatalf("BulkLoad: %v", err)
	}
	return c, counts
}

func TestBulkLoadSmallDataset(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c, counts := genSmall(t, db)
		want := map[string]int{"units": 30, "people": 30, "plans": 3, "nodes": 3 * c.NodesPerPlan(),
			"indicators": 60, "reports": 120, "notices": 3, "users": 33, "indicator_status": 60}
		assertEqual(t, "counts", counts, want)

		plan, err := db.FindPlan(ctx, synth.PlanID(2))
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "region", plan.RegionName, synth.RegionOf(2).Name())
		// The dashboard of a generated plan evaluates every indicator.
		err = tracker.NewService(db).View(ctx, plan.ID, c.AsOf(), func(ps *tracker.PlanStatus) error {
			if d := ps.Dashboard(); d.Totals.Items != 20 || len(d.Areas) != synth.AreasPerPlan {
				t.Errorf("dashboard: %d items, %d areas", d.Totals.Items, len(d.Areas))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Ids continue after the dataset's, and the reporter can sign in.
		u := duban.User{Username: "late", Role: duban.RoleReader}
		if err := db.CreateUser(ctx, &u); err != nil || u.ID != 34 {
			t.Fatalf("user after bulk load: id %d, %v", u.ID, err)
		}
		rep, err := db.FindUserByUsername(ctx, synth.UnitCode(1, 3))
		if err != nil || rep.UnitCode != synth.UnitCode(1, 3) {
			t.Fatalf("reporter: %+v, %v", rep, err)
		}
	})
}

func TestBulkLoadRefusesNonEmptyDatabase(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		genSmall(t, db)
		_, err := db.BulkLoad(context.Background(), &synth.Dataset{Config: synth.Config{Districts: 1, Items: 1, Months: 1}}, "gen", nil)
		wantCode(t, err, duban.ECONFLICT)
	})
}
