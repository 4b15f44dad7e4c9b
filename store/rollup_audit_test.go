package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
)

// A status refresh audits each indicator whose light changed, with its
// status before and after, and nothing for one whose light stayed.
func TestStatusRefreshAuditsChanges(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		genSmall(t, db)
		planID := synth.PlanID(0)
		rows, err := db.ListIndicatorStatuses(ctx, planID)
		if err != nil || len(rows) < 2 {
			t.Fatalf("statuses %d, %v", len(rows), err)
		}
		changed, kept := rows[0], rows[1]
		was := changed.Status
		changed.Status = otherStatus(was)
		kept.Progress += 0.1
		if err := db.UpdateIndicatorStatuses(ctx, []duban.IndicatorStatus{changed, kept}, "tracker"); err != nil {
			t.Fatal(err)
		}
		assertStatusChanges(t, db, changed.IndicatorID, [][2]string{{was, changed.Status}})
		assertStatusChanges(t, db, kept.IndicatorID, nil)

		rows[0].Status = was // the whole plan again: only the first changes back
		if err := db.SaveIndicatorStatuses(ctx, planID, rows, "tracker"); err != nil {
			t.Fatal(err)
		}
		assertStatusChanges(t, db, changed.IndicatorID, [][2]string{{was, changed.Status}, {changed.Status, was}})
		assertStatusChanges(t, db, kept.IndicatorID, [][2]string{})
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
		var before, after struct{ Status string }
		if e.Action != "status.change" || e.Actor != "tracker" ||
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
