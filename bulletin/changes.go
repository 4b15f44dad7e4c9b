package bulletin

import (
	"sort"

	"github.com/duban-dev/duban/tracker"
)

// compare lists the units whose rank changed (biggest moves first) and the
// items whose light changed (in plan order) since the previous bulletin.
func compare(prev, cur *Data, items []tracker.ItemStatus, names map[string]string) *Changes {
	c := &Changes{Previous: prev.PeriodLabel, PreviousPeriod: prev.Period, Moves: []Move{}, Lights: []Change{}}
	before := map[string]int{}
	for _, r := range prev.Ranking.Rows {
		before[r.Unit] = r.Rank
	}
	for _, r := range cur.Ranking.Rows {
		if from, ok := before[r.Unit]; ok && from != r.Rank {
			c.Moves = append(c.Moves, Move{Unit: r.Unit, Name: r.Name, From: from, To: r.Rank})
		}
	}
	sort.SliceStable(c.Moves, func(i, j int) bool { return abs(c.Moves[i].Up()) > abs(c.Moves[j].Up()) })
	for _, it := range items {
		from, ok := prev.Lights[it.Indicator]
		if ok && from != it.Status {
			c.Lights = append(c.Lights, Change{Indicator: it.Indicator, Title: it.NodeTitle,
				UnitName: nameOf(names, it.LeadUnit), From: from, To: it.Status})
		}
	}
	return c
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
