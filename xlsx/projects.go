package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/status"
)

// Sheets of the project ledger workbook (重大项目台账).
const (
	SheetLedger     = "台账"
	SheetSteps      = "节点"
	SheetLedgerNote = "说明"
)

var (
	ledgerHeaders = []string{"编号", "项目名称", "领域", "牵头单位", "责任领导", "推进机制", "阶段", "总投资（万元）", "年度计划投资（万元）",
		"年度完成投资（万元）", "投资完成率", "序时进度", "计划开工", "实际开工", "计划竣工/投产", "实际竣工/投产", "状态", "原因", "未解决问题", "年底预测（万元）", "模拟数据"}
	ledgerWidths = []float64{12, 30, 18, 14, 10, 14, 8, 14, 14, 14, 10, 10, 12, 12, 14, 14, 12, 60, 10, 14, 8}
	stepHeaders  = []string{"编号", "项目名称", "类型", "节点", "计划日期", "完成日期", "逾期天数"}
	stepWidths   = []float64{12, 30, 10, 12, 12, 12, 10}
)

// LedgerNames turns codes into the names a workbook shows.
type LedgerNames struct {
	Units, People, Mechanisms map[string]string
}

func (n LedgerNames) of(m map[string]string, code string) string {
	if v, ok := m[code]; ok && v != "" {
		return v
	}
	return code
}

// WriteLedger writes the project ledger as a workbook: 台账 (one row per
// project, the light coloured and worded, reasons in words), 节点 (one row
// per dated step, the sheet ImportStepDates reads back) and 说明 (the plan,
// the day, the counts and the checks).
func WriteLedger(w io.Writer, planCode string, l *projects.Ledger, names LedgerNames) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetLedger); err != nil {
		return err
	}
	if err := writeRows(f, st, SheetLedger, ledgerHeaders, ledgerWidths, ledgerCells(l, names)); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetSteps); err != nil {
		return err
	}
	if err := writeRows(f, st, SheetSteps, stepHeaders, stepWidths, stepCells(l)); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetLedgerNote); err != nil {
		return err
	}
	if err := writeRows(f, st, SheetLedgerNote, []string{"项目", "内容"}, []float64{20, 90}, noteCells(planCode, l)); err != nil {
		return err
	}
	return f.Write(w)
}

func writeRows(f *excelize.File, st *styles, sheet string, headers []string, widths []float64, rows [][]any) error {
	if len(rows) > 0 {
		if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", column(len(headers)-1), len(rows)+1), nil); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := startSheet(sw, st, headers, widths); err != nil {
		return err
	}
	for i, r := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), ledgerStyled(st, r)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// percent marks a share to be formatted as a percentage.
type percent float64

func ledgerStyled(st *styles, values []any) []any {
	out := make([]any, len(values))
	for i, v := range values {
		style := st.text
		switch x := v.(type) {
		case status.Status:
			style, v = st.status[x], StatusText(x)
		case percent:
			style, v = st.percent, float64(x)
		case float64, int:
			style = st.number
		case duban.Date:
			if x.IsZero() {
				v = nil
			} else {
				style, v = st.date, x.Time()
			}
		}
		out[i] = excelize.Cell{StyleID: style, Value: v}
	}
	return out
}

func ledgerCells(l *projects.Ledger, names LedgerNames) [][]any {
	rows := make([][]any, 0, len(l.Rows))
	for _, r := range l.Rows {
		var done, fc any
		if r.Completed != nil {
			done = *r.Completed
		}
		if r.Forecast != nil {
			fc = r.Forecast.Value
		}
		var reasons []string
		for _, f := range r.Findings {
			reasons = append(reasons, f.ZH)
		}
		sim := ""
		if r.Simulated {
			sim = "是"
		}
		rows = append(rows, []any{r.Code, r.Title, r.AreaTitle, names.of(names.Units, r.LeadUnit), names.of(names.People, r.Leader),
			names.of(names.Mechanisms, r.Mechanism), r.StageLabel, r.Total, r.YearPlan, done, percent(r.Rate), percent(r.Expected),
			r.StartPlanned, r.StartActual, r.EndPlanned, r.EndActual, r.Status, strings.Join(reasons, "；"), r.OpenProblems, fc, sim})
	}
	return rows
}

func stepCells(l *projects.Ledger) [][]any {
	var rows [][]any
	for _, r := range l.Rows {
		for _, s := range r.Steps {
			kind := "前期手续"
			if s.Kind == duban.StepStage {
				kind = "阶段"
			}
			var late any
			if s.LateDays > 0 {
				late = s.LateDays
			}
			rows = append(rows, []any{r.Code, r.Title, kind, s.Label, s.Planned, s.Actual, late})
		}
	}
	return rows
}

func noteCells(planCode string, l *projects.Ledger) [][]any {
	c := l.Counts
	rows := [][]any{
		{"计划编号", planCode},
		{"状态截至", l.AsOf.String()},
		{"项目总数", fmt.Sprintf("%d 个（其中模拟数据 %d 个）", c.Total, c.Simulated)},
		{"已开工", fmt.Sprintf("%d 个；未开工 %d 个", c.Started, c.NotStarted)},
		{"红灯（滞后、逾期）", fmt.Sprintf("%d 个；黄灯 %d 个", c.Behind, c.Warning)},
		{"年度投资", fmt.Sprintf("计划 %.0f 万元，完成 %.0f 万元，完成率 %.1f%%，序时进度 %.1f%%", c.YearPlan, c.Completed, c.Rate*100, c.Expected*100)},
		{"年底预测方法", l.Method},
		{"导入", "只读「节点」表：按编号、类型、节点匹配，导入计划日期与前期手续的完成日期；阶段的完成日期来自审核通过的填报，不导入；空单元格不改动；其余列由系统计算，导入时不读取。"},
	}
	for _, ch := range l.Checks {
		mark := "✓ "
		if !ch.OK {
			mark = "✗ "
		}
		rows = append(rows, []any{"核对", mark + ch.ZH})
	}
	return rows
}

// StepDates are the step dates of one project read from a workbook.
type StepDates struct {
	NodeCode string
	Steps    []duban.ProjectStepInput
}

// ReadStepDates reads the 节点 sheet of a ledger workbook: per project (by
// 编号) each step's planned and completion dates; an empty cell leaves its
// date as it is.
// Every bad cell is reported with its row and column, and nothing is
// returned then.
func ReadStepDates(r io.Reader) ([]StepDates, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, duban.Invalid("不是有效的 Excel 工作簿 (not a valid workbook)", duban.FieldError{Field: "file", Message: err.Error()})
	}
	defer f.Close()
	all, err := f.GetRows(SheetSteps, excelize.Options{RawCellValue: true})
	if err != nil || len(all) == 0 {
		return nil, duban.Invalid("工作簿缺少「节点」表 (no 节点 sheet)", duban.FieldError{Field: SheetSteps, Message: "缺少 (missing)"})
	}
	col := map[string]int{}
	for i, h := range all[0] {
		col[h] = i
	}
	for _, h := range []string{"编号", "类型", "节点", "计划日期", "完成日期"} {
		if _, ok := col[h]; !ok {
			return nil, duban.Invalid("「节点」表缺少列 (missing column)", duban.FieldError{Field: h, Message: "缺少此列 (missing)", Row: 1})
		}
	}
	var out []StepDates
	var errs []duban.FieldError
	at := map[string]int{}
	for i, row := range all[1:] {
		cell := func(h string) string {
			if c := col[h]; c < len(row) {
				return strings.TrimSpace(row[c])
			}
			return ""
		}
		code := cell("编号")
		if code == "" {
			continue
		}
		in, fes := stepInput(cell, i+2)
		errs = append(errs, fes...)
		k, ok := at[code]
		if !ok {
			k, at[code] = len(out), len(out)
			out = append(out, StepDates{NodeCode: code})
		}
		out[k].Steps = append(out[k].Steps, in)
	}
	if len(errs) > 0 {
		return nil, duban.Invalid("「节点」表有误 (bad cells)", errs...)
	}
	return out, nil
}

func stepInput(cell func(string) string, row int) (duban.ProjectStepInput, []duban.FieldError) {
	var errs []duban.FieldError
	in := duban.ProjectStepInput{Kind: duban.StepPrep, Name: cell("节点")}
	switch cell("类型") {
	case "阶段":
		in.Kind = duban.StepStage
		st, ok := duban.StageOfWord(in.Name)
		if !ok {
			errs = append(errs, duban.FieldError{Field: "节点", Row: row, Message: "未知阶段 (unknown stage)"})
		}
		in.Name = string(st)
	case "前期手续":
	default:
		errs = append(errs, duban.FieldError{Field: "类型", Row: row, Message: "须为 阶段 或 前期手续"})
	}
	for _, d := range []struct {
		h   string
		dst **duban.Date
	}{{"计划日期", &in.Planned}, {"完成日期", &in.Actual}} {
		v := cell(d.h)
		if v == "" || (in.Kind == duban.StepStage && d.h == "完成日期") {
			continue
		}
		day, ok := parseCellDate(v)
		if !ok {
			errs = append(errs, duban.FieldError{Field: d.h, Row: row, Message: "不是有效日期 (not a valid date)"})
			continue
		}
		*d.dst = &day
	}
	return in, errs
}
