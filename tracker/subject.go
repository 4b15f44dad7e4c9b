package tracker

import (
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Subject is one item with what judging it needs besides its reports.
type Subject struct {
	Indicator duban.Indicator
	Node      *duban.Node
	Plan      duban.Plan
	Profile   status.Profile
}

// Subject finds the item of the code in the plan's status.
func (ps *PlanStatus) Subject(code string) (Subject, bool) {
	for _, ind := range ps.Indicators {
		if ind.Code != code {
			continue
		}
		s := Subject{Indicator: ind, Plan: ps.Plan, Profile: ps.Profile}
		for i := range ps.Nodes {
			if ps.Nodes[i].Code == ind.NodeCode {
				s.Node = &ps.Nodes[i]
			}
		}
		return s, true
	}
	return Subject{}, false
}

// At judges the item as of asOf on those of its reports whose period has
// begun by then, as the plan's snapshot as of that day holds them, so a
// chart over months reads the item's reports once instead of evaluating
// the whole plan at every month end.
func (s Subject) At(reports []duban.Report, asOf duban.Date) status.Result {
	begun := make([]duban.Report, 0, len(reports))
	for _, r := range reports {
		p, err := duban.ParsePeriod(s.Indicator.Cadence, r.Period)
		if err == nil && !p.Start.After(asOf) {
			begun = append(begun, r)
		}
	}
	return status.Evaluate(status.InputFromReports(s.Indicator, s.Node, &s.Plan, begun), asOf, s.Profile)
}
