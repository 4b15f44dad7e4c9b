package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// maxOutline is the deepest row grouping a spreadsheet supports.
const maxOutline = 7

// writeNodeSheet streams rows under the plan header with a frozen header,
// an auto filter, row groups by depth, and drop-down lists for the lead
// unit, the comparator and the status. Everything that is not a row must
// be set before the stream starts: the stream writer copies it then.
func writeNodeSheet(f *excelize.File, st *styles, sheet string, rows []nodeRow, units int) error {
	last := len(rows) + 1
	ref := fmt.Sprintf("A1:%s%d", column(len(planHeaders)-1), last)
	if err := f.AutoFilter(sheet, ref, nil); err != nil {
		return err
	}
	// After AutoFilter, which replaces the sheet properties: a group's
	// summary row (the parent) sits above its children.
	// FitToPage belongs here for the same reason (printSetup sets the rest).
	below, fit := false, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{OutlineSummaryBelow: &below, FitToPage: &fit}); err != nil {
		return err
	}
	if err := addDropDowns(f, sheet, last, units); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := startSheet(sw, st, planHeaders, planWidths); err != nil {
		return err
	}
	for i, r := range rows {
		cells := styledCells(st, r.cells)
		opts := excelize.RowOpts{OutlineLevel: min(r.depth, maxOutline)}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), cells, opts); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// startSheet sets widths, freezes the header row and writes it.
func startSheet(sw *excelize.StreamWriter, st *styles, headers []string, widths []float64) error {
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	if err != nil {
		return err
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return sw.SetRow("A1", head, excelize.RowOpts{Height: 24})
}

func styledCells(st *styles, values []any) []any {
	out := make([]any, len(values))
	for i, v := range values {
		style := st.text
		switch x := v.(type) {
		case status.Status:
			style, v = st.status[x], StatusText(x)
			if x == "" {
				style, v = st.text, nil
			}
		case float64:
			style = st.number
			if planHeaders[i] == colExpected || planHeaders[i] == colProgress {
				style = st.percent
			}
		case interface{ IsZero() bool }:
			style = st.date
		}
		out[i] = excelize.Cell{StyleID: style, Value: SafeValue(v)}
	}
	return out
}

func addDropDowns(f *excelize.File, sheet string, last, units int) error {
	lists := []struct {
		header string
		source string
	}{
		{colLead, listRef(0, units)},
		{colComparator, listRef(1, len(comparatorWords))},
		{colStatus, listRef(2, len(statusWords))},
	}
	for _, l := range lists {
		col := column(indexOf(planHeaders, l.header))
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, max(last, 2))
		dv.SetSqrefDropList(l.source)
		dv.SetError(excelize.DataValidationErrorStyleStop, l.header, "请从下拉列表中选择 (pick from the list)")
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

func listRef(col, n int) string {
	c := column(col)
	return fmt.Sprintf("'%s'!$%s$1:$%s$%d", sheetLists, c, c, max(n, 1))
}

// writeLists fills the hidden sheet the drop-down lists point at: units,
// comparators and statuses, one list per column.
func writeLists(f *excelize.File, nm *names) error {
	if _, err := f.NewSheet(sheetLists); err != nil {
		return err
	}
	var statuses []string
	for _, s := range status.Statuses {
		statuses = append(statuses, StatusText(s))
	}
	var comparators []string
	for _, c := range []string{">=", "<=", "=", "~"} {
		comparators = append(comparators, comparatorWords[duban.Comparator(c)])
	}
	for col, list := range [][]string{nm.unitList, comparators, statuses} {
		for i, v := range list {
			if err := f.SetCellValue(sheetLists, fmt.Sprintf("%s%d", column(col), i+1), SafeText(v)); err != nil {
				return err
			}
		}
	}
	return f.SetSheetVisible(sheetLists, false)
}

// area is the subtree of one area node, for its own sheet.
type area struct {
	name string
	rows []nodeRow
}

func areaSheets(rows []nodeRow) []area {
	var out []area
	index := map[string]int{}
	used := map[string]bool{SheetPlan: true, SheetHistory: true, SheetInfo: true, sheetLists: true}
	for _, r := range rows {
		if r.area == "" {
			continue
		}
		i, ok := index[r.area]
		if !ok {
			i = len(out)
			index[r.area] = i
			out = append(out, area{name: sheetName(r.cells[2].(string), r.code, used)})
		}
		out[i].rows = append(out[i].rows, r)
	}
	return out
}

// sheetName makes a valid, unique sheet name of at most 31 characters.
func sheetName(title, code string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '_'
		}
		return r
	}, title)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if name == "" || used[name] {
		name = code
	}
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d", code, i)
	}
	used[name] = true
	return name
}
