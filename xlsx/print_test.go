package xlsx_test

import (
	"testing"

	"github.com/duban-dev/duban/xlsx"
)

// The plan workbook's node sheets print on A4 landscape, one page wide,
// with the header row repeated on every page.
func TestExportPrintSettings(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		if sheet == xlsx.SheetHistory || sheet == xlsx.SheetInfo || titles[sheet] == "" && sheet != xlsx.SheetPlan {
			continue
		}
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want A4 landscape one page wide", sheet, pl)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page not set (%v)", sheet, err)
		}
		if want := "'" + sheet + "'!$1:$1"; titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
	}
	if titles[xlsx.SheetPlan] == "" {
		t.Error("the 计划 sheet has no print titles")
	}
}
