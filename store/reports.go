package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/duban-dev/duban"
)

// reportColumns is the column order of both bulk paths.
var reportColumns = []string{"plan_id", "indicator_id", "period", "unit_id", "version", "value", "note",
	"state", "investment", "stage", "return_reason", "submitted_by", "submitted_at", "reviewed_by",
	"reviewed_at", "milestones_done"}

// resolvedReport is a report with its references turned into ids.
type resolvedReport struct {
	*duban.Report
	unitID int64
}

func reportsOf(rs []resolvedReport) []duban.Report {
	out := make([]duban.Report, len(rs))
	for i, r := range rs {
		out[i] = *r.Report
	}
	return out
}

func (r resolvedReport) values() []any {
	return r.appendValues(make([]any, 0, len(reportColumns)), timeArg(r.SubmittedAt))
}

// appendValues appends the row in reportColumns order with submittedAt,
// the submission time already encoded, so a batch encodes it once. Every
// value is of a type database/sql passes on unconverted (int64, float64,
// string, time or nil), which spares a batch a reflection-based
// conversion per cell.
func (r resolvedReport) appendValues(row []any, submittedAt any) []any {
	return append(row, r.PlanID, r.IndicatorID, r.Period, r.unitID, int64(r.Version), nullFloat(r.Value), r.Note,
		string(r.State), nullFloat(r.Investment), string(r.Stage), r.ReturnReason, r.SubmittedBy, submittedAt,
		r.ReviewedBy, nullTimeArg(r.ReviewedAt), int64(r.MilestonesDone))
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// InsertReports writes reports in one transaction, all or nothing. Each
// report's PlanID is set from its indicator (a different non-zero PlanID is
// EINVALID); a zero SubmittedAt becomes now. IDs are not set: the bulk paths
// do not return them. A report whose indicator, period, unit and version
// already exist is ECONFLICT. One audit entry per plan records the count.
func (db *DB) InsertReports(ctx context.Context, rs []duban.Report, actor string) error {
	if len(rs) == 0 {
		return nil
	}
	if err := validateReports(rs); err != nil {
		return err
	}
	resolved, err := db.resolveReports(ctx, rs)
	if err != nil {
		return err
	}
	now := db.now()
	for _, r := range resolved {
		if r.SubmittedAt.IsZero() {
			r.SubmittedAt = now
		}
	}
	if db.dialect == DialectPostgres {
		err = db.copyReports(ctx, resolved, actor, now)
	} else {
		err = db.write(ctx, func(t *tx) error { return t.insertReports(ctx, resolved, actor) })
	}
	if classify(err) == uniqueViolation {
		return fmt.Errorf("%w: %w", duban.Errorf(duban.ECONFLICT,
			"该指标、周期、单位和版本的填报已存在 (a report with this indicator, period, unit and version exists)"), err)
	}
	if err == nil {
		// The bulk paths write reports without the status upkeep: it
		// follows at once, in its own transaction.
		err = db.write(ctx, func(t *tx) error {
			return t.refreshIndicators(ctx, countedIndicators(reportsOf(resolved)), statusActor)
		})
	}
	return wrap(mapErr(err), "insert reports")
}

func (t *tx) insertReports(ctx context.Context, rs []resolvedReport, actor string) error {
	stmt, err := t.prepare(ctx, "INSERT INTO reports ("+joinColumns(reportColumns)+") VALUES ("+placeholders(len(reportColumns))+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rs {
		if _, err := stmt.ExecContext(ctx, r.values()...); err != nil {
			return err
		}
	}
	for _, a := range reportAudits(rs, actor, t.now) {
		if _, err := t.exec(ctx, auditInsert, a...); err != nil {
			return err
		}
	}
	return nil
}

// reportAudits returns the audit_log arguments of one entry per plan.
func reportAudits(rs []resolvedReport, actor string, now time.Time) [][]any {
	counts := map[int64]int{}
	for _, r := range rs {
		counts[r.PlanID]++
	}
	plans := make([]int64, 0, len(counts))
	for id := range counts {
		plans = append(plans, id)
	}
	sort.Slice(plans, func(i, j int) bool { return plans[i] < plans[j] })
	var out [][]any
	for _, id := range plans {
		args, _ := auditArgs(now, actor, "report.insert", "plan", id, nil, map[string]int{"reports": counts[id]})
		out = append(out, args)
	}
	return out
}

func validateReports(rs []duban.Report) error {
	var errs []duban.FieldError
	for i := range rs {
		r := &rs[i]
		key := fmt.Sprintf("#%d", i+1)
		add := func(field, msg string) {
			errs = append(errs, duban.FieldError{Entity: "report", Key: key, Field: field, Message: msg})
		}
		if r.IndicatorID <= 0 {
			add("indicator_id", "必填 (required)")
		}
		if r.UnitCode == "" {
			add("unit_code", "必填 (required)")
		}
		if r.Period == "" {
			add("period", "必填 (required)")
		}
		if r.Version < 1 {
			add("version", "须从 1 开始 (must be 1 or more)")
		}
		if !r.State.Valid() {
			add("state", "未知状态 (want draft, submitted, approved or returned)")
		}
		if !r.Stage.Valid() {
			add("stage", "未知阶段 (unknown project stage)")
		}
	}
	if len(errs) > 0 {
		return duban.Invalid("填报数据有误 (invalid reports)", errs...)
	}
	return nil
}

func joinColumns(cols []string) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += ", "
		}
		s += c
	}
	return s
}
