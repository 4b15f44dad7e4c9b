package bulletin

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/xlsx"
)

// XLSX writes the bulletin's tables as a workbook: an overview sheet, then
// one sheet per table (areas, red, overdue and unreported items, late
// notices, the ranking with its explanations, and the changes). Numbers are
// written as numbers, percentages with a percent format.
func XLSX(w io.Writer, d *Data) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.overview(d)
	for _, t := range xlsxTables(d) {
		x.sheet(t)
	}
	if x.err != nil {
		return fmt.Errorf("bulletin: write xlsx: %w", x.err)
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// RankingXLSX writes a scoreboard alone as a one-sheet workbook.
func RankingXLSX(w io.Writer, b rank.Board) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.sheet(rankingTable(&Data{Ranking: b}))
	if x.err != nil {
		return fmt.Errorf("bulletin: write xlsx: %w", x.err)
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

func xlsxTables(d *Data) []table {
	ts := []table{areaTable(d), itemTable("滞后事项", d.Red), itemTable("逾期事项", d.Overdue),
		itemTable("未按时报送", d.Unreported), noticeTable(d), rankingTable(d)}
	if c := d.Changes; c != nil {
		ts = append(ts, movesTable(c), lightsTable(c))
	}
	if o := d.Outlook; o != nil {
		ts = append(ts, problemTable(o), riskTable(o))
	}
	return ts
}

type xlsxWriter struct {
	f          *excelize.File
	err        error
	head, pcts int
}

func (x *xlsxWriter) overview(d *Data) {
	const name = "概况"
	if _, x.err = x.f.NewSheet(name); x.err != nil {
		return
	}
	rows := [][]string{{d.Title()}, {"发文字号", d.Number}, {"发文机关", d.Issuer}, {"成文日期", ChineseDate(d.Issued)},
		{"通报期", d.PeriodLabel}, {"数据截至", d.AsOf.String()}, {"总体情况", d.Overview()}, {"计算方法", d.HowLine()}, {"督办落实", d.NoticeLine()},
		{"与上期相比", d.ChangesLine()}, {"排名规则", d.RankingIntro()}}
	for i, r := range rows {
		x.setRow(name, i+1, r)
	}
	x.set(func() error { return x.f.SetColWidth(name, "A", "A", 14) })
	x.set(func() error { return x.f.SetColWidth(name, "B", "B", 100) })
}

func (x *xlsxWriter) sheet(t table) {
	if x.err != nil {
		return
	}
	if _, x.err = x.f.NewSheet(t.Name); x.err != nil {
		return
	}
	if x.head == 0 {
		x.head, x.err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}})
		x.pcts, _ = x.f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	}
	x.setRow(t.Name, 1, t.Head)
	for i, r := range t.Rows {
		x.setRow(t.Name, i+2, r)
	}
	last, _ := excelize.ColumnNumberToName(len(t.Head))
	x.set(func() error { return x.f.SetCellStyle(t.Name, "A1", last+"1", x.head) })
	x.set(func() error {
		return x.f.SetPanes(t.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	})
	x.set(func() error { return x.f.SetColWidth(t.Name, "A", last, 14) })
	if len(t.Rows) > 0 {
		x.set(func() error { return x.f.AutoFilter(t.Name, "A1:"+last+strconv.Itoa(len(t.Rows)+1), nil) })
	}
}

// setRow writes cells, turning "12.5%" into 0.125 with a percent format and
// numbers (a negative score too) into numbers; text that starts like a
// formula is neutralised.
func (x *xlsxWriter) setRow(sheet string, row int, cells []string) {
	for i, c := range cells {
		if x.err != nil {
			return
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		var v any = xlsx.SafeText(c)
		if p, ok := strings.CutSuffix(c, "%"); ok {
			if f, err := strconv.ParseFloat(p, 64); err == nil {
				v = f / 100
				x.set(func() error { return x.f.SetCellStyle(sheet, cell, cell, x.pcts) })
			}
		} else if n, err := strconv.ParseFloat(c, 64); err == nil && row > 1 && !strings.Contains(strings.TrimPrefix(c, "-"), "-") {
			v = n
		}
		x.set(func() error { return x.f.SetCellValue(sheet, cell, v) })
	}
}

func (x *xlsxWriter) set(fn func() error) {
	if x.err == nil {
		x.err = fn()
	}
}
