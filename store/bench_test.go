package store_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/duban-dev/duban"
)

const reportsPerOp = 10_000

// BenchmarkInsertReports inserts 10,000 reports per op over 100 indicators
// and 100 units: one prepared statement in one transaction on SQLite, COPY
// on PostgreSQL.
func BenchmarkInsertReports(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchInsertReports(b, sqliteDSN(b)) })
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		b.Run("postgres", func(b *testing.B) { benchInsertReports(b, postgresDSN(b, admin)) })
	}
}

func benchInsertReports(b *testing.B, dsn string) {
	ctx := context.Background()
	db := mustOpen(b, dsn)
	bundle := benchBundle(100, 100)
	planID := mustImport(b, db, bundle)
	exported, err := db.ExportBundle(ctx, planID)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for op := 0; b.Loop(); op++ {
		b.StopTimer()
		batch := make([]duban.Report, 0, reportsPerOp)
		for i := range reportsPerOp {
			batch = append(batch, duban.Report{
				IndicatorID: exported.Indicators[i%100].ID, UnitCode: bundle.Units[i/100%100].Code,
				Period: fmt.Sprintf("op%d", op), Version: 1, Value: float(float64(i)), State: duban.Submitted,
				SubmittedBy: "bench",
			})
		}
		b.StartTimer()
		if err := db.InsertReports(ctx, batch, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(reportsPerOp*b.N)/b.Elapsed().Seconds(), "reports/s")
}

// benchBundle is a plan with nUnits units and nIndicators indicators on one
// node.
func benchBundle(nUnits, nIndicators int) *duban.Bundle {
	b := richBundle()
	b.Plan.Code = "bench"
	for i := range nUnits {
		b.Units = append(b.Units, duban.Unit{Code: fmt.Sprintf("bu%03d", i), Name: "单位", Kind: duban.UnitStreet})
	}
	b.Units = b.Units[5:]
	b.People, b.Mechanisms = nil, nil
	b.Nodes = []duban.Node{{Code: "N", Kind: duban.KindTask, Title: "任务"}}
	b.Indicators = nil
	for i := range nIndicators {
		b.Indicators = append(b.Indicators, duban.Indicator{Code: fmt.Sprintf("bi%03d", i), NodeCode: "N",
			Name: "指标", Unit: "个", Target: float(100), Comparator: duban.AtLeast, Direction: duban.Increase,
			Kind: duban.Cumulative, Cadence: duban.Monthly})
	}
	return b
}

// BenchmarkImportBundle imports a plan of 1,000 nodes and 2,000 indicators;
// every op after the first is a code-stable re-import of the same plan.
func BenchmarkImportBundle(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchImportBundle(b, sqliteDSN(b)) })
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		b.Run("postgres", func(b *testing.B) { benchImportBundle(b, postgresDSN(b, admin)) })
	}
}

func benchImportBundle(b *testing.B, dsn string) {
	db := mustOpen(b, dsn)
	bundle := benchBundle(200, 0)
	for i := range 1000 {
		n := duban.Node{Code: fmt.Sprintf("n%04d", i), ParentCode: "N", Kind: duban.KindTask, Title: "任务",
			Order: i, LeadUnit: bundle.Units[i%200].Code, CoUnits: []string{bundle.Units[(i+1)%200].Code},
			Tags: []string{"标签"}}
		bundle.Nodes = append(bundle.Nodes, n)
		for j := range 2 {
			bundle.Indicators = append(bundle.Indicators, duban.Indicator{Code: fmt.Sprintf("i%04d-%d", i, j),
				NodeCode: n.Code, Name: "指标", Unit: "个", Target: float(10), Comparator: duban.AtLeast,
				Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly})
		}
	}
	for b.Loop() {
		mustImport(b, db, bundle)
	}
	b.ReportMetric(float64(len(bundle.Nodes)+len(bundle.Indicators))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
