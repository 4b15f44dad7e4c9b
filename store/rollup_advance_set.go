package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// moveChunkRows bounds the indicators due that one transaction of the
// daily move re-judges (with the plans they belong to, and as many plans
// with none as come between): a quiet national day (≈ 6 k) is one
// transaction; a deadline day (≈ 500 k) two dozen, run side by side on
// PostgreSQL, each holding a few thousand rows in memory.
var moveChunkRows = 20_000

// dayPlan is what the daily move needs of a plan it moves.
type dayPlan struct {
	start, end duban.Date
	profile    status.Profile
}

// dueRow is an indicator due on the day, with its stored light and inputs.
type dueRow struct {
	in           status.IndicatorInput
	planID       int64
	area         string
	light        status.Status
	missing      string
	progress     float64
	pending      duban.Date
	treePos, seq int
}

// moveDay moves the given plans, if still judged as of an earlier day,
// to the day in one transaction, set-based: it reads only their
// indicators due (whose light may flip), re-judges them from their stored
// inputs, writes the rows that change, applies the flipped lights to the
// stored rollups as deltas and stamps the plans. A plan where a counted
// report's period has begun, or where the deltas cannot tell the worst
// item, is re-judged whole instead (advancePlan).
func (t *tx) moveDay(ctx context.Context, ids []int64, day duban.Date, actor string, adv *Advance) error {
	plans, err := t.plansBehind(ctx, ids, day)
	if err != nil || len(plans) == 0 {
		return err
	}
	rows, err := t.dueRows(ctx, sortedKeys(plans), day)
	if err != nil {
		return err
	}
	whole := map[int64]bool{}
	for _, r := range rows {
		if !r.pending.IsZero() && !r.pending.After(day) {
			whole[r.planID] = true
		}
	}
	var moved []judgedRow
	for i := range rows {
		if !whole[rows[i].planID] {
			moved = append(moved, judgeRow(&rows[i], plans[rows[i].planID], day))
		}
	}
	flips := flipsOf(moved)
	aggs, err := t.applyFlips(ctx, flips, whole)
	if err != nil {
		return err
	}
	kept := moved[:0]
	for _, m := range moved {
		if !whole[m.row.planID] {
			kept = append(kept, m)
		}
	}
	adv.Rejudged += len(kept)
	if err := t.writeMoved(ctx, kept, day, actor); err != nil {
		return err
	}
	if err := t.writeAggregates(ctx, aggs); err != nil {
		return err
	}
	if err := t.shiftAreaRollup(ctx, flips, whole); err != nil {
		return err
	}
	if err := t.stampPlans(ctx, plans, whole, day, adv); err != nil {
		return err
	}
	adv.Whole += len(whole)
	for _, id := range sortedKeys(whole) {
		if err := t.advancePlan(ctx, id, day, actor, adv); err != nil {
			return err
		}
	}
	return nil
}

// stampPlans moves the plans but the whole ones to the day.
func (t *tx) stampPlans(ctx context.Context, plans map[int64]dayPlan, whole map[int64]bool, day duban.Date, adv *Advance) error {
	var ids []int64
	for id := range plans {
		if !whole[id] {
			ids = append(ids, id)
		}
	}
	adv.Unchanged += len(ids)
	rows := make([][]any, len(ids))
	for i, id := range ids {
		rows[i] = []any{id, day}
	}
	return t.forValues(rows, "id,date", []string{"id", "day"}, func(values string, args []any) error {
		_, err := t.exec(ctx, "UPDATE plans SET status_as_of = v.day, status_version = status_version + 1 FROM ("+values+
			") v WHERE plans.id = v.id", args...)
		return err
	})
}

func sortedKeys[V any](m map[int64]V) []int64 {
	out := slices.Collect(maps.Keys(m))
	slices.Sort(out)
	return out
}

// judgedRow is a due row judged as of the day.
type judgedRow struct {
	row  *dueRow
	res  status.Result
	next duban.Date
}

func judgeRow(r *dueRow, p dayPlan, day duban.Date) judgedRow {
	r.in.PlanStart, r.in.PlanEnd = p.start, p.end
	j := judgedRow{row: r, res: status.Evaluate(r.in, day, p.profile), next: status.NextChange(r.in, day, p.profile)}
	if !r.pending.IsZero() && (j.next.IsZero() || r.pending.Before(j.next)) {
		j.next = r.pending
	}
	return j
}

// flipsOf lists the judged rows whose status changed.
func flipsOf(moved []judgedRow) []*flip {
	var out []*flip
	for _, m := range moved {
		r := m.row
		if m.res.Status == r.light {
			continue
		}
		out = append(out, &flip{planID: r.planID, indicatorID: r.in.Indicator.ID, nodeID: r.in.Indicator.NodeID, code: r.in.Indicator.Code, area: r.area,
			treePos: r.treePos, seq: r.seq, progress: r.progress, from: r.light, to: m.res.Status})
	}
	sortedFlips(out)
	return out
}

// plansBehind locks and reads those of the plans still judged as of an
// earlier day; a plan naming no known profile is never stored, so never
// here.
func (t *tx) plansBehind(ctx context.Context, ids []int64, day duban.Date) (map[int64]dayPlan, error) {
	out := map[int64]dayPlan{}
	err := t.queryIDs(ctx, "SELECT p.id, p.period_start, p.period_end, p.profile FROM plans p WHERE p.status_as_of < ? AND p.id",
		[]any{dateArg(day)}, ids, "ORDER BY p.id"+t.lockRows("p"), func(rows *sql.Rows) error {
			var id int64
			var p dayPlan
			var profile string
			if err := rows.Scan(&id, dateCol{&p.start}, dateCol{&p.end}, &profile); err != nil {
				return err
			}
			var err error
			if p.profile, err = status.ProfileByName(profile); err == nil {
				out[id] = p
			}
			return nil
		})
	return out, err
}

// dueRows reads the plans' indicators whose light may flip by the day,
// with their stored inputs and their place in the tree: one range of
// indicator_status_plan_next a plan.
func (t *tx) dueRows(ctx context.Context, plans []int64, day duban.Date) ([]dueRow, error) {
	var out []dueRow
	err := t.queryIDs(ctx, "SELECT "+indicatorColumns+`, s.area, s.status, s.missing, s.progress, s.period, s.value,
		s.latest_milestones, s.reported, s.pending_from, n.start_date, n.deadline, n.tree_pos, i.seq
		FROM indicator_status s JOIN indicators i ON i.id = s.indicator_id
		JOIN nodes n ON n.id = i.node_id WHERE s.next_change_on <= ? AND s.plan_id`, []any{dateArg(day)}, plans, "",
		func(rows *sql.Rows) error {
			var r dueRow
			var obs status.Observation
			var value sql.NullFloat64
			var reported []byte
			ind, err := scanIndicator(rows, &r.area, &r.light, &r.missing, &r.progress, &obs.Period, &value,
				&obs.MilestonesDone, &reported, dateCol{&r.pending}, dateCol{&r.in.Start}, dateCol{&r.in.Deadline}, &r.treePos, &r.seq)
			if err != nil {
				return err
			}
			r.in.Indicator, r.planID = ind, ind.PlanID
			if obs.Period != "" {
				if value.Valid {
					obs.Value = &value.Float64
				}
				r.in.Latest = &obs
			}
			if err := json.Unmarshal(reported, &r.in.Reported); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	return out, err
}

// writeMoved stores the judged rows: the light, missing period and judged
// day of those that changed, the next day to look again of every one.
func (t *tx) writeMoved(ctx context.Context, moved []judgedRow, day duban.Date, actor string) error {
	var changed, calm [][]any
	before := map[int64]string{}
	var after []duban.IndicatorStatus
	for _, m := range moved {
		r := m.row
		if m.res.Status == r.light && m.res.Missing == r.missing {
			calm = append(calm, []any{r.in.Indicator.ID, m.next})
			continue
		}
		changed = append(changed, []any{r.in.Indicator.ID, string(m.res.Status), m.res.Missing, day, m.next})
		before[r.in.Indicator.ID] = string(r.light)
		after = append(after, duban.IndicatorStatus{IndicatorID: r.in.Indicator.ID, Status: string(m.res.Status),
			Progress: m.res.Actual, AsOf: day})
	}
	if err := t.updateFrom(ctx, "indicator_status", []string{"indicator_id"}, []string{"next_change_on"}, "id,date", calm); err != nil {
		return err
	}
	if err := t.updateFrom(ctx, "indicator_status", []string{"indicator_id"},
		[]string{"status", "missing", "as_of", "next_change_on"}, "id,text,text,date,date", changed); err != nil {
		return err
	}
	return t.auditStatusChanges(ctx, before, after, actor)
}

// updateFrom updates rows of table by key from a list of values, a few
// hundred rows a statement: UPDATE … FROM a derived table, which both
// engines speak. types names each column's type (id, int, text, date,
// real), comma-separated, keys first, for PostgreSQL's casts.
func (t *tx) updateFrom(ctx context.Context, table string, keys, cols []string, types string, rows [][]any) error {
	var set, match []string
	for _, c := range cols {
		set = append(set, c+" = v."+c)
	}
	for _, k := range keys {
		match = append(match, table+"."+k+" = v."+k)
	}
	all := append(append([]string{}, keys...), cols...)
	return t.forValues(rows, types, all, func(values string, args []any) error {
		_, err := t.exec(ctx, "UPDATE "+table+" SET "+strings.Join(set, ", ")+" FROM ("+values+") v WHERE "+
			strings.Join(match, " AND "), args...)
		return err
	})
}

// forValues calls fn with rows as a derived table, its columns named
// cols and typed by types (id, int, text, date: a duban.Date, real), and
// its arguments. On PostgreSQL that is one unnest of one array a column,
// whatever the number of rows (a list of SELECTs would cost more to plan
// than to run); on SQLite a few hundred rows of SELECT … UNION ALL at a
// time.
func (t *tx) forValues(rows [][]any, types string, cols []string, fn func(values string, args []any) error) error {
	if len(rows) == 0 {
		return nil
	}
	kinds := strings.Split(types, ",")
	if t.db.dialect == DialectPostgres {
		values, args := unnestValues(rows, kinds, cols)
		return fn(values, args)
	}
	per := min(400, max(1, 900/len(cols)))
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		sel := make([]string, len(chunk))
		var args []any
		for i, row := range chunk {
			fields := make([]string, len(cols))
			for k, c := range cols {
				fields[k] = "?"
				if i == 0 {
					fields[k] += " AS " + c
				}
				if d, ok := row[k].(duban.Date); ok {
					row[k] = dateArg(d)
				}
			}
			sel[i] = "SELECT " + strings.Join(fields, ", ")
			args = append(args, row...)
		}
		if err := fn(strings.Join(sel, " UNION ALL "), args); err != nil {
			return err
		}
	}
	return nil
}

// unnestValues is forValues's derived table on PostgreSQL: a typed array
// a column; dates travel as text, "" for none.
func unnestValues(rows [][]any, kinds, cols []string) (string, []any) {
	arrayType := map[string]string{"id": "BIGINT[]", "int": "BIGINT[]", "text": "TEXT[]", "date": "TEXT[]", "real": "DOUBLE PRECISION[]"}
	params, fields := make([]string, len(cols)), make([]string, len(cols))
	args := make([]any, len(cols))
	for k, c := range cols {
		params[k] = "CAST(? AS " + arrayType[kinds[k]] + ")"
		fields[k] = "u." + c
		switch kinds[k] {
		case "id", "int":
			a := make([]int64, len(rows))
			for i, r := range rows {
				a[i] = toInt64(r[k])
			}
			args[k] = a
		case "real":
			a := make([]float64, len(rows))
			for i, r := range rows {
				a[i], _ = r[k].(float64)
			}
			args[k] = a
		default:
			a := make([]string, len(rows))
			for i, r := range rows {
				switch v := r[k].(type) {
				case string:
					a[i] = v
				case duban.Date:
					if !v.IsZero() {
						a[i] = v.String()
					}
				}
			}
			args[k] = a
			if kinds[k] == "date" {
				fields[k] = "CAST(NULLIF(u." + c + ", '') AS DATE) AS " + c
			}
		}
	}
	return "SELECT " + strings.Join(fields, ", ") + " FROM unnest(" + strings.Join(params, ", ") + ") AS u(" +
		strings.Join(cols, ", ") + ")", args
}

func toInt64(v any) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case int:
		return int64(n)
	}
	return 0
}
