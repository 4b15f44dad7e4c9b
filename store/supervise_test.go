package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestPlansToSupervise(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		day := duban.MustDate("2021-07-15")
		rules := []string{"lagging", "not_reported", "overdue"}
		listed := func(asOf duban.Date) bool {
			t.Helper()
			ids, err := db.PlansToSupervise(ctx, asOf, rules)
			if err != nil {
				t.Fatal(err)
			}
			return slices.Contains(ids, f.planID)
		}
		save := func(lagging string) {
			t.Helper()
			var rows []duban.IndicatorStatus
			for _, in := range f.ind {
				st := "on_track"
				if in.Code == lagging {
					st = "lagging"
				}
				rows = append(rows, duban.IndicatorStatus{IndicatorID: in.ID, PlanID: f.planID, Status: st, AsOf: day})
			}
			if err := db.SaveIndicatorStatuses(ctx, f.planID, rows, "test"); err != nil {
				t.Fatal(err)
			}
		}
		if !listed(day) {
			t.Fatal("a plan without stored statuses is not listed")
		}
		save("")
		if listed(day) {
			t.Fatal("a plan judged today with nothing to act on is listed")
		}
		if !listed(day.AddDays(1)) {
			t.Fatal("a plan judged yesterday is not listed today")
		}
		save("ind-4")
		if !listed(day) {
			t.Fatal("a plan with a lagging indicator and no notice on it is not listed")
		}
		n := f.mustNotice(t, f.notice()) // on ind-4
		if listed(day) {
			t.Fatal("a plan whose lagging indicator has an open notice is listed")
		}
		for _, act := range []duban.NoticeAction{duban.ActReply, duban.ActClose} {
			if _, err := db.ApplyNotice(ctx, f.supervisor, n.ID, act, "已整改", duban.Date{}); err != nil {
				t.Fatal(err)
			}
		}
		if !listed(day) {
			t.Fatal("a plan whose lagging indicator's notice is closed is not listed")
		}
	})
}
