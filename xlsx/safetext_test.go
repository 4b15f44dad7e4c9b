package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

// formulaLike reports a cell a spreadsheet could take for a formula.
func formulaLike(s string) bool { return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) }

// TestExportNeutralisesFormulas puts formula-like text in a title (via the
// workbook import) and in a report's note, exports, and expects every such
// cell to start with an apostrophe; importing the export back changes
// nothing, so the apostrophe does not creep into the plan.
func TestExportNeutralisesFormulas(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	f, _ := fx.export(t)
	n := firstWith(t, fx, func(n duban.Node) bool { return n.Kind == duban.KindItem && n.LeadUnit != "" })
	title := `=HYPERLINK("http://evil.example","点此")`
	if err := f.SetCellValue(xlsx.SheetPlan, fmt.Sprintf("C%d", rowOf(t, fx, n.Code)), title); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.svc.ImportPlan(ctx, bytes.NewReader(saveBook(t, f)), false, "test"); err != nil {
		t.Fatalf("import: %v", err)
	}
	var ind duban.Indicator
	for _, in := range fx.bundle.Indicators {
		if in.NodeCode == n.Code && in.Kind != duban.MilestoneOnly {
			ind = in
		}
	}
	v := 1.0
	period := duban.PeriodOf(ind.Cadence, asOf).Prev().String()
	for _, note := range []string{"@SUM(A1:A9)", "+1+1", "-2+3", "\t=1", "\r=1"} {
		in := duban.ReportInput{IndicatorID: ind.ID, Period: period, Value: &v, Note: note}
		if _, err := fx.db.SubmitReports(ctx, fx.user(t, "admin"), []duban.ReportInput{in}, asOf); err != nil {
			t.Fatalf("submit %q: %v", note, err)
		}
	}
	fx.bundle, _ = fx.db.ExportBundle(ctx, fx.planID)
	out, data := fx.export(t)
	var found int
	for _, sh := range out.GetSheetList() {
		rows, _ := out.GetRows(sh, excelize.Options{RawCellValue: true})
		for _, row := range rows {
			for _, c := range row {
				if formulaLike(c) {
					t.Errorf("sheet %s: cell %q starts like a formula", sh, c)
				}
				if c == "'"+title || c == "'@SUM(A1:A9)" || c == "'\t=1" {
					found++
				}
			}
		}
	}
	if found < 3 {
		t.Errorf("found %d neutralised cells, want the title and the notes", found)
	}
	again, err := fx.svc.ImportPlan(ctx, bytes.NewReader(data), true, "test")
	if err != nil || !again.Empty() {
		t.Fatalf("importing the export back: %+v, %v; want no changes", again, err)
	}
	if b, _ := fx.db.ExportBundle(ctx, fx.planID); node(b, n.Code).Title != title {
		t.Errorf("title now %q", node(b, n.Code).Title)
	}
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"二七区": "二七区", "": "", "a=1": "a=1", "'=1": "'=1",
	} {
		if got := xlsx.SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}
