package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/xlsx"
)

// bigPlan is a plan of about n nodes: a goal, 6 areas, tasks of 20 items
// each, every item with a monthly indicator, spread over 60 units.
func bigPlan(n int) *duban.Bundle {
	b := &duban.Bundle{Plan: duban.Plan{Code: "big", Title: "万项计划", Year: 2021,
		PeriodStart: duban.MustDate("2021-01-01"), PeriodEnd: duban.MustDate("2021-12-31")}}
	for u := range 60 {
		b.Units = append(b.Units, duban.Unit{Code: fmt.Sprintf("u%02d", u), Name: fmt.Sprintf("第%d局", u+1), Kind: duban.UnitDepartment})
	}
	b.People = []duban.Person{{Code: "p1", Name: "张某", UnitCode: "u00", Role: duban.RoleLeader}}
	b.Nodes = append(b.Nodes, duban.Node{Code: "goal", Kind: duban.KindGoal, Title: "总目标"})
	items := (n - 7) * 20 / 21
	tasks := items / 20
	for a := range 6 {
		area := fmt.Sprintf("A%d", a+1)
		b.Nodes = append(b.Nodes, duban.Node{Code: area, ParentCode: "goal", Kind: duban.KindArea, Title: "领域" + area, Order: a})
		for t := a; t < tasks; t += 6 {
			task := fmt.Sprintf("%s-T%d", area, t)
			b.Nodes = append(b.Nodes, duban.Node{Code: task, ParentCode: area, Kind: duban.KindTask, Title: "任务" + task, Order: t,
				LeadUnit: fmt.Sprintf("u%02d", t%60)})
			for i := range 20 {
				code := fmt.Sprintf("%s-%d", task, i)
				target := float64(100 + i)
				b.Nodes = append(b.Nodes, duban.Node{Code: code, ParentCode: task, Kind: duban.KindItem, Order: i,
					Title: "指标事项" + code, LeadUnit: fmt.Sprintf("u%02d", (t+i)%60), CoUnits: []string{"u01"}, Leader: "p1",
					Deadline: duban.MustDate("2021-12-31"), Description: "说明文字"})
				b.Indicators = append(b.Indicators, duban.Indicator{NodeCode: code, Code: code, Name: "指标" + code, Unit: "个",
					Target: &target, Comparator: duban.AtLeast, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly})
			}
		}
	}
	return b
}

func planBook(b testing.TB, bundle *duban.Bundle) xlsx.PlanBook {
	snap := &duban.Snapshot{Plan: bundle.Plan, Nodes: bundle.Nodes, Indicators: bundle.Indicators}
	ps, err := tracker.Evaluate(snap, asOf)
	if err != nil {
		b.Fatal(err)
	}
	return xlsx.PlanBook{Bundle: bundle, Rows: ps.NodeRows(), AsOf: asOf}
}

// BenchmarkWritePlan measures writing the plan workbook (no database).
func BenchmarkWritePlan(b *testing.B) {
	for _, c := range []struct {
		name   string
		bundle func(testing.TB) *duban.Bundle
	}{{"demo", func(tb testing.TB) *duban.Bundle { return newFixture(tb).bundle }},
		{"10k", func(testing.TB) *duban.Bundle { return bigPlan(10000) }}} {
		b.Run(c.name, func(b *testing.B) {
			pb := planBook(b, c.bundle(b))
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := xlsx.WritePlan(&buf, pb); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(len(pb.Bundle.Nodes)), "nodes")
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}

// BenchmarkImportPlan measures importing an exported plan workbook from a
// SQLite store: a dry run (read, merge, validate, diff) and an import that
// changes one cell and re-imports the plan in one transaction.
func BenchmarkImportPlan(b *testing.B) {
	for _, c := range []struct {
		name string
		fx   func(testing.TB) *fixture
	}{{"demo", func(tb testing.TB) *fixture { return newFixture(tb) }}, {"10k", bigFixture}} {
		b.Run(c.name+"/dry-run", func(b *testing.B) {
			fx := c.fx(b)
			_, data := fx.export(b)
			for b.Loop() {
				res, err := fx.svc.ImportPlan(context.Background(), bytes.NewReader(data), true, "bench")
				if err != nil || !res.Empty() {
					b.Fatal(err, res)
				}
			}
		})
		b.Run(c.name+"/one-edit", func(b *testing.B) {
			fx := c.fx(b)
			f, original := fx.export(b)
			last := fx.bundle.Nodes[len(fx.bundle.Nodes)-1]
			if err := f.SetCellValue(xlsx.SheetPlan, fmt.Sprintf("C%d", len(fx.bundle.Nodes)+1), last.Title+" 已修改"); err != nil {
				b.Fatal(err)
			}
			books := [][]byte{saveBook(b, f), original} // alternate, so every import changes one node
			for i := 0; b.Loop(); i++ {
				res, err := fx.svc.ImportPlan(context.Background(), bytes.NewReader(books[i%2]), false, "bench")
				if err != nil || len(res.Changed) != 1 {
					b.Fatal(err, res)
				}
			}
		})
	}
}

func bigFixture(tb testing.TB) *fixture {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(tb.TempDir(), "big.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return asOf.Time() }
	id, err := db.ImportBundle(ctx, bigPlan(10000), "bench")
	if err != nil {
		tb.Fatal(err)
	}
	stored, err := db.ExportBundle(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	return &fixture{db: db, svc: xlsx.Services{Plans: db, Reports: db, Tracker: tracker.NewService(db)}, planID: id, bundle: stored}
}
