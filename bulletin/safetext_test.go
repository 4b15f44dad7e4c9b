package bulletin_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/rank"
)

// TestRankingXLSXNeutralisesFormulas: a unit name that starts like a
// formula is written as text with an apostrophe; a negative score stays a
// number.
func TestRankingXLSXNeutralisesFormulas(t *testing.T) {
	b := rank.Board{Rows: []rank.Row{
		{Rank: 1, Unit: "a", Name: `=HYPERLINK("http://evil.example","x")`, Score: 90},
		{Rank: 2, Unit: "b", Name: "@cmd", Score: -3.5},
	}}
	var buf bytes.Buffer
	if err := bulletin.RankingXLSX(&buf, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if name := row[1]; !strings.HasPrefix(name, "'") {
			t.Errorf("unit name %q is not neutralised", name)
		}
	}
	if typ, _ := f.GetCellType(f.GetSheetList()[0], "I3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("a negative score is text: %v", rows[2][8])
	}
}
