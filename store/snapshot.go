package store

import (
	"context"
	"database/sql"
	"sort"

	"github.com/duban-dev/duban"
)

// Snapshot reads what the status engine needs of a plan as of a day: the
// plan, its nodes in pre-order, its indicators in document order, and every
// submitted or approved report whose period starts on or before asOf,
// oldest period first.
func (db *DB) Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error) {
	s, err := db.snapshot(ctx, planID, asOf, (*tx).snapshotReports)
	return s, wrap(err, "snapshot of plan %d", planID)
}

// reportReader reads a plan's reports for a snapshot.
type reportReader func(t *tx, ctx context.Context, planID int64, asOf duban.Date, inds []duban.Indicator) ([]duban.Report, error)

// snapshot reads the plan, its nodes and indicators, and its reports with
// readReports, in one read transaction.
func (db *DB) snapshot(ctx context.Context, planID int64, asOf duban.Date, readReports reportReader) (*duban.Snapshot, error) {
	s := &duban.Snapshot{}
	err := db.readLag(ctx, func(t *tx) error {
		p, err := t.findPlan(ctx, planID)
		if err != nil {
			return err
		}
		s.Plan = *p
		if s.Nodes, err = t.planNodes(ctx, planID); err != nil {
			return err
		}
		if s.Indicators, err = t.planIndicators(ctx, planID); err != nil {
			return err
		}
		s.Reports, err = readReports(t, ctx, planID, asOf, s.Indicators)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (t *tx) planIndicators(ctx context.Context, planID int64) ([]duban.Indicator, error) {
	list := []duban.Indicator{}
	err := t.eachRow(ctx, "SELECT "+indicatorColumns+
		" FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.plan_id = ? ORDER BY i.seq",
		[]any{planID}, func(rows *sql.Rows) error {
			in, err := scanIndicator(rows)
			list = append(list, in)
			return err
		})
	return list, err
}

// snapshotReports filters by the stored period start; rows written without
// one (by the bulk path) get it from their indicator's cadence.
func (t *tx) snapshotReports(ctx context.Context, planID int64, asOf duban.Date, inds []duban.Indicator) ([]duban.Report, error) {
	return t.datedReports(ctx, t.db.snapshotReportsQuery(), countedReportsArgs(planID, asOf), inds, asOf,
		func(rows *sql.Rows) (datedReport, error) {
			var d datedReport
			var err error
			d.Report, err = scanReport(rows, dateCol{&d.start})
			return d, err
		})
}

// datedReport is a report with the start of its period, for ordering.
type datedReport struct {
	duban.Report
	start duban.Date
}

// datedReports runs query and scans each row with scan; a row stored
// without a period start gets it from its indicator's cadence. It keeps the
// reports whose period starts on or before asOf, ordered by period start,
// indicator and id.
func (t *tx) datedReports(ctx context.Context, query string, args []any, inds []duban.Indicator, asOf duban.Date,
	scan func(*sql.Rows) (datedReport, error)) ([]duban.Report, error) {
	cadence := make(map[int64]duban.Cadence, len(inds))
	for _, in := range inds {
		cadence[in.ID] = in.Cadence
	}
	var found []datedReport
	err := t.eachRow(ctx, query, args, func(rows *sql.Rows) error {
		d, err := scan(rows)
		if err != nil {
			return err
		}
		if d.start.IsZero() {
			p, err := duban.ParsePeriod(cadence[d.IndicatorID], d.Period)
			if err != nil {
				return nil // a period the cadence cannot place never counts
			}
			d.start = p.Start
		}
		if !d.start.After(asOf) {
			found = append(found, d)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if c := a.start.Compare(b.start); c != 0 {
			return c < 0
		}
		if a.IndicatorID != b.IndicatorID {
			return a.IndicatorID < b.IndicatorID
		}
		return a.ID < b.ID
	})
	reports := make([]duban.Report, len(found))
	for i := range found {
		reports[i] = found[i].Report
	}
	return reports, nil
}
