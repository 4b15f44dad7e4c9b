package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// StatusSnapshot is Snapshot for the status engine: each report carries
// only what judging needs (id, plan, indicator, period, version, state,
// value, milestones done), read without the units join or any timestamp,
// and of each period only the version that decides (statusReportsQuery).
// At a year of monthly reports it reads about three times faster, which is
// what a dashboard pays when its plan is not cached.
func (db *DB) StatusSnapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error) {
	s, err := db.snapshot(ctx, planID, asOf, (*tx).statusReports)
	return s, wrap(err, "status snapshot of plan %d", planID)
}

// statusReports reads only the fields the status engine judges, ordered
// as snapshotReports orders them.
func (t *tx) statusReports(ctx context.Context, planID int64, asOf duban.Date, inds []duban.Indicator) ([]duban.Report, error) {
	return t.datedReports(ctx, t.db.statusReportsQuery(), statusReportsArgs(planID, asOf), inds, asOf,
		func(rows *sql.Rows) (datedReport, error) {
			d := datedReport{Report: duban.Report{PlanID: planID}}
			var value sql.NullFloat64
			var state string
			if err := rows.Scan(&d.ID, &d.IndicatorID, &d.Period, &d.Version, &state, &value, &d.MilestonesDone,
				dateCol{&d.start}); err != nil {
				return d, err
			}
			d.State = duban.ReportState(state)
			if value.Valid {
				d.Value = &value.Float64
			}
			return d, nil
		})
}
