package store_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
	"github.com/duban-dev/duban/tracker"
)

// A plan's stored page is served only while its version is the plan's:
// one server builds and keeps it, another serves the same bytes, and after
// an approval the page is built again and equals a full recomputation.
func TestStoredPageFollowsTheStatusVersion(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newStatusWorld(t, db)
		planID := synth.PlanID(0)
		for _, page := range []string{tracker.PageDashboard, tracker.PageTree} {
			first, err := tracker.NewService(db).Page(ctx, planID, w.day, page)
			if err != nil {
				t.Fatal(err)
			}
			_, asOf, stored, err := db.StatusPage(ctx, planID, page)
			if err != nil || asOf != w.day || !bytes.Equal(stored, first) {
				t.Fatalf("%s: stored page as of %s (%v) is not the built one", page, asOf, err)
			}
		}
		before, _, _, _ := db.StatusPage(ctx, planID, tracker.PageDashboard)

		ind := w.c.IndicatorID(0, 3)
		value := 1.0
		rep, err := db.SubmitReport(ctx, w.supervisor, duban.ReportInput{IndicatorID: ind, Period: "2021-01", Value: &value}, w.day)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ReviewReport(ctx, w.supervisor, rep.ID, true, ""); err != nil {
			t.Fatal(err)
		}
		version, _, stale, err := db.StatusPage(ctx, planID, tracker.PageDashboard)
		if err != nil || version <= before || stale != nil {
			t.Fatalf("after an approval: version %d (was %d), page kept: %v (%v)", version, before, stale != nil, err)
		}
		other := tracker.NewService(db) // another server
		got, err := other.Page(ctx, planID, w.day, tracker.PageDashboard)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := db.Snapshot(ctx, planID, w.day)
		if err != nil {
			t.Fatal(err)
		}
		full, err := tracker.Evaluate(snap, w.day)
		if err != nil {
			t.Fatal(err)
		}
		want, err := full.DashboardJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("dashboard after the approval differs from a full evaluation:\n%s\n%s", got, want)
		}
		if _, _, kept, _ := db.StatusPage(ctx, planID, tracker.PageDashboard); !bytes.Equal(kept, got) {
			t.Fatal("the rebuilt page was not kept")
		}
	})
}
