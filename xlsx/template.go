package xlsx

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
)

// SheetTemplate is the report template's sheet.
const SheetTemplate = "填报"

// The template's columns. Those before colFill are locked.
const (
	colID         = "指标ID"
	colIndCode    = "指标编号"
	colItem       = "事项"
	colIndName    = "指标名称"
	colPeriod     = "报送期"
	colPrevious   = "上期审核值"
	colFill       = "本期值"
	colProgress2  = "进展说明"
	colInvestment = "完成投资（万元）"
	colStage      = "形象进度"
)

var templateHeaders = []string{colID, colIndCode, colItem, colIndName, colTarget, colUnit, colPeriod,
	colPrevious, colFill, colProgress2, colInvestment, colStage}

var templateWidths = []float64{8, 12, 30, 24, 10, 8, 10, 12, 12, 40, 14, 10}

// firstInput is the index of the first column a unit fills in.
var firstInput = indexOf(templateHeaders, colFill)

// templateRow is one indicator and period a unit is to report.
type templateRow struct {
	ind      duban.Indicator
	node     duban.Node
	period   string
	previous *float64
}

// ReportTemplate writes the report template of a unit for a month
// (YYYY-MM): one row per indicator the unit leads and period of its
// cadence ending in that month, across every plan.
func (s Services) ReportTemplate(ctx context.Context, w io.Writer, unitCode, month string) error {
	start, end, err := parseMonth(month)
	if err != nil {
		return err
	}
	unit, rows, err := s.templateRows(ctx, unitCode, start, end)
	if err != nil {
		return err
	}
	return writeTemplate(w, unit, month, rows)
}

func parseMonth(month string) (start, end duban.Date, err error) {
	t, perr := time.Parse("2006-01", month)
	if perr != nil || len(month) != 7 {
		return start, end, duban.Invalid("参数有误 (bad parameter)",
			duban.FieldError{Field: "period", Message: "应写作 YYYY-MM，如 2021-07 (want YYYY-MM)"})
	}
	start = duban.DateOf(t)
	return start, duban.EndOfMonth(start.Year(), start.Month()), nil
}

func (s Services) templateRows(ctx context.Context, unitCode string, start, end duban.Date) (*duban.Unit, []templateRow, error) {
	plans, _, err := s.Plans.ListPlans(ctx, duban.PlanFilter{Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		return nil, nil, err
	}
	var unit *duban.Unit
	var rows []templateRow
	for _, p := range plans {
		b, err := s.Plans.ExportBundle(ctx, p.ID)
		if err != nil {
			return nil, nil, err
		}
		for i := range b.Units {
			if b.Units[i].Code == unitCode {
				unit = &b.Units[i]
			}
		}
		snap, err := s.Reports.Snapshot(ctx, p.ID, end)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, dueRows(snap, unitCode, start, end)...)
	}
	if unit == nil {
		return nil, nil, duban.Errorf(duban.ENOTFOUND, "单位 %q 不存在 (unit not found)", unitCode)
	}
	return unit, rows, nil
}

// dueRows lists the unit's indicators with the periods ending in the month.
func dueRows(snap *duban.Snapshot, unitCode string, start, end duban.Date) []templateRow {
	nodes := map[string]duban.Node{}
	for _, n := range snap.Nodes {
		nodes[n.Code] = n
	}
	var rows []templateRow
	for _, ind := range snap.Indicators {
		n := nodes[ind.NodeCode]
		if n.LeadUnit != unitCode {
			continue
		}
		for _, p := range duban.PeriodsBetween(ind.Cadence, start, end) {
			if p.End.Before(start) || p.End.After(end) || !inPlan(p, n, snap.Plan) {
				continue
			}
			rows = append(rows, templateRow{ind: ind, node: n, period: p.String(),
				previous: previousValue(snap.Reports, ind, p.String())})
		}
	}
	return rows
}

// inPlan mirrors the period range duban.CheckReport accepts.
func inPlan(p duban.Period, n duban.Node, plan duban.Plan) bool {
	last := plan.PeriodEnd
	if n.Deadline.After(last) {
		last = n.Deadline
	}
	return !p.End.Before(plan.PeriodStart) && !p.Start.After(last)
}

// previousValue is the latest approved value before the period.
func previousValue(reps []duban.Report, ind duban.Indicator, period string) *float64 {
	var best *duban.Report
	for i := range reps {
		r := &reps[i]
		if r.IndicatorID != ind.ID || r.State != duban.Approved || r.Period >= period {
			continue
		}
		if best == nil || r.Period > best.Period || (r.Period == best.Period && r.Version > best.Version) {
			best = r
		}
	}
	switch {
	case best == nil:
		return nil
	case ind.Kind == duban.MilestoneOnly:
		v := float64(best.MilestonesDone)
		return &v
	}
	return best.Value
}

func writeTemplate(w io.Writer, unit *duban.Unit, month string, rows []templateRow) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetTemplate); err != nil {
		return err
	}
	if err := fillTemplate(f, st, rows); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetInfo); err != nil {
		return err
	}
	info := [][]any{
		{infoUnit, unit.Code}, {"单位名称", unit.Name}, {infoPeriod, month},
		{"填写说明", "只填黄色各列：本期值（累计类指标填截至本期末的累计数）、进展说明、完成投资（万元，项目）、形象进度（项目）。本期值为空的行不报送。填好后用 duban report upload 或在工作台上传。"},
		{"How to fill", "Fill only the yellow columns; rows with an empty 本期值 are not submitted. Upload with duban report upload or on the workspace page."},
	}
	if err := writeKeyValues(f, st, SheetInfo, info); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

func fillTemplate(f *excelize.File, st *styles, rows []templateRow) error {
	sh := SheetTemplate
	for i, h := range templateHeaders {
		cell := fmt.Sprintf("%s1", column(i))
		if err := f.SetCellValue(sh, cell, h); err != nil {
			return err
		}
		if err := f.SetColWidth(sh, column(i), column(i), templateWidths[i]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", column(len(templateHeaders)-1)+"1", st.header); err != nil {
		return err
	}
	for i, r := range rows {
		if err := writeTemplateRow(f, st, i+2, r); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, AutoFilter: true, Sort: true})
}

func writeTemplateRow(f *excelize.File, st *styles, row int, r templateRow) error {
	sh := SheetTemplate
	var target, previous any
	if r.ind.Target != nil {
		target = *r.ind.Target
	}
	if r.previous != nil {
		previous = *r.previous
	}
	values := []any{r.ind.ID, SafeText(r.ind.Code), SafeText(r.node.Title), SafeText(r.ind.Name), target, SafeText(r.ind.Unit), r.period, previous}
	if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &values); err != nil {
		return err
	}
	last := column(len(templateHeaders) - 1)
	if err := f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", column(firstInput-1), row), st.text); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, fmt.Sprintf("%s%d", column(firstInput), row), fmt.Sprintf("%s%d", last, row), st.input); err != nil {
		return err
	}
	return addInputValidation(f, row, r)
}

// addInputValidation checks the value column as the unit types: a count
// must not be negative, milestones are whole numbers up to their total,
// and a project's stage comes from a list.
func addInputValidation(f *excelize.File, row int, r templateRow) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d", column(firstInput), row)
	var err error
	switch r.ind.Kind {
	case duban.MilestoneOnly:
		err = dv.SetRange(0, len(r.ind.Milestones), excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
		dv.SetInput(colFill, fmt.Sprintf("已完成的里程碑个数，0 到 %d (milestones reached)", len(r.ind.Milestones)))
	case duban.Cumulative:
		err = dv.SetRange(0.0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetInput(colFill, "截至本期末的累计数，不能为负数 (cumulative to the period's end; not negative)")
	default:
		err = dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetInput(colFill, "本期数值 (the period's value)")
	}
	if err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, colFill, "请填写有效数字 (enter a valid number)")
	if err := f.AddDataValidation(SheetTemplate, dv); err != nil {
		return err
	}
	if r.node.Kind != duban.KindProject {
		return nil
	}
	stage := excelize.NewDataValidation(true)
	stage.Sqref = fmt.Sprintf("%s%d", column(indexOf(templateHeaders, colStage)), row)
	var labels []string
	for _, s := range duban.ProjectStages {
		labels = append(labels, s.Label())
	}
	if err := stage.SetDropList(labels); err != nil {
		return err
	}
	return f.AddDataValidation(SheetTemplate, stage)
}
