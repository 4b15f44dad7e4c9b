package status

import (
	"fmt"
	"math"

	"github.com/duban-dev/duban"
)

// Finding kinds.
const (
	FindingCountMismatch    = "count_mismatch"    // a count target differs from the child nodes listed
	FindingMilestoneOutside = "milestone_outside" // a milestone outside its node's start..deadline
	FindingBadPeriod        = "bad_period"        // a report period that does not fit cadence or plan
	FindingUnknownIndicator = "unknown_indicator" // a report on an indicator not in the plan
)

// Finding is one inconsistency in a plan or its reports. Want and Got are
// the two numbers compared, when there are two.
type Finding struct {
	Kind    string  `json:"kind"`
	Entity  string  `json:"entity"` // node, indicator or report
	Key     string  `json:"key"`
	Field   string  `json:"field,omitempty"`
	Want    float64 `json:"want,omitempty"`
	Got     float64 `json:"got,omitempty"`
	Message string  `json:"message"`
}

// countUnits are the units in which a target counts things that the plan
// may list as child nodes.
var countUnits = map[string]bool{"个": true, "项": true, "条": true, "所": true}

var countedKinds = map[duban.NodeKind]bool{duban.KindProject: true, duban.KindTask: true, duban.KindItem: true}

// Check lists inconsistencies in a plan: count targets that differ from the
// project, task and item nodes listed under them ("加快推进270个重大项目"
// with 20 projects), milestones outside their node's dates, and reports
// whose period does not fit the indicator's cadence or the plan period.
// Reports are matched to indicators by IndicatorID.
func Check(b *duban.Bundle, reports ...duban.Report) []Finding {
	nodes := map[string]*duban.Node{}
	counted := map[string]int{}
	for i := range b.Nodes {
		n := &b.Nodes[i]
		nodes[n.Code] = n
		if countedKinds[n.Kind] && n.ParentCode != "" {
			counted[n.ParentCode]++
		}
	}
	var out []Finding
	for i := range b.Indicators {
		ind := &b.Indicators[i]
		out = append(out, checkCount(ind, counted[ind.NodeCode])...)
		out = append(out, checkMilestones(ind, nodes[ind.NodeCode], &b.Plan)...)
	}
	return append(out, checkReports(b, nodes, reports)...)
}

func checkCount(ind *duban.Indicator, children int) []Finding {
	if children == 0 || ind.Target == nil || !countUnits[ind.Unit] || countFits(ind, float64(children)) {
		return nil
	}
	t := *ind.Target
	return []Finding{{
		Kind: FindingCountMismatch, Entity: "indicator", Key: ind.Code, Field: "target",
		Want: t, Got: float64(children),
		Message: fmt.Sprintf("下设事项数与目标不符：目标 %s%s，已列出 %d 个 (child nodes differ from the target: target %s, listed %d)",
			formatNumber(t), ind.Unit, children, formatNumber(t), children),
	}}
}

func countFits(ind *duban.Indicator, n float64) bool {
	t := *ind.Target
	switch ind.Comparator {
	case duban.AtLeast:
		return n >= t
	case duban.AtMost:
		return n <= t
	case duban.About:
		return math.Abs(n-t) <= ind.Tolerance
	}
	return n == t
}

func checkMilestones(ind *duban.Indicator, node *duban.Node, plan *duban.Plan) []Finding {
	var in IndicatorInput
	if node != nil {
		in.Start, in.Deadline = node.Start, node.Deadline
	}
	in.PlanStart, in.PlanEnd = plan.PeriodStart, plan.PeriodEnd
	if firstSet(in.Start, in.PlanStart).IsZero() || firstSet(in.Deadline, in.PlanEnd).IsZero() {
		return nil
	}
	start, deadline := window(&in, duban.Date{})
	var out []Finding
	for _, m := range ind.Milestones {
		if m.Date.Before(start) || m.Date.After(deadline) {
			out = append(out, Finding{
				Kind: FindingMilestoneOutside, Entity: "indicator", Key: ind.Code, Field: "milestones.date",
				Message: fmt.Sprintf("里程碑日期 %s 不在 %s 至 %s 之间 (milestone outside the node's start and deadline)", m.Date, start, deadline),
			})
		}
	}
	return out
}

func checkReports(b *duban.Bundle, nodes map[string]*duban.Node, reports []duban.Report) []Finding {
	byID := map[int64]*duban.Indicator{}
	for i := range b.Indicators {
		if id := b.Indicators[i].ID; id != 0 {
			byID[id] = &b.Indicators[i]
		}
	}
	var out []Finding
	for _, r := range reports {
		key := fmt.Sprintf("%d/%s/v%d", r.IndicatorID, r.Period, r.Version)
		ind := byID[r.IndicatorID]
		if ind == nil {
			out = append(out, Finding{Kind: FindingUnknownIndicator, Entity: "report", Key: key, Field: "indicator_id",
				Message: fmt.Sprintf("指标 %d 不在本计划中 (indicator not in this plan)", r.IndicatorID)})
			continue
		}
		if err := CheckReportPeriod(&b.Plan, nodes[ind.NodeCode], ind, r.Period); err != nil {
			out = append(out, Finding{Kind: FindingBadPeriod, Entity: "report", Key: key, Field: "period",
				Message: duban.ErrorFields(err)[0].Message})
		}
	}
	return out
}

// CheckReportPeriod refuses a report period that is not written the way the
// indicator's cadence wants or lies wholly outside the plan period. The
// period is stretched to the node's deadline (node may be nil) so that a
// three-year target in an annual plan can be reported on until it is due.
func CheckReportPeriod(plan *duban.Plan, node *duban.Node, ind *duban.Indicator, period string) error {
	start, end, err := periodSpan(ind.Cadence, period)
	if err != nil {
		return err
	}
	from, to := plan.PeriodStart, plan.PeriodEnd
	if node != nil && node.Deadline.After(to) {
		to = node.Deadline
	}
	if (!to.IsZero() && start.After(to)) || (!from.IsZero() && end.Before(from)) {
		return periodError("period", "%q 不在计划期 %s 至 %s 内 (outside the plan period)", period, from, to)
	}
	return nil
}
