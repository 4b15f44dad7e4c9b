package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/xlsx"
)

// rowOf finds the sheet row of a node code on the plan sheet.
func rowOf(t *testing.T, fx *fixture, code string) int {
	t.Helper()
	for i, n := range fx.bundle.Nodes {
		if n.Code == code {
			return i + 2
		}
	}
	t.Fatalf("no node %s", code)
	return 0
}

// firstWith returns the first node matching ok.
func firstWith(t *testing.T, fx *fixture, ok func(duban.Node) bool) duban.Node {
	t.Helper()
	for _, n := range fx.bundle.Nodes {
		if ok(n) {
			return n
		}
	}
	t.Fatal("no such node in the demo plan")
	return duban.Node{}
}

func TestImportRoundTripChangesNothing(t *testing.T) {
	forEachEngine(t, testImportRoundTrip)
}

func testImportRoundTrip(t *testing.T, fx *fixture) {
	_, data := fx.export(t)
	res, err := fx.svc.ImportPlan(context.Background(), bytes.NewReader(data), true, "test")
	if err != nil {
		t.Fatalf("ImportPlan: %v", err)
	}
	if !res.DryRun || len(res.Added) != 0 || len(res.Changed) != 0 || res.Unchanged != len(fx.bundle.Nodes) {
		t.Fatalf("round trip: added %v, changed %+v, unchanged %d of %d", res.Added, res.Changed, res.Unchanged, len(fx.bundle.Nodes))
	}
}

func TestImportEditedCells(t *testing.T) {
	withTarget := func(n duban.Node) bool { return n.Kind == duban.KindItem && n.LeadUnit != "" }
	cases := []struct {
		name   string
		edit   func(t *testing.T, fx *fixture, set func(cell string, v any)) string // returns the node code
		fields []string
		check  func(t *testing.T, b *duban.Bundle, code string)
	}{
		{"deadline", func(t *testing.T, fx *fixture, set func(string, any)) string {
			n := firstWith(t, fx, withTarget)
			set(fmt.Sprintf("J%d", rowOf(t, fx, n.Code)), "2021/11/30")
			return n.Code
		}, []string{"完成时限"}, func(t *testing.T, b *duban.Bundle, code string) {
			if n := node(b, code); n.Deadline != duban.MustDate("2021-11-30") {
				t.Errorf("deadline = %s", n.Deadline)
			}
		}},
		{"target", func(t *testing.T, fx *fixture, set func(string, any)) string {
			n := firstWith(t, fx, func(n duban.Node) bool { return withTarget(n) && hasTarget(fx.bundle, n.Code) })
			set(fmt.Sprintf("G%d", rowOf(t, fx, n.Code)), 999.5)
			return n.Code
		}, []string{"目标值"}, func(t *testing.T, b *duban.Bundle, code string) {
			for _, in := range b.Indicators {
				if in.NodeCode == code {
					if in.Target == nil || *in.Target != 999.5 {
						t.Errorf("target = %v", in.Target)
					}
					return
				}
			}
		}},
		{"lead unit by short name", func(t *testing.T, fx *fixture, set func(string, any)) string {
			n := firstWith(t, fx, func(n duban.Node) bool { return withTarget(n) && n.LeadUnit != "tjj" })
			set(fmt.Sprintf("D%d", rowOf(t, fx, n.Code)), "区统计局")
			return n.Code
		}, []string{"牵头单位"}, func(t *testing.T, b *duban.Bundle, code string) {
			if n := node(b, code); n.LeadUnit != "tjj" {
				t.Errorf("lead unit = %s", n.LeadUnit)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			forEachEngine(t, func(t *testing.T, fx *fixture) {
				f, _ := fx.export(t)
				code := tc.edit(t, fx, func(cell string, v any) {
					if err := f.SetCellValue(xlsx.SheetPlan, cell, v); err != nil {
						t.Fatal(err)
					}
				})
				data := saveBook(t, f)
				ctx := context.Background()
				dry, err := fx.svc.ImportPlan(ctx, bytes.NewReader(data), true, "test")
				if err != nil {
					t.Fatalf("dry run: %v", err)
				}
				want := []xlsx.NodeChange{{Code: code, Title: node(fx.bundle, code).Title, Fields: tc.fields}}
				if len(dry.Added) != 0 || !slices.EqualFunc(dry.Changed, want, sameChange) || dry.Unchanged != len(fx.bundle.Nodes)-1 {
					t.Fatalf("dry run: added %v changed %+v unchanged %d; want only %+v", dry.Added, dry.Changed, dry.Unchanged, want)
				}
				if b, _ := fx.db.ExportBundle(ctx, fx.planID); !slices.EqualFunc(b.Nodes, fx.bundle.Nodes, sameNode) {
					t.Fatal("the dry run wrote to the database")
				}
				if _, err := fx.svc.ImportPlan(ctx, bytes.NewReader(data), false, "test"); err != nil {
					t.Fatalf("import: %v", err)
				}
				b, err := fx.db.ExportBundle(ctx, fx.planID)
				if err != nil {
					t.Fatal(err)
				}
				tc.check(t, b, code)
				again, err := fx.svc.ImportPlan(ctx, bytes.NewReader(data), true, "test")
				if err != nil || !again.Empty() {
					t.Fatalf("importing the same workbook again: %+v, %v; want no changes", again, err)
				}
			})
		})
	}
}

func TestImportAddsNodeUnderParent(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	area := firstWith(t, fx, func(n duban.Node) bool { return n.Kind == duban.KindArea })
	row := rowOf(t, fx, area.Code) + 1
	if err := f.InsertRows(xlsx.SheetPlan, row, 1); err != nil {
		t.Fatal(err)
	}
	depth := depthOf(fx.bundle, area.Code) + 2
	vals := []any{"NEW-1", depth, "新增一项任务", "区统计局", "", "", 30, "个", "不低于", "2021-10-31"}
	if err := f.SetSheetRow(xlsx.SheetPlan, fmt.Sprintf("A%d", row), &vals); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := fx.svc.ImportPlan(ctx, bytes.NewReader(saveBook(t, f)), false, "test")
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if !slices.Equal(res.Added, []string{"NEW-1"}) || len(res.Changed) != 0 {
		t.Fatalf("added %v changed %+v", res.Added, res.Changed)
	}
	b, _ := fx.db.ExportBundle(ctx, fx.planID)
	n := node(b, "NEW-1")
	if n.ParentCode != area.Code || n.Kind != duban.KindItem || n.LeadUnit != "tjj" || n.Deadline != duban.MustDate("2021-10-31") {
		t.Fatalf("new node = %+v", n)
	}
	if !hasTarget(b, "NEW-1") {
		t.Error("the new node has no indicator")
	}
}

func TestImportBadCellsReportedAndNothingWritten(t *testing.T) {
	forEachEngine(t, testImportBadCells)
}

func testImportBadCells(t *testing.T, fx *fixture) {
	f, _ := fx.export(t)
	item := firstWith(t, fx, func(n duban.Node) bool { return n.Kind == duban.KindItem })
	row := rowOf(t, fx, item.Code)
	set := func(cell string, v any) {
		if err := f.SetCellValue(xlsx.SheetPlan, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set(fmt.Sprintf("J%d", row), "2021-13-45")
	set(fmt.Sprintf("D%d", row+1), "不存在的单位")
	set(fmt.Sprintf("C%d", row+2), "")
	ctx := context.Background()
	before := counts(t, fx)
	_, err := fx.svc.ImportPlan(ctx, bytes.NewReader(saveBook(t, f)), false, "test")
	if duban.ErrorCode(err) != duban.EINVALID {
		t.Fatalf("err = %v, want invalid", err)
	}
	lines := xlsx.Lines(err)
	want := []string{
		fmt.Sprintf("第%d行 完成时限: 不是有效日期 (not a valid date)", row),
		fmt.Sprintf("第%d行 牵头单位: 单位 \"不存在的单位\" 不存在 (unknown unit)", row+1),
		fmt.Sprintf("第%d行 名称: 必填 (required)", row+2),
	}
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("errors %q lack %q", lines, w)
		}
	}
	if after := counts(t, fx); after != before {
		t.Errorf("row counts changed: %v → %v", before, after)
	}
}

// counts reads the row counts an import could change.
func counts(t *testing.T, fx *fixture) [3]int {
	t.Helper()
	b, err := fx.db.ExportBundle(context.Background(), fx.planID)
	if err != nil {
		t.Fatal(err)
	}
	_, n, err := fx.db.ListAuditEntries(context.Background(), duban.AuditFilter{Page: duban.Page{PerPage: 1}.Normalize()})
	if err != nil {
		t.Fatal(err)
	}
	return [3]int{len(b.Nodes), len(b.Indicators), n}
}

func node(b *duban.Bundle, code string) duban.Node {
	for _, n := range b.Nodes {
		if n.Code == code {
			return n
		}
	}
	return duban.Node{}
}

func hasTarget(b *duban.Bundle, code string) bool {
	for _, in := range b.Indicators {
		if in.NodeCode == code && in.Target != nil {
			return true
		}
	}
	return false
}

func depthOf(b *duban.Bundle, code string) int {
	d := 0
	for n := node(b, code); n.ParentCode != ""; n = node(b, n.ParentCode) {
		d++
	}
	return d
}

func sameChange(a, b xlsx.NodeChange) bool {
	return a.Code == b.Code && a.Title == b.Title && slices.Equal(a.Fields, b.Fields)
}

func sameNode(a, b duban.Node) bool {
	return a.Code == b.Code && a.ParentCode == b.ParentCode && a.Title == b.Title && a.Deadline == b.Deadline &&
		a.LeadUnit == b.LeadUnit
}

// racingPlans stores a change to the plan right after each ExportBundle,
// as another administrator's import landing between the workbook import's
// read of the plan and its write would.
type racingPlans struct {
	*store.DB
	t *testing.T
}

func (r racingPlans) ExportBundle(ctx context.Context, planID int64) (*duban.Bundle, error) {
	read, err := r.DB.ExportBundle(ctx, planID)
	if err != nil {
		return nil, err
	}
	other, err := r.DB.ExportBundle(ctx, planID)
	if err != nil {
		return nil, err
	}
	other.Plan.Title = "并发修改后的标题"
	r.DB.Now = func() time.Time { return time.Now().Add(time.Second) }
	if _, err := r.DB.ImportBundle(ctx, other, "other-admin"); err != nil {
		r.t.Fatalf("the concurrent change: %v", err)
	}
	return read, nil
}

func TestImportRefusesWhenThePlanChangedMeanwhile(t *testing.T) {
	forEachEngine(t, func(t *testing.T, fx *fixture) {
		f, _ := fx.export(t)
		n := firstWith(t, fx, func(n duban.Node) bool { return n.Kind == duban.KindItem && n.LeadUnit != "" })
		if err := f.SetCellValue(xlsx.SheetPlan, fmt.Sprintf("J%d", rowOf(t, fx, n.Code)), "2021/11/30"); err != nil {
			t.Fatal(err)
		}
		svc := fx.svc
		svc.Plans = racingPlans{fx.db, t}
		_, err := svc.ImportPlan(context.Background(), bytes.NewReader(saveBook(t, f)), false, "test")
		if duban.ErrorCode(err) != duban.ECONFLICT {
			t.Fatalf("import over a concurrent change: %v, want ECONFLICT", err)
		}
		b, err := fx.db.ExportBundle(context.Background(), fx.planID)
		if err != nil {
			t.Fatal(err)
		}
		if b.Plan.Title != "并发修改后的标题" || node(b, n.Code).Deadline == duban.MustDate("2021-11-30") {
			t.Fatalf("title %q, deadline %s: the concurrent change must stay and the workbook's must not land",
				b.Plan.Title, node(b, n.Code).Deadline)
		}
	})
}

// A workbook exported before another change to the plan holds the old
// values in its untouched cells; importing it would undo that change.
func TestImportRefusesAWorkbookOlderThanThePlan(t *testing.T) {
	forEachEngine(t, func(t *testing.T, fx *fixture) {
		ctx := context.Background()
		_, data := fx.export(t)
		other, err := fx.db.ExportBundle(ctx, fx.planID)
		if err != nil {
			t.Fatal(err)
		}
		other.Plan.Title = "导出之后改过的标题"
		fx.db.Now = func() time.Time { return time.Now().Add(time.Second) }
		if _, err := fx.db.ImportBundle(ctx, other, "other-admin"); err != nil {
			t.Fatal(err)
		}
		for _, dryRun := range []bool{true, false} {
			_, err := fx.svc.ImportPlan(ctx, bytes.NewReader(data), dryRun, "test")
			if duban.ErrorCode(err) != duban.ECONFLICT || !strings.Contains(duban.ErrorMessage(err), "重新导出") {
				t.Fatalf("dry run %v: %v, want ECONFLICT asking for a new export", dryRun, err)
			}
		}
		_, fresh := fx.export(t)
		if _, err := fx.svc.ImportPlan(ctx, bytes.NewReader(fresh), true, "test"); err != nil {
			t.Fatalf("a workbook exported after the change: %v", err)
		}
	})
}
