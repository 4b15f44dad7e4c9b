package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/duban-dev/duban"
)

var submitColumns = append(append([]string{}, reportColumns...), "period_start")

var attachmentColumns = []string{"report_id", "position", "file_id", "name", "content_type", "size"}

var auditColumns = []string{"at", "actor", "action", "entity", "entity_id", "before_json", "after_json"}

// writeSubmissions inserts the reports, sets their ids, and writes their
// attachments and audit entries.
func (t *tx) writeSubmissions(ctx context.Context, subs []submission, reps []duban.Report, actor string) error {
	rows := make([][]any, len(reps))
	index := make(map[versionKey]int, len(reps))
	for i := range reps {
		r := resolvedReport{Report: &reps[i], unitID: subs[i].unitID}
		rows[i] = append(r.values(), dateArg(subs[i].periodStart))
		index[versionKey{r.IndicatorID, r.Period, r.Version}] = i
	}
	// Ids are matched by key, not by position: neither engine promises
	// RETURNING rows in VALUES order.
	err := t.insertRows(ctx, "reports", submitColumns, rows, "RETURNING id, indicator_id, period, version",
		func(rs *sql.Rows) error {
			var id int64
			var k versionKey
			if err := rs.Scan(&id, &k.indicatorID, &k.period, &k.version); err != nil {
				return err
			}
			i, ok := index[k]
			if !ok {
				return fmt.Errorf("store: inserted report %d matches no input", id)
			}
			reps[i].ID = id
			return nil
		})
	if err != nil {
		return err
	}
	if err := t.insertRows(ctx, "report_attachments", attachmentColumns, attachmentRows(reps), "", nil); err != nil {
		return err
	}
	audits := make([][]any, len(reps))
	for i := range reps {
		if audits[i], err = auditArgs(t.now, actor, "report.submit", "report", reps[i].ID, nil, reps[i]); err != nil {
			return err
		}
	}
	return t.insertRows(ctx, "audit_log", auditColumns, audits, "", nil)
}

type versionKey struct {
	indicatorID int64
	period      string
	version     int
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
