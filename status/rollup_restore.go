package status

import "github.com/duban-dev/duban"

// StoredAggregates are a plan's rollups as a store keeps them: the whole
// plan, each node by code and each unit by code.
type StoredAggregates struct {
	Plan  Aggregate
	Nodes map[string]Aggregate
	Units map[string]Aggregate
}

// RestoreRollup rebuilds a Rollup from stored results and aggregates
// without recomputing them, so reading a stored plan costs no arithmetic
// over its items. Update works on it as on one NewRollup made.
func RestoreRollup(nodes []duban.Node, results []Result, agg StoredAggregates) (*Rollup, error) {
	r, err := newTree(nodes)
	if err != nil {
		return nil, err
	}
	r.items, r.itemNode = make([]Result, 0, len(results)), make([]int, 0, len(results))
	for _, res := range results {
		if err := r.place(res); err != nil {
			return nil, err
		}
	}
	for i, code := range r.codes {
		r.nodes[i] = agg.Nodes[code]
	}
	r.nodes[len(r.codes)] = agg.Plan
	for u := range r.unitItems {
		if a, ok := agg.Units[u]; ok {
			r.units[u] = &a
		}
	}
	return r, nil
}

// UnitOf is the unit that leads the node's items: its own lead unit, else
// its nearest ancestor's; "" for an unknown node or none.
func (r *Rollup) UnitOf(nodeCode string) string {
	i, ok := r.index[nodeCode]
	if !ok {
		return ""
	}
	return r.unit[i]
}

// Ancestors lists the node's code and those of its ancestors, nearest
// first; empty for an unknown node.
func (r *Rollup) Ancestors(nodeCode string) []string {
	var out []string
	i, ok := r.index[nodeCode]
	for ok && i >= 0 && i < len(r.codes) {
		out = append(out, r.codes[i])
		i = r.parent[i]
	}
	return out
}

// StoredPlan is a plan's evaluation as a store keeps it: the plan's
// structure (a snapshot without reports), the day it was judged as of, the
// version stamp of that state, each indicator's result in indicator order
// and the rollups.
type StoredPlan struct {
	Snapshot   duban.Snapshot
	AsOf       duban.Date
	Version    int64
	Results    []Result
	Aggregates StoredAggregates
}
