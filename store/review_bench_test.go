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
// row checked, versioned and audited, in three shapes:
//
//   - fresh: 2,000 indicators (on 2,000 nodes led by 100 units) × 5 months
//     not reported before, version 1 each, as a monthly or quarterly
//     upload of a city's districts is; the plan runs 2021–2030, so 24 ops
//     find new months (after that they correct old ones);
//   - corrections: the same 2,000 × 5 reports every op, so each op adds a
//     version to every indicator and month;
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
	fresh              bool // each op reports months not reported before
}

var benchShapes = []benchShape{{"fresh", 2000, 5, true}, {"corrections", 2000, 5, false}, {"dense", 100, 7, false}}

// freshToday is the bench's today for the fresh shape: every month of the
// ten-year plan has begun.
var freshToday = duban.MustDate("2030-12-31")

func benchSubmitReports(b *testing.B, dsn string, shape benchShape) {
	ctx := context.Background()
	db, _, batches := submitBench(b, dsn, shape)
	admin := &duban.User{Username: "bench", Role: duban.RoleAdmin}
	day := today
	if shape.fresh {
		day = freshToday
	}
	cpu := processCPU()
	op := 0
	for b.Loop() {
		reps, err := db.SubmitReports(ctx, admin, batches[op%len(batches)], day)
		if err != nil {
			b.Fatal(err)
		}
		if reps[len(reps)-1].ID == 0 || shape.fresh && op < len(batches) && reps[0].Version != 1 {
			b.Fatalf("op %d: id %d version %d", op, reps[len(reps)-1].ID, reps[0].Version)
		}
		op++
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
	db, planID, batches := submitBench(b, dsn, benchShapes[2])
	if _, err := db.SubmitReports(ctx, &duban.User{Username: "bench", Role: duban.RoleAdmin}, batches[0][:700], today); err != nil {
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
// each on its own node, led by 100 units in turn, and returns batches of
// 10,000 valid inputs over them and shape.months months: one batch, or
// for a fresh shape one for each run of months up to the plan's end.
func submitBench(b *testing.B, dsn string, shape benchShape) (*store.DB, int64, [][]duban.ReportInput) {
	db := mustOpen(b, dsn)
	bundle := benchBundle(100, 0)
	if shape.fresh {
		bundle.Plan.PeriodEnd = duban.MustDate("2030-12-31")
	}
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
	runs := 1
	if shape.fresh {
		runs = 120 / shape.months
	}
	batches := make([][]duban.ReportInput, runs)
	for r := range batches {
		batch := make([]duban.ReportInput, reportsPerOp)
		for i := range batch {
			month := r*shape.months + i/shape.indicators%shape.months
			batch[i] = duban.ReportInput{IndicatorID: exported.Indicators[i%shape.indicators].ID,
				Period: fmt.Sprintf("%d-%02d", 2021+month/12, month%12+1), Value: float(float64(i)),
				Note: fmt.Sprintf("第%d项进展顺利", i%997)}
		}
		batches[r] = batch
	}
	return db, planID, batches
}
