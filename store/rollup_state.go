package store

import (
	"context"
	"database/sql"
	"slices"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// A plan's status is stored state (issue 13): each indicator's result with
// the inputs it was judged from in indicator_status, each node's and
// unit's rollup in node_rollup and unit_rollup, and on the plan the day it
// is judged as of (status_as_of) and a version stamp bumped with every
// change. Writes that change an indicator's inputs re-judge it and its
// ancestors in their own transaction; the daily job (AdvanceStatuses)
// moves plans to the next day. The rules stay in package status.

// statusActor is who the audit log names for a light the rules changed
// after a report or an import: the judgement is the system's, not the
// writer's.
const statusActor = "tracker"

// planState is what maintaining a plan's stored status reads of it.
type planState struct {
	plan    *duban.Plan
	asOf    duban.Date // zero: not stored yet
	profile status.Profile
	// unjudged: the plan names no known status profile, so nothing of it
	// is stored and readers report the error when they evaluate it.
	unjudged bool
	nodes    []duban.Node
	byCode   map[string]*duban.Node
	area     map[string]string // node code → title of its area
}

func (t *tx) loadPlanState(ctx context.Context, planID int64) (*planState, error) {
	p, err := t.findPlan(ctx, planID)
	if err != nil {
		return nil, err
	}
	st := &planState{plan: p}
	// Writers of one plan's state take its row first: two approvals on one
	// plan each recompute the rollups from the stored results, and without
	// this each would miss the other's uncommitted row (on SQLite the
	// single writer already orders them).
	if err := t.queryRow(ctx, "SELECT status_as_of FROM plans p WHERE p.id = ?"+t.lockRows("p"), planID).Scan(dateCol{&st.asOf}); err != nil {
		return nil, err
	}
	st.profile, err = status.ProfileByName(p.Profile)
	st.unjudged = err != nil
	if st.nodes, err = t.nodes(ctx, "WHERE n.plan_id = ? ORDER BY n.tree_pos", planID); err != nil {
		return nil, err
	}
	st.byCode, st.area = make(map[string]*duban.Node, len(st.nodes)), make(map[string]string, len(st.nodes))
	for i := range st.nodes {
		n := &st.nodes[i]
		st.byCode[n.Code] = n
		if n.Kind == duban.KindArea {
			st.area[n.Code] = n.Title
		} else {
			st.area[n.Code] = st.area[n.ParentCode]
		}
	}
	return st, nil
}

// judged is one indicator's result with the inputs it was judged from.
type judged struct {
	ind           duban.Indicator
	in            status.IndicatorInput
	res           status.Result
	latestVersion int
	pendingFrom   duban.Date // earliest counted report period starting after the day
	next          duban.Date
}

// judge evaluates an input as of day under the plan's profile.
func (st *planState) judge(ind duban.Indicator, in status.IndicatorInput, latestVersion int, pending, day duban.Date) judged {
	j := judged{ind: ind, in: in, latestVersion: latestVersion, pendingFrom: pending}
	j.res = status.Evaluate(in, day, st.profile)
	j.next = status.NextChange(in, day, st.profile)
	if !pending.IsZero() && (j.next.IsZero() || pending.Before(j.next)) {
		j.next = pending
	}
	return j
}

// baseInput is an indicator's input without reports: its node's dates and
// the plan's period.
func (st *planState) baseInput(ind duban.Indicator) status.IndicatorInput {
	in := status.IndicatorInput{Indicator: ind, PlanStart: st.plan.PeriodStart, PlanEnd: st.plan.PeriodEnd}
	if n := st.byCode[ind.NodeCode]; n != nil {
		in.Start, in.Deadline = n.Start, n.Deadline
	}
	return in
}

// judgeFromReports judges indicators as of day from their reports: per
// indicator, only its submitted and approved versions are read, and of a
// period only the latest approved version counts (status.InputFromReports).
func (t *tx) judgeFromReports(ctx context.Context, st *planState, inds []duban.Indicator, day duban.Date) ([]judged, error) {
	reps, err := t.countedReports(ctx, inds)
	if err != nil {
		return nil, err
	}
	out := make([]judged, len(inds))
	for i, ind := range inds {
		var counted []duban.Report
		var pending duban.Date
		for _, d := range reps[ind.ID] {
			if d.start.After(day) {
				if pending.IsZero() || d.start.Before(pending) {
					pending = d.start
				}
				continue
			}
			counted = append(counted, d.Report)
		}
		in := status.InputFromReports(ind, st.byCode[ind.NodeCode], st.plan, counted)
		out[i] = st.judge(ind, in, latestApprovedVersion(counted), pending, day)
	}
	return out, nil
}

// latestApprovedVersion is the version of the report InputFromReports
// takes as the latest: the approved one of the latest period, the highest
// version of that period.
func latestApprovedVersion(reps []duban.Report) int {
	var best *duban.Report
	for i := range reps {
		r := &reps[i]
		if r.State != duban.Approved {
			continue
		}
		if best == nil || r.Period > best.Period || (r.Period == best.Period && r.Version > best.Version) {
			best = r
		}
	}
	if best == nil {
		return 0
	}
	return best.Version
}

// countedReports reads the submitted and approved versions of the
// indicators with the start of their period.
func (t *tx) countedReports(ctx context.Context, inds []duban.Indicator) (map[int64][]datedReport, error) {
	cadence := make(map[int64]duban.Cadence, len(inds))
	ids := make([]int64, len(inds))
	for i, in := range inds {
		cadence[in.ID], ids[i] = in.Cadence, in.ID
	}
	out := make(map[int64][]datedReport, len(inds))
	err := t.queryInAfter(ctx, `SELECT indicator_id, period, version, state, value, milestones_done, period_start
		FROM reports WHERE state IN (?, ?) AND indicator_id IN`, []any{string(duban.Submitted), string(duban.Approved)},
		int64Keys(ids), "", func(rows *sql.Rows) error {
			var d datedReport
			var value sql.NullFloat64
			var state string
			if err := rows.Scan(&d.IndicatorID, &d.Period, &d.Version, &state, &value, &d.MilestonesDone, dateCol{&d.start}); err != nil {
				return err
			}
			d.State = duban.ReportState(state)
			if value.Valid {
				d.Value = &value.Float64
			}
			if d.start.IsZero() {
				p, err := duban.ParsePeriod(cadence[d.IndicatorID], d.Period)
				if err != nil {
					return nil // a period the cadence cannot place never counts
				}
				d.start = p.Start
			}
			out[d.IndicatorID] = append(out[d.IndicatorID], d)
			return nil
		})
	return out, err
}

// indicatorsByID reads indicators of one plan by id, in plan order.
func (t *tx) indicatorsByID(ctx context.Context, planID int64, ids []int64) ([]duban.Indicator, error) {
	var list []duban.Indicator
	err := t.queryInAfter(ctx, "SELECT "+indicatorColumns+
		" FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.plan_id = ? AND i.id IN", []any{planID},
		int64Keys(ids), "ORDER BY i.seq", func(rows *sql.Rows) error {
			in, err := scanIndicator(rows)
			list = append(list, in)
			return err
		})
	return list, err
}

// plansOf groups indicator ids by plan, plans in id order.
func (t *tx) plansOf(ctx context.Context, ids []int64) ([]int64, map[int64][]int64, error) {
	byPlan := map[int64][]int64{}
	err := t.queryIn(ctx, "SELECT id, plan_id FROM indicators WHERE id IN", int64Keys(ids), "", func(rows *sql.Rows) error {
		var id, plan int64
		err := rows.Scan(&id, &plan)
		byPlan[plan] = append(byPlan[plan], id)
		return err
	})
	plans := make([]int64, 0, len(byPlan))
	for p := range byPlan {
		plans = append(plans, p)
	}
	slices.Sort(plans)
	return plans, byPlan, err
}

// refreshIndicators re-judges indicators whose reports changed, as of
// their plan's stored day, and updates their stored statuses, their
// ancestors' and units' rollups and the plan's version, inside t. A plan
// not stored yet is evaluated whole as of today.
func (t *tx) refreshIndicators(ctx context.Context, ids []int64, actor string) error {
	if len(ids) == 0 {
		return nil
	}
	plans, byPlan, err := t.plansOf(ctx, ids)
	if err != nil {
		return err
	}
	for _, planID := range plans {
		st, err := t.loadPlanState(ctx, planID)
		if err != nil {
			return err
		}
		switch {
		case st.unjudged:
		case st.asOf.IsZero():
			err = t.rebuildPlanState(ctx, st, t.db.today(), actor)
		default:
			err = t.refreshPlanIndicators(ctx, st, byPlan[planID], actor)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) refreshPlanIndicators(ctx context.Context, st *planState, ids []int64, actor string) error {
	inds, err := t.indicatorsByID(ctx, st.plan.ID, ids)
	if err != nil {
		return err
	}
	js, err := t.judgeFromReports(ctx, st, inds, st.asOf)
	if err != nil {
		return err
	}
	return t.storeJudged(ctx, st, js, st.asOf, actor, false)
}

// storeJudged writes judged indicators and the rollups above them, audits
// changed lights and bumps the plan's version; all rewrites every rollup.
func (t *tx) storeJudged(ctx context.Context, st *planState, js []judged, day duban.Date, actor string, all bool) error {
	before, err := t.storedLights(ctx, st.plan.ID, js)
	if err != nil {
		return err
	}
	if err := t.upsertStatuses(ctx, st, js, day); err != nil {
		return err
	}
	if err := t.auditStatusChanges(ctx, before, statusRowsOf(st, js, day), actor); err != nil {
		return err
	}
	keys, err := t.planIndicatorKeys(ctx, st.plan.ID)
	if err != nil {
		return err
	}
	results, err := t.storedResults(ctx, st.plan.ID, day, keys)
	if err != nil {
		return err
	}
	r, err := status.NewRollup(st.nodes, results)
	if err != nil {
		return err
	}
	sums := areaStatusSums{}
	for _, res := range results {
		sums.add(st.area[res.Node], string(res.Status), res.Actual)
	}
	if err := t.replaceAreaRollup(ctx, st.plan.ID, sums); err != nil {
		return err
	}
	nodes, units := touched(r, js)
	if all {
		nodes, units = nil, nil
	}
	if err := t.writeRollups(ctx, st, r, nodes, units); err != nil {
		return err
	}
	return t.stampPlan(ctx, st.plan.ID, day)
}

// touched lists the nodes (with their ancestors) and units the judged
// indicators lie under.
func touched(r *status.Rollup, js []judged) (nodes, units []string) {
	seenNode, seenUnit := map[string]bool{}, map[string]bool{}
	for _, j := range js {
		for _, code := range r.Ancestors(j.ind.NodeCode) {
			if !seenNode[code] {
				seenNode[code] = true
				nodes = append(nodes, code)
			}
		}
		if u := r.UnitOf(j.ind.NodeCode); u != "" && !seenUnit[u] {
			seenUnit[u] = true
			units = append(units, u)
		}
	}
	return nodes, units
}

// stampPlan records the day the plan's state is judged as of and bumps its
// version, so every server's cache of it is stale from this commit on.
func (t *tx) stampPlan(ctx context.Context, planID int64, day duban.Date) error {
	_, err := t.exec(ctx, "UPDATE plans SET status_as_of = ?, status_version = status_version + 1 WHERE id = ?",
		dateArg(day), planID)
	return err
}

// storedLights reads the stored light of the judged indicators.
func (t *tx) storedLights(ctx context.Context, planID int64, js []judged) (map[int64]string, error) {
	ids := make([]int64, len(js))
	for i, j := range js {
		ids[i] = j.ind.ID
	}
	out := map[int64]string{}
	err := t.queryInAfter(ctx, "SELECT indicator_id, status FROM indicator_status WHERE plan_id = ? AND indicator_id IN",
		[]any{planID}, int64Keys(ids), "", scanStatus(out))
	return out, err
}

func statusRowsOf(st *planState, js []judged, day duban.Date) []duban.IndicatorStatus {
	out := make([]duban.IndicatorStatus, len(js))
	for i, j := range js {
		out[i] = duban.IndicatorStatus{IndicatorID: j.ind.ID, PlanID: st.plan.ID, Province: st.plan.Province,
			Area: st.area[j.ind.NodeCode], Status: string(j.res.Status), Progress: j.res.Actual, AsOf: day}
	}
	return out
}

// rebuildPlanState judges every indicator of the plan from its reports as
// of day and replaces the plan's stored state.
func (t *tx) rebuildPlanState(ctx context.Context, st *planState, day duban.Date, actor string) error {
	if st.unjudged {
		return nil
	}
	inds, err := t.planIndicators(ctx, st.plan.ID)
	if err != nil {
		return err
	}
	js, err := t.judgeFromReports(ctx, st, inds, day)
	if err != nil {
		return err
	}
	for _, table := range []string{"node_rollup", "unit_rollup"} {
		if _, err := t.exec(ctx, "DELETE FROM "+table+" WHERE plan_id = ?", st.plan.ID); err != nil {
			return err
		}
	}
	return t.storeJudged(ctx, st, js, day, actor, true)
}

// rebuildPlan judges the whole plan anew as of day.
func (t *tx) rebuildPlan(ctx context.Context, planID int64, day duban.Date, actor string) error {
	st, err := t.loadPlanState(ctx, planID)
	if err != nil {
		return err
	}
	return t.rebuildPlanState(ctx, st, day, actor)
}

// today is the store clock's day.
func (db *DB) today() duban.Date { return duban.DateOf(db.Now()) }
