package xlsx

import (
	"bytes"
	"context"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
)

// filled is one template row with something to submit.
type filled struct {
	row int
	in  duban.ReportInput
}

// UploadReports is UploadReportsOnce keyed by the workbook's digest,
// answering only the reports.
func (s Services) UploadReports(ctx context.Context, r io.Reader, actor *duban.User, today duban.Date) ([]duban.Report, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1)) // openBook refuses the excess
	if err != nil {
		return nil, err
	}
	res, err := s.UploadReportsOnce(ctx, data, "", actor, today)
	if err != nil {
		return nil, err
	}
	return res.Reports, nil
}

// UploadReportsOnce reads a filled report template and submits its rows
// as the actor through the same SubmitReportsOnce the API batch uses: one
// transaction, all or nothing, and at most once per upload (clientKey, the
// Idempotency-Key, or else the workbook's digest): a repeat answers with
// the first upload's reports, Replayed set. Rows whose input columns are
// all empty are skipped. Errors name the sheet row and column
// ("第5行 本期值: …").
func (s Services) UploadReportsOnce(ctx context.Context, data []byte, clientKey string, actor *duban.User, today duban.Date) (*duban.UploadResult, error) {
	key, err := duban.UploadKeyOf(duban.UploadWorkbook, clientKey, data)
	if err != nil {
		return nil, err
	}
	f, err := openBook(bytes.NewReader(data), MaxReportUnzipped)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := s.readTemplate(ctx, f)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, duban.Invalid("填报表中没有填写任何一行 (no row of the template is filled in)",
			duban.FieldError{Row: 2, Field: colFill, Message: "请至少填写一行 (fill in at least one row)"})
	}
	ins := make([]duban.ReportInput, len(rows))
	for i := range rows {
		ins[i] = rows[i].in
	}
	res, err := s.Reports.SubmitReportsOnce(ctx, actor, key, ins, today)
	if err != nil {
		return nil, toSheetRows(err, rows)
	}
	if s.Tracker != nil && !res.Replayed {
		s.Tracker.ReportsChanged(res.Reports...)
	}
	return res, nil
}

func (s Services) readTemplate(ctx context.Context, f *excelize.File) ([]filled, error) {
	all, err := boundedRows(f, SheetTemplate, MaxUploadRows+1)
	if duban.ErrorCode(err) == duban.ETOOLARGE {
		return nil, err
	}
	if err != nil || len(all) == 0 {
		return nil, duban.Invalid("不是 duban 的填报表 (not a duban report template)",
			duban.FieldError{Field: SheetTemplate, Message: "缺少「填报」表 (no 填报 sheet)"})
	}
	cols := map[string]int{}
	for i, h := range all[0] {
		cols[strings.TrimSpace(h)] = i
	}
	var out []filled
	var errs []duban.FieldError
	kinds := map[int64]duban.IndicatorKind{}
	for i, values := range all[1:] {
		c := cells{values: values, cols: cols}
		if c.get(colFill) == "" && c.get(colProgress2) == "" && c.get(colInvestment) == "" && c.get(colStage) == "" {
			continue
		}
		row := i + 2
		in, rowErrs := s.readTemplateRow(ctx, c, row, kinds)
		if len(rowErrs) > 0 {
			errs = append(errs, rowErrs...)
			continue
		}
		out = append(out, filled{row: row, in: in})
	}
	if len(errs) > 0 {
		return nil, sheetInvalid(SheetTemplate, errs)
	}
	return out, nil
}

func (s Services) readTemplateRow(ctx context.Context, c cells, row int, kinds map[int64]duban.IndicatorKind) (duban.ReportInput, []duban.FieldError) {
	var errs []duban.FieldError
	bad := func(h, format string, args ...any) { errs = append(errs, cellError(row, h, format, args...)) }
	in := duban.ReportInput{Period: c.get(colPeriod), Note: c.get(colProgress2)}
	id, err := strconv.ParseInt(c.get(colID), 10, 64)
	if err != nil || id <= 0 {
		bad(colID, "缺少或无效，请勿修改锁定列 (missing or invalid; do not edit the locked columns)")
		return in, errs
	}
	in.IndicatorID = id
	kind, ok := kinds[id]
	if !ok {
		t, err := s.Reports.FindReportTarget(ctx, id)
		if err != nil {
			bad(colID, "指标 %d 不存在 (unknown indicator)", id)
			return in, errs
		}
		kind, kinds[id] = t.Indicator.Kind, t.Indicator.Kind
	}
	if v, ok := cellNumber(c.get(colFill), colFill, bad); ok && v != nil {
		if kind == duban.MilestoneOnly {
			if *v != math.Trunc(*v) {
				bad(colFill, "里程碑个数须为整数 (milestones reached must be a whole number)")
			}
			n := int(*v)
			in.MilestonesDone = &n
		} else {
			in.Value = v
		}
	}
	in.Investment, _ = cellNumber(c.get(colInvestment), colInvestment, bad)
	if s := c.get(colStage); s != "" {
		if in.Stage = stageOf(s); in.Stage == "" {
			bad(colStage, "应为 谋划、签约、开工、在建、竣工 或 投产 (unknown stage)")
		}
	}
	return in, errs
}

func cellNumber(s, header string, bad func(string, string, ...any)) (*float64, bool) {
	if s == "" {
		return nil, true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		bad(header, "不是数字 (not a number)")
		return nil, false
	}
	return &v, true
}

func stageOf(s string) duban.ProjectStage {
	for _, st := range duban.ProjectStages {
		if s == st.Label() || s == string(st) {
			return st
		}
	}
	return ""
}

// inputHeaders maps ReportInput fields to the template's columns.
var inputHeaders = map[string]string{
	"indicator_id": colID, "period": colPeriod, "value": colFill, "milestones_done": colFill,
	"note": colProgress2, "completed_investment": colInvestment, "stage": colStage,
}

// toSheetRows rewrites SubmitReports' row errors (1-based input index,
// field name) as sheet rows and column headers, keeping the error's code.
func toSheetRows(err error, rows []filled) error {
	fes := duban.ErrorFields(err)
	if len(fes) == 0 {
		return err
	}
	out := make([]duban.FieldError, len(fes))
	for i, fe := range fes {
		if fe.Row >= 1 && fe.Row <= len(rows) {
			fe.Row = rows[fe.Row-1].row
		}
		if h, ok := inputHeaders[fe.Field]; ok {
			fe.Field = h
		}
		out[i] = fe
	}
	e := sheetInvalid(SheetTemplate, out).(*duban.Error)
	e.Code = duban.ErrorCode(err)
	return e
}
