package xlsx_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban/xlsx"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sheetText renders a sheet as text: one line per row with its outline
// level and its cells as a spreadsheet shows them.
func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, r := range rows {
		lvl, err := f.GetRowOutlineLevel(sheet, i+1)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d\t%s\n", lvl, strings.Join(r, " | "))
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./xlsx -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; if the change is intended, rerun with -update\n%s", name, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\nwant: %s\ngot:  %s", i+1, a, b)
		}
	}
	return ""
}

func TestGoldenPlanSheet(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	checkGolden(t, "erqi-plan-sheet.txt", sheetText(t, f, xlsx.SheetPlan))
}

func TestGoldenReportTemplate(t *testing.T) {
	fx := newFixture(t)
	f := fx.template(t, "zjj", "2021-07")
	checkGolden(t, "zjj-2021-07-template.txt", sheetText(t, f, xlsx.SheetTemplate))
}
