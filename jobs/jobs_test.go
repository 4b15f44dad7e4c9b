package jobs_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/jobs"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

func TestRunOnceWithAClock(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	db.Now = clock
	b, err := planfile.Decode("erqi-2021.yaml", bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	planID, err := db.ImportBundle(ctx, b, "test")
	if err != nil {
		t.Fatal(err)
	}
	u := &duban.User{Username: "admin", Role: duban.RoleAdmin}
	if err := db.CreateUser(ctx, "test", u); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateSession(ctx, u.ID, []byte("old"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	runner := jobs.New(jobs.Config{Notices: db, Rules: db, Sessions: db, Statuses: db, Leader: db, Now: clock})

	first := mustRun(t, runner)
	// The import stored the plan's statuses as of the day: nothing to move.
	if first.Issued == 0 || first.Escalated != 0 || first.SessionsRemoved != 0 || first.Refreshed != 0 {
		t.Fatalf("first run on 2021-07-15: %+v; want notices issued, nothing moved, escalated or removed", first)
	}
	assertOneNoticePerUnit(t, db, planID, first)
	assertStatusesAsOf(t, db, planID, duban.DateOf(now))
	again := mustRun(t, runner)
	again.RefreshTime = 0 // a measurement, not an outcome
	if again != (jobs.Result{}) {
		t.Fatalf("second run the same day: %+v, want nothing, not even a plan refreshed", again)
	}
	now = now.AddDate(0, 0, tracker.ReplyDays+1) // every reply is now a day overdue
	later := mustRun(t, runner)
	if later.Escalated != first.Issued || later.Issued != 0 || later.SessionsRemoved != 1 || later.Refreshed != 1 {
		t.Fatalf("run after the reply deadline: %+v; want %d escalated, the plan refreshed again, none issued, one session removed",
			later, first.Issued)
	}
	assertStatusesAsOf(t, db, planID, duban.DateOf(now))
	list, _, err := db.ListNotices(ctx, duban.NoticeFilter{PlanID: planID, Page: duban.Page{PerPage: 1}})
	if err != nil {
		t.Fatal(err)
	}
	n := list[0]
	if n.Level != duban.LevelSupervise || n.ReplyDue != duban.DateOf(now).AddDays(duban.EscalationReplyDays) {
		t.Fatalf("escalated notice: level %s, due %s", n.Level.Label(), n.ReplyDue)
	}
}

func mustRun(t *testing.T, r *jobs.Runner) jobs.Result {
	t.Helper()
	res, err := r.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// assertStatusesAsOf checks that every indicator of the plan has a stored
// status as of the day.
func assertStatusesAsOf(t *testing.T, db *store.DB, planID int64, day duban.Date) {
	t.Helper()
	ctx := context.Background()
	rows, err := db.ListIndicatorStatuses(ctx, planID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.ExportBundle(ctx, planID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(b.Indicators) {
		t.Fatalf("%d stored statuses for %d indicators", len(rows), len(b.Indicators))
	}
	for _, r := range rows {
		if r.AsOf != day {
			t.Fatalf("indicator %d: status as of %s, want %s", r.IndicatorID, r.AsOf, day)
		}
	}
}
