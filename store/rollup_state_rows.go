package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// storedStatusColumns are indicator_status's columns in the order
// upsertStatuses writes them.
var storedStatusColumns = []string{"indicator_id", "plan_id", "province", "area", "status", "progress", "as_of",
	"updated_at", "value", "period", "missing", "start_date", "deadline", "latest_version", "latest_milestones",
	"reported", "pending_from", "next_change_on"}

// upsertSQL is an INSERT of columns that updates every column but the key
// on conflict; both engines speak ON CONFLICT … DO UPDATE.
func upsertSQL(table string, columns []string, key ...string) string {
	var set []string
	for _, c := range columns {
		if !slices.Contains(key, c) {
			set = append(set, c+" = excluded."+c)
		}
	}
	return "INSERT INTO " + table + " (" + joinColumns(columns) + ") VALUES (" + placeholders(len(columns)) +
		") ON CONFLICT (" + strings.Join(key, ", ") + ") DO UPDATE SET " + strings.Join(set, ", ")
}

// bulkFrom is how many rows make a write go through the engine's bulk
// primitive (delete, then COPY or multi-row INSERT) instead of one upsert
// per row: an approval touches a handful, the daily job and a rebuild
// whole plans.
const bulkFrom = 32

func (t *tx) upsertStatuses(ctx context.Context, st *planState, js []judged, day duban.Date) error {
	rows := make([][]any, len(js))
	for i := range js {
		row, err := t.statusValues(st, &js[i], day, len(js) >= bulkFrom)
		if err != nil {
			return err
		}
		rows[i] = row
	}
	if len(js) >= bulkFrom {
		ids := make([]int64, len(js))
		for i, j := range js {
			ids[i] = j.ind.ID
		}
		if err := t.deleteStatuses(ctx, ids); err != nil {
			return err
		}
		return t.bulkInsert(ctx, "indicator_status", storedStatusColumns, rows)
	}
	stmt, err := t.prepare(ctx, upsertSQL("indicator_status", storedStatusColumns, "indicator_id"))
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, row := range rows {
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// statusValues is a judged indicator's row in storedStatusColumns order,
// encoded for the bulk primitive when bulk is set.
func (t *tx) statusValues(st *planState, j *judged, day duban.Date, bulk bool) ([]any, error) {
	reported := slices.Clone(j.in.Reported)
	slices.Sort(reported)
	rep, err := json.Marshal(reported)
	if err != nil {
		return nil, err
	}
	if reported == nil {
		rep = []byte("[]")
	}
	milestones := 0
	if j.in.Latest != nil {
		milestones = j.in.Latest.MilestonesDone
	}
	date, at := dateArg, any(t.now)
	if bulk {
		date, at = t.dateValue, t.timeValue(t.now)
	}
	res := &j.res
	return []any{j.ind.ID, st.plan.ID, st.plan.Province, st.area[j.ind.NodeCode],
		string(res.Status), res.Actual, date(day), at, res.Value, res.Period, res.Missing, date(res.Start),
		date(res.Deadline), j.latestVersion, milestones, string(rep), date(j.pendingFrom), date(j.next)}, nil
}

// indicatorKey is what a stored result needs of its indicator.
type indicatorKey struct {
	id         int64
	code, node string
	rate       bool // a rate or level: status.Result.Rate
}

// planIndicatorKeys lists a plan's indicators in plan order, lightly.
func (t *tx) planIndicatorKeys(ctx context.Context, planID int64) ([]indicatorKey, error) {
	var out []indicatorKey
	err := t.eachRow(ctx, "SELECT i.id, i.code, n.code, i.kind FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.plan_id = ? ORDER BY i.seq",
		[]any{planID}, func(rows *sql.Rows) error {
			var k indicatorKey
			var kind duban.IndicatorKind
			err := rows.Scan(&k.id, &k.code, &k.node, &kind)
			k.rate = kind == duban.Level
			out = append(out, k)
			return err
		})
	return out, err
}

func keysOf(inds []duban.Indicator) []indicatorKey {
	out := make([]indicatorKey, len(inds))
	for i, in := range inds {
		out[i] = indicatorKey{in.ID, in.Code, in.NodeCode, in.Kind == duban.Level}
	}
	return out
}

// storedResults reads a plan's stored lights in the order of its
// indicators (keys), days left counted from day: one range of
// indicator_status by plan, no join. 序时进度, the gap and the explanation
// are left zero (storedPlan derives them); an indicator with no stored row
// is left out.
func (t *tx) storedResults(ctx context.Context, planID int64, day duban.Date, keys []indicatorKey) ([]status.Result, error) {
	rows, err := t.storedRows(ctx, planID, day, keys)
	out := make([]status.Result, len(rows))
	for i, r := range rows {
		out[i] = r.res
	}
	return out, err
}

// storedRow is a stored light with the inputs it was judged from.
type storedRow struct {
	res      status.Result
	latest   *status.Observation
	reported []byte // JSON list of periods
}

func (t *tx) storedRows(ctx context.Context, planID int64, day duban.Date, keys []indicatorKey) ([]storedRow, error) {
	byID := make(map[int64]storedRow, len(keys))
	err := t.eachRow(ctx, `SELECT indicator_id, status, progress, value, period, missing, start_date, deadline,
		latest_milestones, reported FROM indicator_status WHERE plan_id = ?`, []any{planID}, func(rows *sql.Rows) error {
		var id int64
		var s storedRow
		var value sql.NullFloat64
		var milestones int
		r := &s.res
		err := rows.Scan(&id, &r.Status, &r.Actual, &value, &r.Period, &r.Missing, dateCol{&r.Start}, dateCol{&r.Deadline},
			&milestones, &s.reported)
		if value.Valid {
			r.Value = &value.Float64
		}
		if r.Period != "" {
			s.latest = &status.Observation{Period: r.Period, Value: r.Value, MilestonesDone: milestones}
		}
		r.DaysLeft = day.DaysUntil(r.Deadline)
		byID[id] = s
		return err
	})
	out := make([]storedRow, 0, len(keys))
	for _, k := range keys {
		if s, ok := byID[k.id]; ok {
			s.res.Indicator, s.res.Node, s.res.Rate = k.code, k.node, k.rate
			out = append(out, s)
		}
	}
	return out, err
}

// rollupColumns hold what a rollup keeps: its expected and gap move with
// the day and are derived on read (status.RestoreRollup).
var rollupColumns = []string{"items", "measured", "progress", "worst", "worst_item", "n_overdue", "n_lagging",
	"n_not_reported", "n_warning", "n_on_track", "n_not_started", "n_done"}

func aggregateArgs(a status.Aggregate) []any {
	args := []any{a.Items, a.Measured, a.Progress, string(a.Worst), a.WorstItem}
	for _, n := range a.Counts {
		args = append(args, n)
	}
	return args
}

// scanAggregate reads rollupColumns after the given leading columns.
func scanAggregate(rows *sql.Rows, lead ...any) (status.Aggregate, error) {
	var a status.Aggregate
	dest := append(lead, &a.Items, &a.Measured, &a.Progress, &a.Worst, &a.WorstItem)
	for i := range a.Counts {
		dest = append(dest, &a.Counts[i])
	}
	err := rows.Scan(dest...)
	return a, err
}

// writeRollups upserts the aggregates of the named nodes (nil: all) with
// the plan's (node 0), and of the named units (nil: all).
func (t *tx) writeRollups(ctx context.Context, st *planState, r *status.Rollup, nodes, units []string) error {
	if nodes == nil {
		for _, n := range st.nodes {
			nodes = append(nodes, n.Code)
		}
	}
	if units == nil {
		units = r.Units()
	}
	if len(nodes)+len(units) >= bulkFrom {
		return t.replaceRollups(ctx, st, r, nodes, units)
	}
	nodeStmt, err := t.prepare(ctx, upsertSQL("node_rollup", append([]string{"plan_id", "node_id"}, rollupColumns...), "plan_id", "node_id"))
	if err != nil {
		return err
	}
	defer nodeStmt.Close()
	put := func(stmt *sql.Stmt, id int64, a status.Aggregate) error {
		_, err := stmt.ExecContext(ctx, append([]any{st.plan.ID, id}, aggregateArgs(a)...)...)
		return mapErr(err)
	}
	if err := put(nodeStmt, 0, r.Plan()); err != nil {
		return err
	}
	for _, code := range nodes {
		if a, ok := r.Node(code); ok && st.byCode[code] != nil {
			if err := put(nodeStmt, st.byCode[code].ID, a); err != nil {
				return err
			}
		}
	}
	unitIDs, err := t.unitIDs(ctx, units)
	if err != nil {
		return err
	}
	unitStmt, err := t.prepare(ctx, upsertSQL("unit_rollup", append([]string{"plan_id", "unit_id"}, rollupColumns...), "plan_id", "unit_id"))
	if err != nil {
		return err
	}
	defer unitStmt.Close()
	for _, u := range units {
		if a, ok := r.Unit(u); ok && unitIDs[u] != 0 {
			if err := put(unitStmt, unitIDs[u], a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *tx) unitIDs(ctx context.Context, codes []string) (map[string]int64, error) {
	keys := make([]any, len(codes))
	for i, c := range codes {
		keys[i] = c
	}
	out := make(map[string]int64, len(codes))
	err := t.queryIn(ctx, "SELECT code, id FROM units WHERE code IN", keys, "", func(rows *sql.Rows) error {
		var code string
		var id int64
		err := rows.Scan(&code, &id)
		out[code] = id
		return err
	})
	return out, err
}

// replaceRollups is writeRollups through the bulk primitive: the named
// rows are deleted, then inserted.
func (t *tx) replaceRollups(ctx context.Context, st *planState, r *status.Rollup, nodes, units []string) error {
	nodeRows := [][]any{append([]any{st.plan.ID, int64(0)}, aggregateArgs(r.Plan())...)}
	ids := []any{int64(0)}
	for _, code := range nodes {
		if a, ok := r.Node(code); ok && st.byCode[code] != nil {
			id := st.byCode[code].ID
			ids = append(ids, id)
			nodeRows = append(nodeRows, append([]any{st.plan.ID, id}, aggregateArgs(a)...))
		}
	}
	unitIDs, err := t.unitIDs(ctx, units)
	if err != nil {
		return err
	}
	var unitRows [][]any
	var uids []any
	for _, u := range units {
		if a, ok := r.Unit(u); ok && unitIDs[u] != 0 {
			uids = append(uids, unitIDs[u])
			unitRows = append(unitRows, append([]any{st.plan.ID, unitIDs[u]}, aggregateArgs(a)...))
		}
	}
	for _, del := range []struct {
		table, key string
		ids        []any
	}{{"node_rollup", "node_id", ids}, {"unit_rollup", "unit_id", uids}} {
		for start := 0; start < len(del.ids); start += lookupChunk {
			chunk := del.ids[start:min(start+lookupChunk, len(del.ids))]
			if _, err := t.exec(ctx, "DELETE FROM "+del.table+" WHERE plan_id = ? AND "+del.key+" IN ("+
				placeholders(len(chunk))+")", append([]any{st.plan.ID}, chunk...)...); err != nil {
				return err
			}
		}
	}
	if err := t.bulkInsert(ctx, "node_rollup", append([]string{"plan_id", "node_id"}, rollupColumns...), nodeRows); err != nil {
		return err
	}
	return t.bulkInsert(ctx, "unit_rollup", append([]string{"plan_id", "unit_id"}, rollupColumns...), unitRows)
}
