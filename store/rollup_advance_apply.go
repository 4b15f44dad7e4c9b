package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/duban-dev/duban/status"
)

// aggKey names a stored rollup row: a plan and a node (0: the plan) or a
// unit.
type aggKey struct{ plan, id int64 }

// aggUpdate is a stored rollup row the day's flips change.
type aggUpdate struct {
	unit bool // unit_rollup, else node_rollup
	key  aggKey
	agg  status.Aggregate
}

// itemKey names an indicator by plan and code, as a rollup's worst item.
type itemKey struct {
	plan int64
	code string
}

// applyFlips works out the stored rollups the flips change. A plan where
// the deltas cannot tell the outcome is marked whole (re-judged by
// advancePlan) and none of its rollups is returned.
func (t *tx) applyFlips(ctx context.Context, flips []*flip, whole map[int64]bool) ([]aggUpdate, error) {
	if len(flips) == 0 {
		return nil, nil
	}
	nodeFlips, unitFlips, err := t.placeFlips(ctx, flips)
	if err != nil {
		return nil, err
	}
	stored, err := t.storedAggregatesOf(ctx, nodeFlips, unitFlips)
	if err != nil {
		return nil, err
	}
	positions := map[itemKey]*flip{}
	missing := map[itemKey]bool{}
	updates, undecided := deltasOf(stored, nodeFlips, unitFlips, positions, missing)
	if len(missing) > 0 {
		if err := t.itemPositions(ctx, missing, positions); err != nil {
			return nil, err
		}
		updates, undecided = deltasOf(stored, nodeFlips, unitFlips, positions, nil)
	}
	for plan := range undecided {
		whole[plan] = true
	}
	kept := updates[:0]
	for _, u := range updates {
		if !whole[u.key.plan] {
			kept = append(kept, u)
		}
	}
	return kept, nil
}

// deltasOf applies the flips to every stored aggregate they touch. The
// position of a stored worst item a flip must be ordered against comes
// from positions; one not there is added to missing (when given) and its
// plan counted undecided.
func deltasOf(stored map[bool]map[aggKey]status.Aggregate, nodeFlips, unitFlips map[aggKey][]*flip,
	positions map[itemKey]*flip, missing map[itemKey]bool) ([]aggUpdate, map[int64]bool) {
	undecided := map[int64]bool{}
	var out []aggUpdate
	for _, unit := range []bool{false, true} {
		groups, order := nodeFlips, treeBefore
		if unit {
			groups, order = unitFlips, unitBefore
		}
		for key, fs := range groups {
			a, ok := stored[unit][key]
			if !ok {
				undecided[key.plan] = true
				continue
			}
			before := func(f *flip) (bool, bool) {
				k := itemKey{key.plan, a.WorstItem}
				pos, known := positions[k]
				if !known && missing != nil {
					missing[k] = true
				}
				return known && order(f, pos) < 0, known
			}
			next, ok := aggregateDelta(a, fs, order, before)
			if !ok {
				undecided[key.plan] = true
				continue
			}
			out = append(out, aggUpdate{unit: unit, key: key, agg: next})
		}
	}
	return out, undecided
}

// placeFlips groups the flips by the nodes above them (their own node,
// its ancestors and the plan as node 0) and by the unit that leads them:
// the nearest lead unit from their node up, as status.Rollup assigns it.
func (t *tx) placeFlips(ctx context.Context, flips []*flip) (nodes, units map[aggKey][]*flip, err error) {
	var start []int64
	for _, f := range flips {
		start = append(start, f.nodeID)
	}
	links, err := t.nodeLinks(ctx, start)
	if err != nil {
		return nil, nil, err
	}
	nodes, units = map[aggKey][]*flip{}, map[aggKey][]*flip{}
	for _, f := range flips {
		nodes[aggKey{f.planID, 0}] = append(nodes[aggKey{f.planID, 0}], f)
		var unit int64
		for id := f.nodeID; id != 0; id = links[id].parent {
			nodes[aggKey{f.planID, id}] = append(nodes[aggKey{f.planID, id}], f)
			if unit == 0 {
				unit = links[id].unit
			}
		}
		if unit != 0 {
			units[aggKey{f.planID, unit}] = append(units[aggKey{f.planID, unit}], f)
		}
	}
	return nodes, units, nil
}

// nodeLink is a node's parent and lead unit (0 for none).
type nodeLink struct{ parent, unit int64 }

// nodeLinks reads the nodes and all their ancestors, a level of the tree
// a query.
func (t *tx) nodeLinks(ctx context.Context, ids []int64) (map[int64]nodeLink, error) {
	links := map[int64]nodeLink{}
	for len(ids) > 0 {
		var next []int64
		err := t.queryIDs(ctx, "SELECT id, parent_id, lead_unit_id FROM nodes WHERE id", nil, ids, "", func(rows *sql.Rows) error {
			var id int64
			var parent, unit sql.NullInt64
			if err := rows.Scan(&id, &parent, &unit); err != nil {
				return err
			}
			links[id] = nodeLink{parent.Int64, unit.Int64}
			if _, seen := links[parent.Int64]; parent.Valid && !seen {
				next = append(next, parent.Int64)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		ids = next
	}
	return links, nil
}

// storedAggregatesOf reads the stored rollup rows the flips touch, node
// rows under false and unit rows under true.
func (t *tx) storedAggregatesOf(ctx context.Context, nodeFlips, unitFlips map[aggKey][]*flip) (map[bool]map[aggKey]status.Aggregate, error) {
	out := map[bool]map[aggKey]status.Aggregate{false: {}, true: {}}
	keep := func(unit bool, want map[aggKey][]*flip) func(*sql.Rows) error {
		return func(rows *sql.Rows) error {
			var k aggKey
			a, err := scanAggregate(rows, &k.plan, &k.id)
			if _, ok := want[k]; ok {
				out[unit][k] = a
			}
			return err
		}
	}
	for _, table := range []struct {
		name, key string
		unit      bool
		want      map[aggKey][]*flip
	}{{"node_rollup", "node_id", false, nodeFlips}, {"unit_rollup", "unit_id", true, unitFlips}} {
		keys := make([][]any, 0, len(table.want))
		for k := range table.want {
			keys = append(keys, []any{k.plan, k.id})
		}
		err := t.forValues(keys, "id,id", []string{"plan_id", "id"}, func(values string, args []any) error {
			return t.eachRow(ctx, "SELECT r.plan_id, r."+table.key+", "+joinColumns(prefixed("r.", rollupColumns))+
				" FROM "+table.name+" r JOIN ("+values+") k ON k.plan_id = r.plan_id AND k.id = r."+table.key, args,
				keep(table.unit, table.want))
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// itemPositions looks up where named indicators stand in their plans'
// trees.
func (t *tx) itemPositions(ctx context.Context, want map[itemKey]bool, into map[itemKey]*flip) error {
	var rows [][]any
	for k := range want {
		rows = append(rows, []any{k.plan, k.code})
	}
	return t.forValues(rows, "id,text", []string{"plan_id", "code"}, func(values string, args []any) error {
		return t.eachRow(ctx, `SELECT i.plan_id, i.code, n.tree_pos, i.seq FROM indicators i JOIN nodes n ON n.id = i.node_id
			JOIN (`+values+`) k ON k.plan_id = i.plan_id AND k.code = i.code`, args, func(r *sql.Rows) error {
			f := &flip{}
			err := r.Scan(&f.planID, &f.code, &f.treePos, &f.seq)
			into[itemKey{f.planID, f.code}] = f
			return err
		})
	})
}

// writeAggregates stores the changed counts and worst items.
func (t *tx) writeAggregates(ctx context.Context, updates []aggUpdate) error {
	cols := []string{"worst", "worst_item", "n_overdue", "n_lagging", "n_not_reported", "n_warning", "n_on_track",
		"n_not_started", "n_done"}
	byTable := map[bool][][]any{}
	for _, u := range updates {
		row := []any{u.key.plan, u.key.id, string(u.agg.Worst), u.agg.WorstItem}
		for _, n := range u.agg.Counts {
			row = append(row, n)
		}
		byTable[u.unit] = append(byTable[u.unit], row)
	}
	types := "id,id,text,text" + strings.Repeat(",int", len(status.Statuses))
	if err := t.updateFrom(ctx, "node_rollup", []string{"plan_id", "node_id"}, cols, types, byTable[false]); err != nil {
		return err
	}
	return t.updateFrom(ctx, "unit_rollup", []string{"plan_id", "unit_id"}, cols, types, byTable[true])
}

// shiftAreaRollup moves each flipped item between the status rows of its
// plan and area in area_status_rollup, and drops rows left empty.
func (t *tx) shiftAreaRollup(ctx context.Context, flips []*flip, whole map[int64]bool) error {
	type key struct {
		plan         int64
		area, status string
	}
	type delta struct {
		items    int
		progress float64
	}
	deltas := map[key]*delta{}
	var order []key
	shift := func(k key, items int, progress float64) {
		if deltas[k] == nil {
			deltas[k] = &delta{}
			order = append(order, k)
		}
		deltas[k].items += items
		deltas[k].progress += progress
	}
	for _, f := range flips {
		if !whole[f.planID] {
			shift(key{f.planID, f.area, string(f.from)}, -1, -f.progress)
			shift(key{f.planID, f.area, string(f.to)}, 1, f.progress)
		}
	}
	if len(order) == 0 {
		return nil
	}
	const cols = 5
	for start := 0; start < len(order); start += 900 / cols {
		chunk := order[start:min(start+900/cols, len(order))]
		var args []any
		for _, k := range chunk {
			args = append(args, k.plan, k.area, k.status, deltas[k].items, deltas[k].progress)
		}
		values := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?), ", len(chunk)), ", ")
		if _, err := t.exec(ctx, `INSERT INTO area_status_rollup (plan_id, area, status, items, progress_sum) VALUES `+values+`
			ON CONFLICT (plan_id, area, status) DO UPDATE SET items = area_status_rollup.items + excluded.items,
			progress_sum = area_status_rollup.progress_sum + excluded.progress_sum`, args...); err != nil {
			return err
		}
	}
	_, err := t.exec(ctx, "DELETE FROM area_status_rollup WHERE items = 0")
	return err
}
