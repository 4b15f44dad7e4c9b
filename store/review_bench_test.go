package store_test

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// BenchmarkSubmitReports submits 10,000 reports per op in one batch, every
// row checked, versioned and audited, in two shapes:
//
//   - spread: 2,000 indicators (on 2,000 nodes led by 100 units) × 5
//     months, one report per indicator and month, as a unit's or a
//     district's upload is; each op corrects them all (version n+1);
//   - dense: 100 indicators × 7 months, so every op adds about 14
//     versions to each indicator and month, the worst case for numbering.
func BenchmarkSubmitReports(b *testing.B) {
	for _, shape := range benchShapes {
		b.Run("sqlite/"+shape.name, func(b *testing.B) { benchSubmitReports(b, sqliteDSN(b), shape) })
	}
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		for _, shape := range benchShapes {
			b.Run("postgres/"+shape.name, func(b *testing.B) { benchSubmitReports(b, postgresDSN(b, admin), shape) })
		}
	}
}

type benchShape struct {
	name               string
	indicators, months int
}

var benchShapes = []benchShape{{"spread", 2000, 5}, {"dense", 100, 7}}

func benchSubmitReports(b *testing.B, dsn string, shape benchShape) {
	ctx := context.Background()
	db, _, batch := submitBench(b, dsn, shape)
	admin := &duban.User{Username: "bench", Role: duban.RoleAdmin}
	cpu := processCPU()
	for b.Loop() {
		reps, err := db.SubmitReports(ctx, admin, batch, today)
		if err != nil {
			b.Fatal(err)
		}
		if reps[len(reps)-1].ID == 0 {
			b.Fatal("no id")
		}
	}
	b.ReportMetric(float64(reportsPerOp*b.N)/b.Elapsed().Seconds(), "reports/s")
	// On a shared machine the wall clock also counts other processes'
	// turns; reports per second of this process's CPU time does not (it
	// leaves out the PostgreSQL server's share).
	b.ReportMetric(float64(reportsPerOp*b.N)/(processCPU()-cpu).Seconds(), "reports/cpu-s")
}

// processCPU is the user and system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSnapshot reads a plan of 100 indicators with 700 reports, a
// little more than the demo plan holds.
func BenchmarkSnapshot(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchSnapshot(b, sqliteDSN(b)) })
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		b.Run("postgres", func(b *testing.B) { benchSnapshot(b, postgresDSN(b, admin)) })
	}
}

func benchSnapshot(b *testing.B, dsn string) {
	ctx := context.Background()
	db, planID, batch := submitBench(b, dsn, benchShapes[1])
	if _, err := db.SubmitReports(ctx, &duban.User{Username: "bench", Role: duban.RoleAdmin}, batch[:700], today); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := db.Snapshot(ctx, planID, today)
		if err != nil || len(s.Reports) != 700 {
			b.Fatalf("snapshot: %v", err)
		}
	}
}

// submitBench opens a store with a plan of shape.indicators indicators,
// each on its own node, led by 100 units in turn, and returns a batch of
// 10,000 valid inputs over them and shape.months months.
func submitBench(b *testing.B, dsn string, shape benchShape) (*store.DB, int64, []duban.ReportInput) {
	db := mustOpen(b, dsn)
	bundle := benchBundle(100, 0)
	for i := range shape.indicators {
		code := fmt.Sprintf("n%04d", i)
		bundle.Nodes = append(bundle.Nodes, duban.Node{Code: code, ParentCode: "N", Kind: duban.KindTask, Title: "任务",
			LeadUnit: bundle.Units[i%len(bundle.Units)].Code})
		bundle.Indicators = append(bundle.Indicators, duban.Indicator{Code: "i" + code, NodeCode: code, Name: "指标",
			Unit: "个", Target: float(100), Comparator: duban.AtLeast, Direction: duban.Increase,
			Kind: duban.Cumulative, Cadence: duban.Monthly})
	}
	planID := mustImport(b, db, bundle)
	exported, err := db.ExportBundle(context.Background(), planID)
	if err != nil {
		b.Fatal(err)
	}
	batch := make([]duban.ReportInput, reportsPerOp)
	for i := range batch {
		batch[i] = duban.ReportInput{IndicatorID: exported.Indicators[i%shape.indicators].ID,
			Period: fmt.Sprintf("2021-%02d", i/shape.indicators%shape.months+1), Value: float(float64(i)), Note: "进展顺利"}
	}
	return db, planID, batch
}
