package xlsx

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

const paperA4 = 9 // the OOXML paper size code of A4

// printSetup must run before the sheet's stream writer is made: the
// stream writer copies the sheet's page setup when it starts.
// printSetup makes a node sheet (writeNodeSheet sets FitToPage) print on A4 landscape, as wide as one page
// (as many pages tall as it needs), with its header row on every page.
func printSetup(f *excelize.File, sheet string, headerRows int) error {
	size, landscape, wide, tall := paperA4, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: "'" + sheet + "'!$1:$" + strconv.Itoa(headerRows)})
}
