package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
)

// ImportResult is what a plan workbook import did, or with DryRun would do.
type ImportResult struct {
	PlanID   int64  `json:"plan_id"`
	PlanCode string `json:"plan_code"`
	DryRun   bool   `json:"dry_run"`
	Changes
}

// ImportPlan reads a plan workbook written by ExportPlan (and edited) and
// applies its 计划 sheet to the stored plan named on its 说明 sheet: rows
// update nodes by 编号 and add new ones. Every bad cell is reported, by row
// and column; with any error, or with dryRun, nothing is written. The plan
// is re-imported in one transaction through PlanService.ImportBundle.
func (s Services) ImportPlan(ctx context.Context, r io.Reader, dryRun bool, actor string) (*ImportResult, error) {
	f, err := openBook(r, MaxPlanUnzipped)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := readInfo(f, SheetInfo)
	if err != nil || info[infoPlanCode] == "" {
		return nil, duban.Invalid("不是 duban 导出的计划工作簿 (not a plan workbook exported by duban)",
			duban.FieldError{Field: SheetInfo, Message: "缺少「说明」表中的计划编号 (no plan code on the 说明 sheet)"})
	}
	planID, err := s.planByCode(ctx, info[infoPlanCode])
	if err != nil {
		return nil, err
	}
	base, err := s.Plans.ExportBundle(ctx, planID)
	if err != nil {
		return nil, err
	}
	if err := sameVersion(info[infoVersion], base.Plan); err != nil {
		return nil, err
	}
	merged, changes, err := applySheet(f, base)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{PlanID: planID, PlanCode: base.Plan.Code, DryRun: dryRun, Changes: *changes}
	if dryRun || changes.Empty() {
		return res, nil
	}
	// The plan was read outside the import's transaction: fail rather
	// than undo a change made in between.
	merged.IfUnchangedSince = base.Plan.UpdatedAt
	if _, err := s.Plans.ImportBundle(ctx, merged, actor); err != nil {
		return nil, err
	}
	if s.Tracker != nil {
		s.Tracker.Forget(planID)
	}
	return res, nil
}

// sameVersion refuses a workbook exported from an older state of the plan:
// its unchanged cells hold the old values, and importing them would undo
// the changes made since. A workbook without a version (written before
// versions were recorded) is let through.
func sameVersion(version string, p duban.Plan) error {
	if version == "" {
		return nil
	}
	exported, err := time.Parse(time.RFC3339Nano, version)
	if err != nil {
		return duban.Invalid("计划版本无法识别 (unreadable plan version)",
			duban.FieldError{Field: SheetInfo, Message: "「计划版本」不是有效时间 (not a valid time): " + version})
	}
	if !exported.Equal(p.UpdatedAt) {
		return duban.Errorf(duban.ECONFLICT, "工作簿导出后计划已于 %s 被修改，请重新导出后再编辑导入 "+
			"(the plan changed at %s, after this workbook was exported; export it again)",
			p.UpdatedAt.Local().Format("2006-01-02 15:04:05"), p.UpdatedAt.UTC().Format(time.RFC3339))
	}
	return nil
}

// applySheet merges the plan sheet into base and validates the result,
// giving every error its sheet row and column.
func applySheet(f *excelize.File, base *duban.Bundle) (*duban.Bundle, *Changes, error) {
	rows, errs := readPlanSheet(f, newNames(base))
	merged, changes, mergeErrs := merge(base, rows)
	errs = append(errs, mergeErrs...)
	errs = dedupe(append(errs, locate(duban.ErrorFields(merged.Validate()), rows, merged)...))
	if len(errs) > 0 {
		return nil, nil, sheetInvalid(SheetPlan, errs)
	}
	return merged, changes, nil
}

// openBook opens an uploaded workbook after checking its zip directory
// against the bounds (see limits.go), so a zip bomb is refused before a
// byte of it is unpacked.
func openBook(r io.Reader, maxUnzipped int64) (*excelize.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
	if err != nil {
		return nil, err
	}
	if err := checkZip(data, maxUnzipped); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, duban.Invalid("无法读取工作簿，请上传 .xlsx 文件 (cannot read the workbook; upload an .xlsx file)",
			duban.FieldError{Field: "file", Message: err.Error()})
	}
	return f, nil
}

func (s Services) planByCode(ctx context.Context, code string) (int64, error) {
	for page := 1; ; page++ {
		p := duban.Page{Page: page, PerPage: duban.MaxPerPage}
		list, total, err := s.Plans.ListPlans(ctx, duban.PlanFilter{Page: p})
		if err != nil {
			return 0, err
		}
		for _, pl := range list {
			if pl.Code == code {
				return pl.ID, nil
			}
		}
		if len(list) == 0 || page*p.PerPage >= total {
			return 0, duban.Errorf(duban.ENOTFOUND, "计划 %q 不存在，请先导入计划文件 (plan not found; import its plan file first)", code)
		}
	}
}

// fieldHeaders maps the bundle's field names to the sheet's columns.
var fieldHeaders = map[string]string{
	"id": colCode, "node": colCode, "parent": colLevel, "kind": colLevel, "title": colTitle, "name": colTitle,
	"lead_unit": colLead, "co_units": colCo, "leader": colLeader, "deadline": colDeadline,
	"target": colTarget, "unit": colUnit, "comparator": colComparator, "direction": colComparator,
	"tolerance": colComparator, "description": colNote,
}

// locate turns validation errors of the merged plan into sheet errors.
func locate(fes []duban.FieldError, rows []sheetRow, b *duban.Bundle) []duban.FieldError {
	rowOf := map[string]int{}
	for _, r := range rows {
		rowOf[r.code] = r.row
	}
	nodeOfIndicator := map[string]string{}
	for _, in := range b.Indicators {
		nodeOfIndicator[in.Code] = in.NodeCode
	}
	out := make([]duban.FieldError, 0, len(fes))
	for _, fe := range fes {
		code := fe.Key
		if fe.Entity == "indicator" {
			code = nodeOfIndicator[fe.Key]
		}
		h := fieldHeaders[fe.Field]
		if h == "" {
			h = fe.Field
		}
		msg := fe.Message
		if rowOf[code] == 0 && fe.Key != "" {
			msg = fmt.Sprintf("%s %q: %s", fe.Entity, fe.Key, msg)
		}
		out = append(out, duban.FieldError{Row: rowOf[code], Field: h, Message: msg})
	}
	return out
}

// dedupe keeps the first error per row and column: a bad cell read as
// empty must not be reported again as missing.
func dedupe(errs []duban.FieldError) []duban.FieldError {
	seen := map[[2]any]bool{}
	out := errs[:0]
	for _, e := range errs {
		k := [2]any{e.Row, e.Field}
		if e.Row > 0 && seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}
