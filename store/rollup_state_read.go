package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// StatusStamp is the version of a plan's stored status and the day it is
// judged as of (zero when not stored): one primary-key read, what a cache
// checks before it trusts what it holds.
func (db *DB) StatusStamp(ctx context.Context, planID int64) (int64, duban.Date, error) {
	var version int64
	var asOf duban.Date
	// One statement, outside a transaction: one round trip. It may lag,
	// as StoredStatus may: the two come from the same server.
	err := db.lagPool(ctx).QueryRowContext(ctx, db.rebind("SELECT status_version, status_as_of FROM plans WHERE id = ?"), planID).
		Scan(&version, dateCol{&asOf})
	if isNoRows(err) {
		err = notFound("计划", planID)
	}
	return version, asOf, wrap(err, "status stamp of plan %d", planID)
}

// StoredStatus reads a plan's stored evaluation when it is judged as of
// asOf: its structure, each indicator's result and the rollups, in one
// read transaction and without evaluating anything. ok is false when the
// plan is stored as of another day or not at all.
func (db *DB) StoredStatus(ctx context.Context, planID int64, asOf duban.Date) (sp *status.StoredPlan, ok bool, err error) {
	err = db.readLag(ctx, func(t *tx) error {
		sp, ok, err = t.storedPlan(ctx, planID, asOf)
		return err
	})
	return sp, ok, wrap(err, "stored status of plan %d", planID)
}

func (t *tx) storedPlan(ctx context.Context, planID int64, asOf duban.Date) (*status.StoredPlan, bool, error) {
	sp := &status.StoredPlan{AsOf: asOf}
	var stored duban.Date
	err := t.queryRow(ctx, "SELECT status_version, status_as_of FROM plans WHERE id = ?", planID).Scan(&sp.Version, dateCol{&stored})
	if isNoRows(err) {
		return nil, false, notFound("计划", planID)
	}
	if err != nil || stored != asOf {
		return nil, false, err
	}
	p, err := t.findPlan(ctx, planID)
	if err != nil {
		return nil, false, err
	}
	sp.Snapshot.Plan = *p
	if sp.Snapshot.Nodes, err = t.planNodes(ctx, planID); err != nil {
		return nil, false, err
	}
	if sp.Snapshot.Indicators, err = t.planIndicators(ctx, planID); err != nil {
		return nil, false, err
	}
	profile, err := status.ProfileByName(p.Profile)
	if err != nil {
		return nil, false, nil // a plan judged by no known profile is never stored
	}
	rows, err := t.storedRows(ctx, planID, asOf, keysOf(sp.Snapshot.Indicators))
	if err != nil {
		return nil, false, err
	}
	if sp.Results, err = derivedResults(rows, &sp.Snapshot, asOf, profile); err != nil {
		return nil, false, err
	}
	sp.Aggregates, err = t.storedAggregates(ctx, planID, sp.Snapshot.Nodes)
	return sp, err == nil, err
}

// derivedResults completes stored lights with what moves with the day
// (序时进度, the gap, the explanation), judged from the stored inputs: no
// reports are read. The stored light and missing period stand; they equal
// what the inputs give on the day, as the daily move keeps them.
func derivedResults(rows []storedRow, s *duban.Snapshot, day duban.Date, profile status.Profile) ([]status.Result, error) {
	inds := make(map[string]*duban.Indicator, len(s.Indicators))
	for i := range s.Indicators {
		inds[s.Indicators[i].Code] = &s.Indicators[i]
	}
	out := make([]status.Result, len(rows))
	for i, row := range rows {
		in := status.IndicatorInput{Indicator: *inds[row.res.Indicator], Start: row.res.Start, Deadline: row.res.Deadline,
			PlanStart: s.Plan.PeriodStart, PlanEnd: s.Plan.PeriodEnd, Latest: row.latest}
		if err := json.Unmarshal(row.reported, &in.Reported); err != nil {
			return nil, err
		}
		moving := status.Evaluate(in, day, profile)
		r := row.res
		r.Expected, r.Gap, r.Explanation = moving.Expected, moving.Gap, moving.Explanation
		out[i] = r
	}
	return out, nil
}

func (t *tx) storedAggregates(ctx context.Context, planID int64, nodes []duban.Node) (status.StoredAggregates, error) {
	agg := status.StoredAggregates{Nodes: make(map[string]status.Aggregate, len(nodes)), Units: map[string]status.Aggregate{}}
	code := make(map[int64]string, len(nodes))
	for _, n := range nodes {
		code[n.ID] = n.Code
	}
	err := t.eachRow(ctx, "SELECT node_id, "+joinColumns(rollupColumns)+" FROM node_rollup WHERE plan_id = ?",
		[]any{planID}, func(rows *sql.Rows) error {
			var id int64
			a, err := scanAggregate(rows, &id)
			if id == 0 {
				agg.Plan = a
			} else {
				agg.Nodes[code[id]] = a
			}
			return err
		})
	if err != nil {
		return agg, err
	}
	err = t.eachRow(ctx, "SELECT u.code, "+joinColumns(prefixed("r.", rollupColumns))+
		" FROM unit_rollup r JOIN units u ON u.id = r.unit_id WHERE r.plan_id = ?", []any{planID}, func(rows *sql.Rows) error {
		var unit string
		a, err := scanAggregate(rows, &unit)
		agg.Units[unit] = a
		return err
	})
	return agg, err
}

func prefixed(prefix string, cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = prefix + c
	}
	return out
}
