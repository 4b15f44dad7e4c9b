package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestSnapshot(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		ind2, ind3, ind4 := f.ind["ind-2"].ID, f.ind["ind-3"].ID, f.ind["ind-4"].ID
		// The bulk path stores no period start; the snapshot derives it.
		err := db.InsertReports(ctx, []duban.Report{
			{IndicatorID: ind4, UnitCode: "jsj", Period: "2021-03", Version: 1, Value: float(0), State: duban.Approved},
			{IndicatorID: ind4, UnitCode: "jsj", Period: "2021-08", Version: 1, Value: float(1), State: duban.Approved},
		}, "import")
		if err != nil {
			t.Fatal(err)
		}
		reps := f.mustSubmit(t, f.admin,
			f.input("2021-06", 1), // approved below
			f.input("2021-07", 2),
			duban.ReportInput{IndicatorID: ind2, Period: "2021-Q3", Value: float(7.4)},
			duban.ReportInput{IndicatorID: ind3, Period: "2021-W28", MilestonesDone: new(int)}, // starts 07-12
			duban.ReportInput{IndicatorID: ind4, Period: "2021-05", Draft: true},
			f.input("2021-04", 5), // returned below
		)
		june, july, q3, w28, returned := reps[0], reps[1], reps[2], reps[3], reps[5]
		if _, err := db.ReviewReport(ctx, f.admin, june.ID, true, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ReviewReport(ctx, f.admin, returned.ID, false, "数据有误"); err != nil {
			t.Fatal(err)
		}
		all, _, _ := db.ListReportsFiltered(ctx, duban.ReportFilter{IndicatorID: ind4, Page: duban.Page{PerPage: 100}})
		byPeriod := map[string]duban.Report{}
		for _, r := range all {
			byPeriod[r.Period] = r
		}
		cases := []struct {
			asOf string
			want []duban.Report
		}{
			{"2021-06-30", []duban.Report{byPeriod["2021-03"], byPeriod["2021-06"]}},
			{"2021-07-11", []duban.Report{byPeriod["2021-03"], byPeriod["2021-06"], q3, july}},
			{"2021-08-01", []duban.Report{byPeriod["2021-03"], byPeriod["2021-06"], q3, july, w28, byPeriod["2021-08"]}},
		}
		for _, c := range cases {
			s, err := db.Snapshot(ctx, f.planID, duban.MustDate(c.asOf))
			if err != nil {
				t.Fatalf("Snapshot: %v", err)
			}
			assertEqual(t, "reports as of "+c.asOf, s.Reports, c.want)
		}
		if ind2 > ind4 {
			t.Fatal("fixture: ind-2 must have the lower id for the order above")
		}
	})
}

func TestSnapshotPlanTreeAndIndicators(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		b, _ := db.ExportBundle(ctx, f.planID)
		s, err := db.Snapshot(ctx, f.planID, today)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "plan", s.Plan, b.Plan)
		assertEqual(t, "indicators", s.Indicators, b.Indicators)
		assertEqual(t, "nodes in pre-order", nodeCodes(s.Nodes), []string{"G1", "A1", "P1", "T1", "I1", "P2"})
		for _, n := range s.Nodes {
			assertEqual(t, "node "+n.Code, n, f.node[n.Code])
		}
		if len(s.Reports) != 0 {
			t.Errorf("reports = %v, want none", s.Reports)
		}
		_, err = db.Snapshot(ctx, f.planID+1, today)
		wantCode(t, err, duban.ENOTFOUND)
	})
}

func nodeCodes(nodes []duban.Node) []string {
	codes := []string{}
	for _, n := range nodes {
		codes = append(codes, n.Code)
	}
	return codes
}
