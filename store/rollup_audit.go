package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// scanStatus reads indicator_id and status rows into a map.
func scanStatus(into map[int64]string) func(*sql.Rows) error {
	return func(rows *sql.Rows) error {
		var id int64
		var status string
		err := rows.Scan(&id, &status)
		into[id] = status
		return err
	}
}

func (t *tx) deleteStatuses(ctx context.Context, ids []int64) error {
	for start := 0; start < len(ids); start += lookupChunk {
		chunk := int64Keys(ids[start:min(start+lookupChunk, len(ids))])
		if _, err := t.exec(ctx, "DELETE FROM indicator_status WHERE indicator_id IN ("+placeholders(len(chunk))+")", chunk...); err != nil {
			return err
		}
	}
	return nil
}

// statusChange is the audit document of one side of a status change.
type statusChange struct {
	Status   string     `json:"status"`
	Progress *float64   `json:"progress,omitempty"`
	AsOf     duban.Date `json:"as_of,omitzero"`
}

// auditStatusChanges writes one "status.change" entry per indicator whose
// stored status differs from its new one: a light turning red is what a
// supervisor asks about later. An indicator stored for the first time has
// no before and is not a change; neither is a new progress figure under
// the same light (its reports are audited themselves).
func (t *tx) auditStatusChanges(ctx context.Context, stored map[int64]string, rows []duban.IndicatorStatus, actor string) error {
	var audits [][]any
	for _, r := range rows {
		before, ok := stored[r.IndicatorID]
		if !ok || before == r.Status {
			continue
		}
		after := statusChange{Status: r.Status, Progress: &r.Progress, AsOf: r.AsOf}
		a, err := auditArgs(t.now, actor, "status.change", "indicator", r.IndicatorID, statusChange{Status: before}, after)
		if err != nil {
			return err
		}
		audits = append(audits, a)
	}
	return t.bulkInsert(ctx, "audit_log", auditColumns, audits)
}
