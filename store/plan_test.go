package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestImportExportRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		in := richBundle()
		if err := in.Validate(); err != nil {
			t.Fatalf("fixture is invalid: %v", err)
		}
		id := mustImport(t, db, in)
		out, err := db.ExportBundle(ctx, id)
		if err != nil {
			t.Fatalf("ExportBundle: %v", err)
		}
		assertEqual(t, "exported bundle", normalized(out), richBundle())
		assertAssignedFields(t, out, id)
	})
}

// assertAssignedFields checks the fields normalized zeroes: ids set and
// consistent, timestamps from the clock.
func assertAssignedFields(t *testing.T, b *duban.Bundle, planID int64) {
	t.Helper()
	if b.Plan.ID != planID || !b.Plan.CreatedAt.Equal(clock) || !b.Plan.UpdatedAt.Equal(clock) {
		t.Errorf("plan id/created/updated = %d %v %v, want %d and the clock", b.Plan.ID, b.Plan.CreatedAt, b.Plan.UpdatedAt, planID)
	}
	nodeIDs := map[string]int64{}
	for _, n := range b.Nodes {
		if n.ID == 0 || n.PlanID != planID || !n.UpdatedAt.Equal(clock) {
			t.Errorf("node %s: id %d plan %d updated %v", n.Code, n.ID, n.PlanID, n.UpdatedAt)
		}
		nodeIDs[n.Code] = n.ID
	}
	for _, in := range b.Indicators {
		if in.ID == 0 || in.PlanID != planID || in.NodeID != nodeIDs[in.NodeCode] {
			t.Errorf("indicator %s: id %d plan %d node %d, want node %d", in.Code, in.ID, in.PlanID, in.NodeID, nodeIDs[in.NodeCode])
		}
	}
	for _, u := range b.Units {
		if u.ID == 0 {
			t.Errorf("unit %s has no id", u.Code)
		}
	}
}

func TestFindPlan(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		id := mustImport(t, db, richBundle())
		p, err := db.FindPlan(context.Background(), id)
		if err != nil {
			t.Fatalf("FindPlan: %v", err)
		}
		want := richBundle().Plan
		want.ID, want.CreatedAt, want.UpdatedAt = id, clock, clock
		assertEqual(t, "plan", *p, want)
	})
}

func TestReimportKeepsIDsAndReports(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		id := mustImport(t, db, richBundle())
		first, _ := db.ExportBundle(ctx, id)
		ind1 := first.Indicators[0]
		if err := db.InsertReports(ctx, []duban.Report{{IndicatorID: ind1.ID, UnitCode: "jsj",
			Period: "2021-06", Version: 1, Value: float(100), State: duban.Submitted}}, "jsj-user"); err != nil {
			t.Fatalf("InsertReports: %v", err)
		}

		changed := richBundle()
		changed.Plan.Title = "二七区2021年重点工作（修订）"
		changed.Nodes = changed.Nodes[:5]                                          // drop I1 …
		changed.Indicators[0].NodeCode = "T1"                                      // … moving ind-1 to T1
		changed.Indicators = append(changed.Indicators[:2], changed.Indicators[3]) // drop ind-3 (no reports)
		changed.Indicators = append(changed.Indicators, duban.Indicator{Code: "ind-5", NodeCode: "P2",
			Name: "新增指标", Unit: "亿元", Target: float(1), Comparator: duban.AtLeast,
			Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly})
		changed.Units = changed.Units[:4] // ptgs no longer listed
		later := clock.Add(24 * 3600e9)
		db.Now = func() time.Time { return later }
		if again := mustImport(t, db, changed); again != id {
			t.Fatalf("re-import gave plan id %d, want %d", again, id)
		}

		out, err := db.ExportBundle(ctx, id)
		if err != nil {
			t.Fatalf("ExportBundle: %v", err)
		}
		assertEqual(t, "re-imported bundle", normalized(out), changed)
		if out.Indicators[0].ID != ind1.ID {
			t.Errorf("ind-1 id changed from %d to %d", ind1.ID, out.Indicators[0].ID)
		}
		if !out.Plan.CreatedAt.Equal(clock) || !out.Plan.UpdatedAt.Equal(later) {
			t.Errorf("created/updated = %v/%v, want %v/%v", out.Plan.CreatedAt, out.Plan.UpdatedAt, clock, later)
		}
		reports, err := db.ListReports(ctx, ind1.ID)
		if err != nil || len(reports) != 1 {
			t.Fatalf("reports after re-import: %v, %v", reports, err)
		}
		_, total, _ := db.ListPlans(ctx, duban.PlanFilter{})
		if total != 1 {
			t.Errorf("plans after re-import = %d, want 1", total)
		}
	})
}

func TestReimportRefusesToDropReportedIndicator(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		id := mustImport(t, db, richBundle())
		before, _ := db.ExportBundle(ctx, id)
		err := db.InsertReports(ctx, []duban.Report{{IndicatorID: before.Indicators[1].ID, UnitCode: "gov",
			Period: "2021-Q2", Version: 1, Value: float(7.1), State: duban.Approved}}, "gov-user")
		if err != nil {
			t.Fatalf("InsertReports: %v", err)
		}
		counts := mustCounts(t, db)

		changed := richBundle()
		changed.Units[0].Name = "改名后的发改委"                                              // an upsert that must be rolled back too
		changed.Indicators = append(changed.Indicators[:1], changed.Indicators[2:]...) // drop ind-2
		_, err = db.ImportBundle(ctx, changed, "tester")
		wantCode(t, err, duban.ECONFLICT)

		assertEqual(t, "row counts", mustCounts(t, db), counts)
		after, _ := db.ExportBundle(ctx, id)
		assertEqual(t, "plan after refused import", after, before)
	})
}

// A caller that read the plan and imports its merged edits names the time
// it read; a change stored in between makes the import fail and survives.
func TestImportBundleIfUnchangedSince(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		id := mustImport(t, db, richBundle())
		read, err := db.ExportBundle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if read.Plan.UpdatedAt.IsZero() {
			t.Fatal("the exported plan has no updated_at")
		}

		other, _ := db.ExportBundle(ctx, id)
		other.Plan.Title = "别人改过的标题"
		db.Now = func() time.Time { return clock.Add(time.Minute) } // the other change is stored later
		if _, err := db.ImportBundle(ctx, other, "other"); err != nil {
			t.Fatalf("the other change: %v", err)
		}

		stale := *read
		stale.Plan.Description = "我的修改"
		stale.IfUnchangedSince = read.Plan.UpdatedAt
		_, err = db.ImportBundle(ctx, &stale, "me")
		wantCode(t, err, duban.ECONFLICT)
		now, _ := db.ExportBundle(ctx, id)
		if now.Plan.Title != "别人改过的标题" || now.Plan.Description == "我的修改" {
			t.Fatalf("after the refused import: title %q, description %q", now.Plan.Title, now.Plan.Description)
		}

		fresh := *now
		fresh.Plan.Description = "我的修改"
		fresh.IfUnchangedSince = now.Plan.UpdatedAt
		if _, err := db.ImportBundle(ctx, &fresh, "me"); err != nil {
			t.Fatalf("import against the current plan: %v", err)
		}

		unknown := richBundle()
		unknown.Plan.Code = "never-stored"
		unknown.IfUnchangedSince = clock
		_, err = db.ImportBundle(ctx, unknown, "me")
		wantCode(t, err, duban.ECONFLICT)
	})
}
