package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// BenchmarkRankingReports reads what the ranking judges of a plan whose
// monthly item holds n versions over seven periods: "period" one report a
// period (PeriodReports), "paged" every version page by page as the
// bulletin service did before (each page skips all before it); "status"
// the evaluation's snapshot, one report a period.
func BenchmarkRankingReports(b *testing.B) {
	for _, n := range benchSizes() {
		db := mustOpen(b, sqliteDSN(b))
		f := mustTracking(b, db)
		reps := make([]duban.Report, n)
		for i := range reps {
			reps[i] = duban.Report{IndicatorID: f.ind["ind-4"].ID, UnitCode: "jsj", Period: fmt.Sprintf("2021-%02d", i%7+1),
				Version: i/7 + 1, Value: float(float64(i)), State: duban.Approved, SubmittedBy: "jsj.zhang", SubmittedAt: clock}
		}
		if err := db.InsertReports(context.Background(), reps, "bench"); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("period/%d", n), func(b *testing.B) {
			for b.Loop() {
				if got, err := db.PeriodReports(context.Background(), f.planID); err != nil || len(got) != 7 {
					b.Fatalf("%d reports, %v", len(got), err)
				}
			}
		})
		b.Run(fmt.Sprintf("status/%d", n), func(b *testing.B) {
			for b.Loop() {
				if s, err := db.StatusSnapshot(context.Background(), f.planID, today); err != nil || len(s.Reports) != 7 {
					b.Fatalf("status snapshot: %v", err)
				}
			}
		})
		b.Run(fmt.Sprintf("paged/%d", n), func(b *testing.B) {
			for b.Loop() {
				pagedReports(b, db, f.planID, n)
			}
		})
	}
}

func pagedReports(b *testing.B, db *store.DB, planID int64, want int) {
	seen := 0
	for page := 1; seen < want; page++ {
		got, _, err := db.ListReportsFiltered(context.Background(), duban.ReportFilter{PlanID: planID,
			Page: duban.Page{Page: page, PerPage: duban.MaxPerPage}})
		if err != nil || len(got) == 0 {
			b.Fatalf("page %d: %v", page, err)
		}
		seen += len(got)
	}
}

// benchSizes are the version counts BenchmarkRankingReports measures;
func benchSizes() []int { return []int{10000, 40000} }
