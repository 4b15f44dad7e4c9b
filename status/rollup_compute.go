package status

import "sort"

// accumulator sums weighted parts into an Aggregate.
type accumulator struct {
	a                  Aggregate
	weight, prog, expd float64
}

func (acc *accumulator) item(res *Result, w float64) {
	acc.a.Items++
	if !res.Rate { // a rate or level is judged by its light only, never averaged as % done
		acc.weight += w
		acc.prog += w * res.Actual
		acc.expd += w * res.Expected
		acc.a.Measured++
	}
	acc.a.Counts.add(res.Status)
	acc.worst(res.Status, res.Indicator)
}

func (acc *accumulator) part(sub *Aggregate, w float64) {
	if sub.Items == 0 {
		return
	}
	if sub.Measured > 0 {
		acc.weight += w
		acc.prog += w * sub.Progress
		acc.expd += w * sub.Expected
		acc.a.Measured += sub.Measured
	}
	acc.a.Items += sub.Items
	acc.a.Counts.addAll(sub.Counts)
	acc.worst(sub.Worst, sub.WorstItem)
}

func (acc *accumulator) worst(s Status, code string) {
	if acc.a.Worst == "" || s.Worse(acc.a.Worst) {
		acc.a.Worst, acc.a.WorstItem = s, code
	}
}

func (acc *accumulator) result() Aggregate {
	if acc.weight > 0 {
		acc.a.Progress = acc.prog / acc.weight
		acc.a.Expected = acc.expd / acc.weight
		acc.a.Gap = (acc.a.Expected - acc.a.Progress) * 100
	}
	return acc.a
}

// recompute rebuilds node i from its own results and its children's
// aggregates; index len(codes) is the whole plan.
func (r *Rollup) recompute(i int) {
	var acc accumulator
	for _, k := range r.own[i] {
		acc.item(&r.items[k], 1)
	}
	for _, c := range r.children[i] {
		acc.part(&r.nodes[c], r.weight[c])
	}
	r.nodes[i] = acc.result()
}

func (r *Rollup) recomputeUnit(u string) {
	if u == "" {
		return
	}
	ks := r.unitItems[u]
	if len(ks) == 0 {
		delete(r.units, u)
		return
	}
	var acc accumulator
	for _, k := range ks {
		acc.item(&r.items[k], r.weight[r.itemNode[k]])
	}
	a := acc.result()
	r.units[u] = &a
}

// Node is the aggregate of the node with the given code.
func (r *Rollup) Node(code string) (Aggregate, bool) {
	i, ok := r.index[code]
	if !ok {
		return Aggregate{}, false
	}
	return r.nodes[i], true
}

// Plan is the aggregate of the whole plan: the weighted mean over its top
// nodes.
func (r *Rollup) Plan() Aggregate { return r.nodes[len(r.codes)] }

// Unit is the aggregate of the indicators a unit leads.
func (r *Rollup) Unit(code string) (Aggregate, bool) {
	a, ok := r.units[code]
	if !ok {
		return Aggregate{}, false
	}
	return *a, true
}

// Units lists the codes of units that lead at least one indicator, sorted.
func (r *Rollup) Units() []string {
	out := make([]string, 0, len(r.units))
	for u := range r.units {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// Result is the stored result of one indicator.
func (r *Rollup) Result(code string) (Result, bool) {
	k, ok := r.itemIndex[code]
	if !ok {
		return Result{}, false
	}
	return r.items[k], true
}
