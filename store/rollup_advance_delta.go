package store

import (
	"cmp"
	"slices"

	"github.com/duban-dev/duban/status"
)

// flip is one indicator whose light the day changed, placed in its plan's
// tree: the daily move applies flips to the stored rollups as deltas
// instead of recomputing whole plans.
type flip struct {
	planID       int64
	indicatorID  int64
	nodeID       int64
	code, area   string
	treePos, seq int
	progress     float64
	from, to     status.Status
}

// treeBefore orders items as a node's rollup meets them: pre-order of
// their nodes, then plan order within a node (status.Rollup's WorstItem
// is the first in this order on ties).
func treeBefore(a, b *flip) int {
	return cmp.Or(cmp.Compare(a.treePos, b.treePos), cmp.Compare(a.seq, b.seq))
}

// unitBefore orders items as a unit's rollup meets them: plan order.
func unitBefore(a, b *flip) int { return cmp.Compare(a.seq, b.seq) }

// aggregateDelta applies the flips under one node or unit to its stored
// aggregate. ok is false when the outcome cannot be told from the flips
// alone: the worst light got better (its last item left it), the stored
// worst item itself got better, or a flip into the worst light must be
// ordered against the stored worst item and before cannot tell (its second
// result, known, is false; its first says whether the flip comes first).
func aggregateDelta(a status.Aggregate, flips []*flip, order func(a, b *flip) int, before func(*flip) (bool, bool)) (status.Aggregate, bool) {
	for _, f := range flips {
		if f.code == a.WorstItem && !f.to.Worse(f.from) {
			return a, false // the worst item got better: which one leads now is not in the flips
		}
		a.Counts[f.from.Severity()]--
		a.Counts[f.to.Severity()]++
	}
	worst := worstOf(a.Counts)
	var first *flip
	for _, f := range flips {
		if f.to == worst && (first == nil || order(f, first) < 0) {
			first = f
		}
	}
	switch {
	case first != nil && (a.Worst == "" || worst.Worse(a.Worst)):
		// no item had this light before: the first flip into it leads
		a.Worst, a.WorstItem = worst, first.code
	case worst != a.Worst:
		return a, false
	case first != nil:
		precedes, known := before(first)
		if !known {
			return a, false
		}
		if precedes {
			a.WorstItem = first.code
		}
	}
	return a, true
}

// worstOf is the most severe status with an item.
func worstOf(c status.Counts) status.Status {
	for i, n := range c {
		if n > 0 {
			return status.Statuses[i]
		}
	}
	return ""
}

// sortedFlips orders flips by plan, then tree order.
func sortedFlips(fs []*flip) {
	slices.SortFunc(fs, func(a, b *flip) int { return cmp.Or(cmp.Compare(a.planID, b.planID), treeBefore(a, b)) })
}
