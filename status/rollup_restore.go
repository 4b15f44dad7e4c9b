package status

import "github.com/duban-dev/duban"

// StoredAggregates are a plan's rollups as a store keeps them: the whole
// plan, each node by code and each unit by code.
type StoredAggregates struct {
	Plan  Aggregate
	Nodes map[string]Aggregate
	Units map[string]Aggregate
}

// RestoreRollup rebuilds a Rollup from stored results and aggregates. It
// keeps what the store holds (counts, worst item, progress) and derives
// only what moves with the day, every aggregate's Expected and Gap, from
// the results' Expected, as NewRollup would. Update works on it as on one
// NewRollup made.
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
	r.deriveExpected()
	return r, nil
}

// deriveExpected recomputes each aggregate's Expected and Gap, children
// before parents and the plan last, keeping the rest of it as stored.
func (r *Rollup) deriveExpected() {
	for i := len(r.codes) - 1; i >= 0; i-- {
		r.deriveNodeExpected(i)
	}
	r.deriveNodeExpected(len(r.codes))
	for u, a := range r.units {
		stored := *a
		r.recomputeUnit(u)
		if fresh, ok := r.units[u]; ok {
			kept := withExpected(stored, *fresh)
			r.units[u] = &kept
		}
	}
}

func (r *Rollup) deriveNodeExpected(i int) {
	stored := r.nodes[i]
	r.recompute(i)
	r.nodes[i] = withExpected(stored, r.nodes[i])
}

// withExpected is the stored aggregate with fresh's Expected and the gap
// between it and the stored progress.
func withExpected(stored, fresh Aggregate) Aggregate {
	stored.Expected = fresh.Expected
	if stored.Measured > 0 {
		stored.Gap = (stored.Expected - stored.Progress) * 100
	}
	return stored
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
