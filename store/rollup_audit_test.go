package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
)

// A light is audited where it changes: judging a plan again by the rules
// it was judged by changes nothing and audits nothing; an approval that
// turns a light audits it, with before and after, as its reviewer; an
// indicator whose light stayed gets no entry.
func TestStatusChangesAreAuditedWhereTheyHappen(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c, _ := genSmall(t, db)
		planID := synth.PlanID(0)
		rows, err := db.ListIndicatorStatuses(ctx, planID)
		if err != nil || len(rows) < 2 {
			t.Fatalf("statuses %d, %v", len(rows), err)
		}
		if err := db.SaveIndicatorStatuses(ctx, planID, rows, "tracker"); err != nil {
			t.Fatal(err)
		}
		changed, kept := rows[0], rows[1]
		assertStatusChanges(t, db, changed.IndicatorID, nil)
		assertStatusChanges(t, db, kept.IndicatorID, nil)

		supervisor := &duban.User{Username: synth.SupervisorUsername, Role: duban.RoleSupervisor}
		target, err := db.FindReportTarget(ctx, changed.IndicatorID)
		if err != nil {
			t.Fatal(err)
		}
		period := duban.PeriodOf(duban.Monthly, c.AsOf()).String()
		rep, err := db.SubmitReport(ctx, supervisor, duban.ReportInput{IndicatorID: changed.IndicatorID, Period: period,
			Value: target.Indicator.Target}, c.AsOf())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ReviewReport(ctx, supervisor, rep.ID, true, ""); err != nil {
			t.Fatal(err)
		}
		want := [][2]string{}
		if changed.Status != "done" {
			want = append(want, [2]string{changed.Status, "done"})
		}
		assertStatusChanges(t, db, changed.IndicatorID, want)
		assertStatusChanges(t, db, kept.IndicatorID, nil)
	})
}

func otherStatus(s string) string {
	if s == "lagging" {
		return "on_track"
	}
	return "lagging"
}

func assertStatusChanges(t *testing.T, db *store.DB, indicatorID int64, want [][2]string) {
	t.Helper()
	entries, err := db.ListAudit(context.Background(), "indicator", indicatorID)
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, e := range entries {
		if e.Action != "status.change" {
			continue
		}
		var before, after struct{ Status string }
		if e.Action != "status.change" ||
			json.Unmarshal(e.Before, &before) != nil || json.Unmarshal(e.After, &after) != nil {
			t.Fatalf("entry %+v", e)
		}
		got = append(got, [2]string{before.Status, after.Status})
	}
	if len(got) != len(want) {
		t.Fatalf("indicator %d changes %v, want %v", indicatorID, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("indicator %d changes %v, want %v", indicatorID, got, want)
		}
	}
}
