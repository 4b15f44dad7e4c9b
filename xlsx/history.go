package xlsx

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
)

var historyHeaders = []string{"指标编号", "指标名称", "填报单位", "报送期", "版本", "本期值", "状态",
	"进展说明", "完成投资（万元）", "形象进度", "报送人", "报送时间", "审核人", "退回原因"}

var historyWidths = []float64{12, 30, 16, 10, 6, 10, 8, 40, 12, 10, 10, 18, 10, 24}

var stateWords = map[duban.ReportState]string{
	duban.Draft: "草稿", duban.Submitted: "已报送", duban.Approved: "已审核", duban.Returned: "已退回",
}

// writeHistory lists every report version of the plan.
func writeHistory(f *excelize.File, st *styles, pb PlanBook, nm *names) error {
	if _, err := f.NewSheet(SheetHistory); err != nil {
		return err
	}
	if err := f.AutoFilter(SheetHistory, fmt.Sprintf("A1:%s%d", column(len(historyHeaders)-1), len(pb.Reports)+1), nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetHistory)
	if err != nil {
		return err
	}
	if err := startSheet(sw, st, historyHeaders, historyWidths); err != nil {
		return err
	}
	byID := map[int64]*duban.Indicator{}
	for i := range pb.Bundle.Indicators {
		byID[pb.Bundle.Indicators[i].ID] = &pb.Bundle.Indicators[i]
	}
	for i, r := range pb.Reports {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), historyCells(st, r, byID[r.IndicatorID], nm)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func historyCells(st *styles, r duban.Report, ind *duban.Indicator, nm *names) []any {
	code, name := "", ""
	if ind != nil {
		code, name = ind.Code, ind.Name
	}
	var value, investment any
	if r.Value != nil {
		value = *r.Value
	}
	if ind != nil && ind.Kind == duban.MilestoneOnly {
		value = r.MilestonesDone
	}
	if r.Investment != nil {
		investment = *r.Investment
	}
	unit := nm.unitLabel[r.UnitCode]
	if unit == "" {
		unit = r.UnitCode
	}
	values := []any{code, name, unit, r.Period, r.Version, value, stateWords[r.State], r.Note, investment,
		r.Stage.Label(), r.SubmittedBy, r.SubmittedAt.UTC().Format("2006-01-02 15:04"), r.ReviewedBy, r.ReturnReason}
	cells := make([]any, len(values))
	for i, v := range values {
		cells[i] = excelize.Cell{StyleID: st.text, Value: SafeValue(v)}
	}
	return cells
}

// Info keys on the 说明 sheet; import reads the plan code back from it.
const (
	infoPlanCode = "计划编号"
	infoTitle    = "计划名称"
	infoAsOf     = "截至日期"
	infoUnit     = "填报单位"
	infoPeriod   = "报送期"
	// infoVersion is when the plan was last changed before the export; a
	// workbook whose plan changed since cannot be imported back.
	infoVersion = "计划版本"
)

func writeInfo(f *excelize.File, st *styles, pb PlanBook) error {
	if _, err := f.NewSheet(SheetInfo); err != nil {
		return err
	}
	rows := [][]any{
		{infoPlanCode, pb.Bundle.Plan.Code},
		{infoTitle, pb.Bundle.Plan.Title},
		{infoAsOf, pb.AsOf.String()},
		{infoVersion, pb.Bundle.Plan.UpdatedAt.UTC().Format(time.RFC3339Nano)},
		{"导入说明", "在「计划」表中按编号新增或修改事项后，可用 duban plan import 导回；当前值、序时进度、完成率、状态由系统计算，导入时不读取。"},
		{"Import", "Edit rows of the 计划 sheet and import it back by 编号; 当前值, 序时进度, 完成率 and 状态 are computed and ignored on import."},
	}
	return writeKeyValues(f, st, SheetInfo, rows)
}

func writeKeyValues(f *excelize.File, st *styles, sheet string, rows [][]any) error {
	for i, r := range rows {
		for j := range r {
			r[j] = SafeValue(r[j])
		}
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &r); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A1", fmt.Sprintf("A%d", len(rows)), st.header); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "A", "B", 16)
}

// readInfo reads the key/value rows of an info sheet.
func readInfo(f *excelize.File, sheet string) (map[string]string, error) {
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			out[unquote(r[0])] = unquote(r[1])
		}
	}
	return out, nil
}
