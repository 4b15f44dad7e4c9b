package status

import "github.com/duban-dev/duban"

// InputFromReports builds an IndicatorInput from an indicator, its node
// (nil allowed), its plan and the indicator's report versions. The latest
// approved report is the one with the latest period, then the highest
// version; submitted and approved reports count as reported. Reports of
// other indicators are ignored when the indicator has an ID.
func InputFromReports(ind duban.Indicator, node *duban.Node, plan *duban.Plan, reports []duban.Report) IndicatorInput {
	in := IndicatorInput{Indicator: ind}
	if node != nil {
		in.Start, in.Deadline = node.Start, node.Deadline
	}
	if plan != nil {
		in.PlanStart, in.PlanEnd = plan.PeriodStart, plan.PeriodEnd
	}
	var latest *duban.Report
	seen := map[string]bool{}
	for i := range reports {
		r := &reports[i]
		if ind.ID != 0 && r.IndicatorID != ind.ID {
			continue
		}
		if (r.State == duban.Submitted || r.State == duban.Approved) && !seen[r.Period] {
			seen[r.Period] = true
			in.Reported = append(in.Reported, r.Period)
		}
		if r.State == duban.Approved && laterReport(r, latest) {
			latest = r
		}
	}
	if latest != nil {
		in.Latest = &Observation{Period: latest.Period, Value: latest.Value, MilestonesDone: latest.MilestonesDone}
	}
	return in
}

func laterReport(r, than *duban.Report) bool {
	if than == nil {
		return true
	}
	if r.Period != than.Period {
		return r.Period > than.Period
	}
	return r.Version > than.Version
}

// ReportSummary is what a store knows cheaply about one indicator's
// reports: the latest approved observation and the periods reported.
type ReportSummary struct {
	Latest   *Observation
	Reported []string
}

// EvaluateBundle evaluates every indicator of a plan as of asOf; reports is
// keyed by indicator code (a missing key means nothing reported). Results
// follow the order of b.Indicators and feed NewRollup(b.Nodes, results).
func EvaluateBundle(b *duban.Bundle, reports map[string]ReportSummary, asOf duban.Date, p Profile) []Result {
	nodes := make(map[string]*duban.Node, len(b.Nodes))
	for i := range b.Nodes {
		nodes[b.Nodes[i].Code] = &b.Nodes[i]
	}
	out := make([]Result, len(b.Indicators))
	for i, ind := range b.Indicators {
		in := IndicatorInput{Indicator: ind, PlanStart: b.Plan.PeriodStart, PlanEnd: b.Plan.PeriodEnd}
		if n := nodes[ind.NodeCode]; n != nil {
			in.Start, in.Deadline = n.Start, n.Deadline
		}
		s := reports[ind.Code]
		in.Latest, in.Reported = s.Latest, s.Reported
		out[i] = Evaluate(in, asOf, p)
	}
	return out
}
