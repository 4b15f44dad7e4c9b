package store

import (
	"context"
	"time"

	"github.com/duban-dev/duban"
)

// ListReports returns every version of every report on an indicator,
// ordered by period, unit code and version. An unknown indicator is
// ENOTFOUND.
func (db *DB) ListReports(ctx context.Context, indicatorID int64) ([]duban.Report, error) {
	list := []duban.Report{}
	err := db.read(ctx, func(t *tx) error {
		var n int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM indicators WHERE id = ?", indicatorID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound("指标", indicatorID)
		}
		rows, err := t.query(ctx, `SELECT r.id, r.plan_id, r.indicator_id, u.code, r.period, r.version, r.value,
			r.note, r.state, r.investment, r.stage, r.return_reason, r.submitted_by, r.submitted_at,
			r.reviewed_by, r.reviewed_at, r.milestones_done
			FROM reports r JOIN units u ON u.id = r.unit_id
			WHERE r.indicator_id = ? ORDER BY r.period, u.code, r.version`, indicatorID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r duban.Report
			var reviewedAt time.Time
			if err := rows.Scan(&r.ID, &r.PlanID, &r.IndicatorID, &r.UnitCode, &r.Period, &r.Version, &r.Value,
				&r.Note, &r.State, &r.Investment, &r.Stage, &r.ReturnReason, &r.SubmittedBy, timeCol{&r.SubmittedAt},
				&r.ReviewedBy, timeCol{&reviewedAt}, &r.MilestonesDone); err != nil {
				return err
			}
			if !reviewedAt.IsZero() {
				r.ReviewedAt = &reviewedAt
			}
			list = append(list, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "list reports of indicator %d", indicatorID)
	}
	return list, nil
}
