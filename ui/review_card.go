package ui

import (
	"context"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// reviewCheck is what a reviewer needs beside a submitted value: the
// target, the previous approved value, the period's name, the light now
// and the light the value would give if approved (both judged by the
// status package on the indicator's own reports), and warnings about an
// implausible value.
type reviewCheck struct {
	Indicator   duban.Indicator
	PeriodLabel string
	Previous    *status.Observation
	Now, IfOK   status.Status
	IfOKResult  status.Result // its explanation through page.WhyOf
	Warnings    []status.Explanation
}

// indicatorPlace is an indicator with what judging it needs.
type indicatorPlace struct {
	ind     duban.Indicator
	node    *duban.Node
	plan    duban.Plan
	asOf    duban.Date
	profile status.Profile
}

// reviewChecks builds the check of every queued report, keyed by report id.
func (h *Handler) reviewChecks(ctx context.Context, queue []duban.Report) (map[int64]reviewCheck, error) {
	places, err := h.indicatorPlaces(ctx, queue)
	if err != nil {
		return nil, err
	}
	history := map[int64][]duban.Report{}
	out := map[int64]reviewCheck{}
	for _, rep := range queue {
		p, ok := places[rep.IndicatorID]
		if !ok {
			continue
		}
		reps, seen := history[rep.IndicatorID]
		if !seen {
			if reps, _, err = h.cfg.Reports.ListReportsFiltered(ctx, duban.ReportFilter{IndicatorID: rep.IndicatorID,
				Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()}); err != nil {
				return nil, err
			}
			history[rep.IndicatorID] = reps
		}
		out[rep.ID] = p.check(rep, reps)
	}
	return out, nil
}

// check judges the indicator on its reports as they stand and as they
// would stand with rep approved.
func (p *indicatorPlace) check(rep duban.Report, reps []duban.Report) reviewCheck {
	before := status.InputFromReports(p.ind, p.node, &p.plan, reps)
	approved := make([]duban.Report, 0, len(reps)+1)
	found := false
	for _, r := range reps {
		if r.ID == rep.ID {
			r.State, found = duban.Approved, true
		}
		approved = append(approved, r)
	}
	if !found {
		rep.State = duban.Approved
		approved = append(approved, rep)
	}
	after := status.Evaluate(status.InputFromReports(p.ind, p.node, &p.plan, approved), p.asOf, p.profile)
	return reviewCheck{
		Indicator:   p.ind,
		PeriodLabel: status.PeriodLabel(p.ind.Cadence, rep.Period),
		Previous:    before.Latest,
		Now:         status.Evaluate(before, p.asOf, p.profile).Status,
		IfOK:        after.Status,
		IfOKResult:  after,
		Warnings:    status.Plausibility(&p.ind, rep.Value, rep.Period, before.Latest),
	}
}

// indicatorPlaces reads the indicators of the reports, each plan once from
// the tracker.
func (h *Handler) indicatorPlaces(ctx context.Context, reps []duban.Report) (map[int64]*indicatorPlace, error) {
	want, plans := map[int64]bool{}, map[int64]bool{}
	for _, r := range reps {
		want[r.IndicatorID], plans[r.PlanID] = true, true
	}
	out := map[int64]*indicatorPlace{}
	for planID := range plans {
		err := h.cfg.Tracker.View(ctx, planID, h.today(), func(ps *tracker.PlanStatus) error {
			nodes := map[string]*duban.Node{}
			for i := range ps.Nodes {
				n := ps.Nodes[i]
				nodes[n.Code] = &n
			}
			for _, ind := range ps.Indicators {
				if want[ind.ID] {
					out[ind.ID] = &indicatorPlace{ind: ind, node: nodes[ind.NodeCode], plan: ps.Plan, asOf: ps.AsOf, profile: ps.Profile}
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reviewCheckArgs carries the page along for the reviewcheck partials.
type reviewCheckArgs struct {
	P *page
	C reviewCheck
}

// ReviewCheck pairs a check with the page for the reviewcheck partials.
func (v *reviewView) ReviewCheck(c reviewCheck) reviewCheckArgs {
	return reviewCheckArgs{P: &v.page, C: c}
}
