package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/store"
)

// TestOnlyTheDecidingVersionIsRead: with many versions a period, the
// status snapshot and the ranking's reports hold one report a period, the
// latest approved version (else the latest submitted), and judging them
// gives what judging every version gives.
func TestOnlyTheDecidingVersionIsRead(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		at := clock
		submit := func(period string, v float64, draft bool) duban.Report {
			at = at.Add(time.Hour)
			db.Now = func() time.Time { return at }
			in := f.input(period, v)
			in.Draft = draft
			return f.mustSubmit(t, f.jsj, in)[0]
		}
		approve := func(r duban.Report) {
			if _, err := db.ReviewReport(ctx, f.supervisor, r.ID, true, ""); err != nil {
				t.Fatalf("approve v%d: %v", r.Version, err)
			}
		}
		first := submit("2021-06", 1, false)
		approve(submit("2021-06", 2, false))
		submit("2021-06", 3, false) // left waiting: v4 is approved after it
		approve(submit("2021-06", 4, false))
		for v := 5.0; v <= 40; v++ {
			submit("2021-06", v, false) // corrections still waiting
		}
		may := submit("2021-05", 7, false)
		submit("2021-04", 9, true)

		lean, err := db.StatusSnapshot(ctx, f.planID, today)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][2]any{}
		for _, r := range lean.Reports {
			if r.IndicatorID == f.ind["ind-4"].ID {
				got[r.Period] = [2]any{r.Version, r.State}
			}
		}
		assertEqual(t, "status snapshot of ind-4", got, map[string][2]any{
			"2021-06": {4, duban.Approved}, "2021-05": {1, duban.Submitted}})

		full, err := db.Snapshot(ctx, f.planID, today)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range full.Indicators {
			a := status.InputFromReports(ind, nil, &full.Plan, full.Reports)
			b := status.InputFromReports(ind, nil, &lean.Plan, lean.Reports)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s judged from every version %+v, from the deciding ones %+v", ind.Code, a, b)
			}
		}

		reps, err := db.PeriodReports(ctx, f.planID)
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			Version   int
			State     duban.ReportState
			Submitted time.Time
		}
		byPeriod := map[string]row{}
		for _, r := range reps {
			if r.IndicatorID == f.ind["ind-4"].ID {
				byPeriod[r.Period] = row{r.Version, r.State, r.SubmittedAt}
			}
		}
		assertEqual(t, "period reports of ind-4", byPeriod, map[string]row{
			"2021-06": {4, duban.Approved, first.SubmittedAt}, "2021-05": {1, duban.Submitted, may.SubmittedAt}})
	})
}
