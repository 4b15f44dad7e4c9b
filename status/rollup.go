package status

import (
	"fmt"
	"slices"

	"github.com/duban-dev/duban"
)

// Aggregate sums the items (indicator results) under a node or a unit.
// Progress and Expected are weighted means (0..1); Gap is in points.
type Aggregate struct {
	Progress  float64 `json:"progress"`
	Expected  float64 `json:"expected"`
	Gap       float64 `json:"gap"`
	Items     int     `json:"items"`
	Measured  int     `json:"measured"` // items averaged into Progress: all but rates and levels
	Counts    Counts  `json:"counts"`
	Worst     Status  `json:"worst,omitempty"`
	WorstItem string  `json:"worst_item,omitempty"` // indicator code; the first in tree order on ties
}

// Rollup is the state of a whole plan: every node's and every unit's
// aggregate. A node's aggregate is the weighted mean over its parts: each
// indicator on the node itself with weight 1, and each child node that has
// measured items beneath it with its EffectiveWeight. Rates and levels
// (Result.Rate) count in Counts and Worst but never in Progress. A unit's aggregate is the mean
// of the indicators it leads (the node's lead unit, else the nearest
// ancestor's), each weighted by its node's EffectiveWeight.
type Rollup struct {
	codes     []string // node codes in pre-order; index len(codes) is the plan
	index     map[string]int
	parent    []int
	children  [][]int
	weight    []float64
	unit      []string
	own       [][]int // item indexes per node
	items     []Result
	itemNode  []int // node index of each item
	itemIndex map[string]int
	nodes     []Aggregate
	units     map[string]*Aggregate
	unitItems map[string][]int
}

// NewRollup computes the rollup of a plan's nodes (in pre-order, parents
// before children) and its indicator results. A result naming an unknown
// node, a repeated indicator or a parent listed after its child is an error.
func NewRollup(nodes []duban.Node, results []Result) (*Rollup, error) {
	r, err := newTree(nodes)
	if err != nil {
		return nil, err
	}
	r.items, r.itemNode = make([]Result, 0, len(results)), make([]int, 0, len(results))
	r.itemIndex = make(map[string]int, len(results))
	for _, res := range results {
		if _, dup := r.itemIndex[res.Indicator]; dup {
			return nil, rollupError("indicator", res.Indicator, "id", "指标重复 (duplicate indicator)")
		}
		if err := r.place(res); err != nil {
			return nil, err
		}
	}
	// Children follow their parents, so reverse pre-order sees them first;
	// the plan (index len(codes)) comes last.
	for i := len(r.codes) - 1; i >= 0; i-- {
		r.recompute(i)
	}
	r.recompute(len(r.codes))
	for u := range r.unitItems {
		r.recomputeUnit(u)
	}
	return r, nil
}

func newTree(nodes []duban.Node) (*Rollup, error) {
	n := len(nodes)
	r := &Rollup{
		codes: make([]string, n), index: make(map[string]int, n),
		parent: make([]int, n+1), children: make([][]int, n+1), weight: make([]float64, n+1),
		unit: make([]string, n+1), own: make([][]int, n+1), nodes: make([]Aggregate, n+1),
		itemIndex: map[string]int{}, units: map[string]*Aggregate{}, unitItems: map[string][]int{},
	}
	r.parent[n] = -1
	for i := range nodes {
		nd := &nodes[i]
		p, ok := n, true
		if nd.ParentCode != "" {
			p, ok = r.index[nd.ParentCode]
		}
		if _, dup := r.index[nd.Code]; dup {
			return nil, rollupError("node", nd.Code, "id", "事项编号重复 (duplicate node)")
		}
		if !ok {
			return nil, rollupError("node", nd.Code, "parent", fmt.Sprintf("上级事项 %q 不存在或排在其后 (unknown parent, or listed after this node)", nd.ParentCode))
		}
		r.codes[i], r.index[nd.Code], r.parent[i] = nd.Code, i, p
		r.children[p] = append(r.children[p], i)
		r.weight[i] = nd.EffectiveWeight()
		r.unit[i] = nd.LeadUnit
		if r.unit[i] == "" {
			r.unit[i] = r.unit[p]
		}
	}
	return r, nil
}

// place files a result under its node and unit without recomputing.
func (r *Rollup) place(res Result) error {
	i, ok := r.index[res.Node]
	if !ok {
		return rollupError("indicator", res.Indicator, "node", fmt.Sprintf("事项 %q 不存在 (unknown node)", res.Node))
	}
	k, known := r.itemIndex[res.Indicator]
	if known {
		r.items[k], r.itemNode[k] = res, i
	} else {
		k = len(r.items)
		r.items, r.itemNode = append(r.items, res), append(r.itemNode, i)
		r.itemIndex[res.Indicator] = k
	}
	r.own[i] = append(r.own[i], k)
	if u := r.unit[i]; u != "" {
		r.unitItems[u] = append(r.unitItems[u], k)
	}
	return nil
}

func rollupError(entity, key, field, msg string) error {
	return duban.Invalid("无法汇总 (cannot roll up)", duban.FieldError{Entity: entity, Key: key, Field: field, Message: msg})
}

// Update replaces (or adds) one indicator's result and recomputes only the
// nodes above it and its unit. The outcome equals a full NewRollup over the
// changed results (an indicator moved to another node sorts after that
// node's others, which matters only for ties of WorstItem).
func (r *Rollup) Update(itemCode string, res Result) error {
	res.Indicator = itemCode
	i, ok := r.index[res.Node]
	if !ok {
		return rollupError("indicator", itemCode, "node", fmt.Sprintf("事项 %q 不存在 (unknown node)", res.Node))
	}
	k, existed := r.itemIndex[itemCode]
	if !existed {
		_ = r.place(res)
		r.recomputeUp(i)
		r.recomputeUnit(r.unit[i])
		return nil
	}
	old := r.itemNode[k]
	if old == i {
		r.items[k] = res
	} else {
		r.unplace(k, old)
		_ = r.place(res)
		r.recomputeUp(old)
		r.recomputeUnit(r.unit[old])
	}
	r.recomputeUp(i)
	r.recomputeUnit(r.unit[i])
	return nil
}

func (r *Rollup) unplace(k, node int) {
	isK := func(v int) bool { return v == k }
	r.own[node] = slices.DeleteFunc(r.own[node], isK)
	if u := r.unit[node]; u != "" {
		r.unitItems[u] = slices.DeleteFunc(r.unitItems[u], isK)
	}
}

func (r *Rollup) recomputeUp(i int) {
	for ; i >= 0; i = r.parent[i] {
		r.recompute(i)
	}
}
