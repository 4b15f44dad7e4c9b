package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/duban-dev/duban"
)

var submitColumns = append(append([]string{"id"}, reportColumns...), "period_start")

var attachmentColumns = []string{"report_id", "position", "file_id", "name", "content_type", "size"}

var auditColumns = []string{"at", "actor", "action", "entity", "entity_id", "before_json", "after_json"}

// writeSubmissions takes ids for the reports, inserts them, and writes
// their attachments and one audit entry per report, all with the bulk
// primitive of the engine.
func (t *tx) writeSubmissions(ctx context.Context, subs []submission, reps []duban.Report, actor string) error {
	ids, err := t.newIDs(ctx, "reports", len(reps))
	if err != nil {
		return err
	}
	order := keyOrder(reps)
	for k, i := range order {
		reps[i].ID = ids[k]
	}
	rows := t.submitRows(subs, reps)
	sorted := make([][]any, len(rows))
	for k, i := range order {
		sorted[k] = rows[i]
	}
	if err := t.bulkInsert(ctx, "reports", submitColumns, sorted); err != nil {
		return err
	}
	return t.writeSubmissionExtras(ctx, reps, actor)
}

// writeSubmissionExtras writes the attachments of inserted reports and
// their audit entries.
func (t *tx) writeSubmissionExtras(ctx context.Context, reps []duban.Report, actor string) error {
	if err := t.bulkInsert(ctx, "report_attachments", attachmentColumns, attachmentRows(reps)); err != nil {
		return err
	}
	audits, err := submitAudits(reps, actor, t.now)
	if err != nil {
		return err
	}
	return t.bulkInsert(ctx, "audit_log", auditColumns, audits)
}

// submitRows are the reports rows in submitColumns order, backed by one
// array, with the submission time and each period start encoded once.
func (t *tx) submitRows(subs []submission, reps []duban.Report) [][]any {
	width := len(submitColumns)
	backing := make([]any, len(reps)*width)
	rows := make([][]any, len(reps))
	at := t.timeValue(t.now)
	starts := map[duban.Date]any{}
	for i := range reps {
		start, ok := starts[subs[i].periodStart]
		if !ok {
			start = t.dateValue(subs[i].periodStart)
			starts[subs[i].periodStart] = start
		}
		row := append(backing[i*width:i*width:(i+1)*width], reps[i].ID)
		row = resolvedReport{Report: &reps[i], unitID: subs[i].unitID}.appendValues(row, at)
		rows[i] = append(row, start)
	}
	return rows
}

// auditEachMax is the largest batch audited report by report. A larger
// batch (a bulk import) gets one entry per plan listing the ids it wrote:
// each report row keeps who submitted it, when and what, and the version
// before it stays stored, so every question stays answerable.
const auditEachMax = 100

func submitAudits(reps []duban.Report, actor string, now time.Time) ([][]any, error) {
	if len(reps) <= auditEachMax {
		audits := make([][]any, len(reps))
		for i := range reps {
			var err error
			if audits[i], err = auditArgs(now, actor, "report.submit", "report", reps[i].ID, nil, reps[i]); err != nil {
				return nil, err
			}
		}
		return audits, nil
	}
	byPlan := map[int64][]int64{}
	var plans []int64
	for _, r := range reps {
		if byPlan[r.PlanID] == nil {
			plans = append(plans, r.PlanID)
		}
		byPlan[r.PlanID] = append(byPlan[r.PlanID], r.ID)
	}
	var audits [][]any
	for _, id := range plans {
		a, err := auditArgs(now, actor, "report.submit_batch", "plan", id, nil,
			map[string]any{"reports": len(byPlan[id]), "ids": byPlan[id]})
		if err != nil {
			return nil, err
		}
		audits = append(audits, a)
	}
	return audits, nil
}

// dateValue is a DATE argument: text on SQLite, a time on PostgreSQL,
// whose COPY encodes dates in binary.
func (t *tx) dateValue(d duban.Date) any {
	if t.db.dialect == DialectPostgres {
		if d.IsZero() {
			return nil
		}
		return d.Time()
	}
	return dateArg(d)
}

// timeValue is a TIMESTAMP argument. On SQLite it is the text the driver
// would write for timeArg(tm), so a batch formats its one time once.
func (t *tx) timeValue(tm time.Time) any {
	if t.db.dialect == DialectPostgres {
		return timeArg(tm)
	}
	return timeArg(tm).String()
}

func attachmentRows(reps []duban.Report) [][]any {
	var rows [][]any
	for _, r := range reps {
		for pos, a := range r.Attachments {
			rows = append(rows, []any{r.ID, pos + 1, a.ID, a.Name, a.ContentType, a.Size})
		}
	}
	return rows
}

// keyOrder returns the indexes of reps ordered by indicator and period
// (stably, so versions of one period stay in order). Rows inserted in the
// order of the unique key (indicator_id, period, …) land next to each other
// in its b-tree instead of on a different page each.
func keyOrder(reps []duban.Report) []int {
	return orderBy(len(reps), func(i int) (int64, string) { return reps[i].IndicatorID, reps[i].Period })
}

// inputOrder is keyOrder for inputs.
func inputOrder(ins []duban.ReportInput) []int {
	return orderBy(len(ins), func(i int) (int64, string) { return ins[i].IndicatorID, ins[i].Period })
}

func orderBy(n int, key func(i int) (int64, string)) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ia, pa := key(a)
		ib, pb := key(b)
		if c := cmp.Compare(ia, ib); c != 0 {
			return c
		}
		return strings.Compare(pa, pb)
	})
	return order
}
