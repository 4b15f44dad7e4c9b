package store_test

import (
	"context"
	"strings"
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
		if err := db.CreateUser(ctx, "test", &u); err != nil || u.ID != 34 {
			t.Fatalf("user after bulk load: id %d, %v", u.ID, err)
		}
		rep, err := db.FindUserByUsername(ctx, synth.UnitCode(1, 3))
		if err != nil || rep.UnitCode != synth.UnitCode(1, 3) {
			t.Fatalf("reporter: %+v, %v", rep, err)
		}
	})
}

func TestBulkLoadRebuildsEveryIndex(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		before, err := store.SecondaryIndexes(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if len(before) < 10 {
			t.Fatalf("only %d secondary indexes found: %v", len(before), before)
		}
		genSmall(t, db)
		after, err := store.SecondaryIndexes(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "indexes after a bulk load", after, before)
	})
}

func TestBulkLoadRefusesNonEmptyDatabase(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		genSmall(t, db)
		_, err := db.BulkLoad(context.Background(), &synth.Dataset{Config: synth.Config{Districts: 1, Items: 1, Months: 1}}, "gen", nil)
		wantCode(t, err, duban.ECONFLICT)
	})
}

func TestStatusSnapshotJudgesLikeSnapshot(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c, _ := genSmall(t, db)
		for _, asOf := range []duban.Date{c.AsOf(), c.AsOf().AddDays(-20), duban.MustDate("2021-12-31")} {
			for d := range c.Districts {
				full, err := db.Snapshot(ctx, synth.PlanID(d), asOf)
				if err != nil {
					t.Fatal(err)
				}
				lean, err := db.StatusSnapshot(ctx, synth.PlanID(d), asOf)
				if err != nil {
					t.Fatal(err)
				}
				if len(full.Reports) != len(lean.Reports) || len(lean.Reports) == 0 {
					t.Fatalf("plan %d as of %s: %d reports, lean %d", d, asOf, len(full.Reports), len(lean.Reports))
				}
				a, err := tracker.Evaluate(full, asOf)
				if err != nil {
					t.Fatal(err)
				}
				b, err := tracker.Evaluate(lean, asOf)
				if err != nil {
					t.Fatal(err)
				}
				assertEqual(t, "items", b.Items(), a.Items())
			}
		}
	})
}

// brokenSource corrupts one report of its last part.
type brokenSource struct{ synth.Dataset }

func (b *brokenSource) Part(i int) (*duban.DatasetPart, error) {
	p, err := b.Dataset.Part(i)
	if err == nil && i == b.Parts()-1 {
		p.Reports[len(p.Reports)-1].IndicatorID = 999_999
	}
	return p, err
}

func TestBulkLoadWithABrokenReferenceWritesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		src := &brokenSource{synth.Dataset{Config: synth.Config{Districts: 3, Items: 20, Months: 2, Seed: 3}}}
		_, err := db.BulkLoad(ctx, src, "gen", nil)
		if err == nil || !strings.Contains(err.Error(), "reports") {
			t.Fatalf("a report of a missing indicator: %v, want an error naming reports", err)
		}
		if counts := mustCounts(t, db); counts["plans"] != 0 || counts["reports"] != 0 || counts["audit_log"] != 0 {
			t.Fatalf("rows left behind: %v", counts)
		}
		// The failed load left the schema whole: a good load still works.
		genSmall(t, db)
	})
}

// UpdateIndicatorStatuses judges the named indicators itself, whatever
// the rows claim: a row calling an unreported item done changes nothing,
// and every plan keeps one status per indicator.
func TestUpdateIndicatorStatusesAcrossPlans(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c, _ := genSmall(t, db)
		var rows []duban.IndicatorStatus
		for d := range 2 {
			for i := range 3 {
				rows = append(rows, duban.IndicatorStatus{IndicatorID: c.IndicatorID(d, i), PlanID: synth.PlanID(d),
					Status: "done", Progress: 1, AsOf: c.AsOf()})
			}
		}
		if err := db.UpdateIndicatorStatuses(ctx, rows, "test"); err != nil {
			t.Fatal(err)
		}
		for d := range 2 {
			stored, err := db.ListIndicatorStatuses(ctx, synth.PlanID(d))
			if err != nil || len(stored) != 20 {
				t.Fatalf("plan %d: %d statuses, %v; want 20", d, len(stored), err)
			}
			for _, s := range stored[:3] {
				if s.Status == "done" && s.Progress < 1 {
					t.Fatalf("indicator %d stored as claimed, not as judged: %+v", s.IndicatorID, s)
				}
			}
		}
	})
}
