package xlsx

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
)

// sheetRow is one filled row of the plan sheet as read.
type sheetRow struct {
	row         int // 1-based sheet row
	code        string
	depth       int // 1 for a root
	title       string
	lead        string
	co          []string
	leader      string
	target      *float64
	unit        string
	comparator  duban.Comparator
	deadline    duban.Date
	description string
}

// cells reads one sheet row by header.
type cells struct {
	values []string
	cols   map[string]int
}

func (c cells) get(header string) string {
	i, ok := c.cols[header]
	if !ok || i >= len(c.values) {
		return ""
	}
	return strings.TrimSpace(unquote(c.values[i]))
}

func (c cells) blank() bool {
	for _, v := range c.values {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// readPlanSheet reads every row of the plan sheet, collecting every bad
// cell rather than stopping at the first.
func readPlanSheet(f *excelize.File, nm *names) ([]sheetRow, []duban.FieldError) {
	all, err := f.GetRows(SheetPlan, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, []duban.FieldError{{Field: SheetPlan, Message: "缺少「计划」表 (no 计划 sheet)"}}
	}
	if len(all) == 0 {
		return nil, []duban.FieldError{{Row: 1, Field: colCode, Message: "缺少表头 (no header row)"}}
	}
	cols := map[string]int{}
	for i, h := range all[0] {
		cols[strings.TrimSpace(h)] = i
	}
	var errs []duban.FieldError
	for _, h := range []string{colCode, colTitle} {
		if _, ok := cols[h]; !ok {
			errs = append(errs, cellError(1, h, "缺少此列 (missing column)"))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var rows []sheetRow
	for i, values := range all[1:] {
		c := cells{values: values, cols: cols}
		if c.blank() {
			continue
		}
		r, rowErrs := readRow(f, c, i+2, nm)
		rows, errs = append(rows, r), append(errs, rowErrs...)
	}
	return rows, errs
}

func readRow(f *excelize.File, c cells, row int, nm *names) (sheetRow, []duban.FieldError) {
	r := sheetRow{row: row, code: c.get(colCode), title: c.get(colTitle), unit: c.get(colUnit),
		description: c.get(colNote)}
	var errs []duban.FieldError
	bad := func(h, format string, args ...any) { errs = append(errs, cellError(row, h, format, args...)) }
	if r.code == "" {
		bad(colCode, "必填 (required)")
	}
	r.depth = readDepth(f, c, row, bad)
	r.lead = lookupOne(nm.unitCode, c.get(colLead), colLead, "单位", bad)
	for _, name := range splitList(c.get(colCo)) {
		if code := lookupOne(nm.unitCode, name, colCo, "单位", bad); code != "" {
			r.co = append(r.co, code)
		}
	}
	r.leader = lookupOne(nm.personCode, c.get(colLeader), colLeader, "人员", bad)
	if s := c.get(colTarget); s != "" {
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
		if err != nil {
			bad(colTarget, "不是数字 (not a number)")
		} else {
			r.target = &v
		}
	}
	if s := c.get(colComparator); s != "" {
		var ok bool
		if r.comparator, ok = parseComparator(s); !ok {
			bad(colComparator, "应为 不低于、不高于、等于 或 左右 (want >=, <=, = or ~)")
		}
	}
	if s := c.get(colDeadline); s != "" {
		d, ok := parseCellDate(s)
		if !ok {
			bad(colDeadline, "不是有效日期 (not a valid date)")
		}
		r.deadline = d
	}
	return r, errs
}

func readDepth(f *excelize.File, c cells, row int, bad func(string, string, ...any)) int {
	s := c.get(colLevel)
	if s == "" {
		lvl, err := f.GetRowOutlineLevel(SheetPlan, row)
		if err != nil {
			bad(colLevel, "无法读取分组级别 (cannot read the row's outline level)")
		}
		return int(lvl) + 1
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 {
		bad(colLevel, "应为从 1 起的整数 (want a whole number from 1)")
		return 0
	}
	return d
}

// lookupOne maps a name or code to a code; "" for an empty cell.
func lookupOne(m map[string]string, s, header, what string, bad func(string, string, ...any)) string {
	if s == "" {
		return ""
	}
	code, ok := m[s]
	switch {
	case !ok:
		bad(header, "%s %q 不存在 (unknown %s)", what, s, englishWhat[what])
	case code == "":
		bad(header, "%s名称 %q 不唯一，请填写编号 (ambiguous name; write the code)", what, s)
	}
	return code
}

var englishWhat = map[string]string{"单位": "unit", "人员": "person"}

// parseCellDate reads a date cell: a spreadsheet date serial, or text as
// 2021-06-30, 2021/6/30, 2021.6.30 or 2021年6月30日.
func parseCellDate(s string) (duban.Date, bool) {
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		if serial < 1 || serial > 2958465 {
			return duban.Date{}, false
		}
		t, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			return duban.Date{}, false
		}
		return duban.DateOf(t), true
	}
	for _, layout := range []string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			return duban.DateOf(t), true
		}
	}
	return duban.Date{}, false
}
