package tracker

import (
	"sort"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Dashboard is the summary of a plan as of a date: totals, each area, each
// unit, and what needs attention.
type Dashboard struct {
	PlanID    int64          `json:"plan_id"`
	Title     string         `json:"title"`
	AsOf      duban.Date     `json:"as_of"`
	Profile   string         `json:"profile"`
	Totals    Summary        `json:"totals"`
	Areas     []AreaSummary  `json:"areas"`
	Units     []UnitSummary  `json:"units"`
	Attention []ItemStatus   `json:"attention"` // overdue and lagging items, worst first
	Upcoming  []ItemStatus   `json:"upcoming"`  // deadlines within the next 60 days
	Statuses  []StatusLegend `json:"statuses"`
}

// DashboardJSON is the Dashboard encoded as JSON (with a final newline),
// kept until a report changes the status. The caller must not modify it; it
// stays valid after View returns.
func (ps *PlanStatus) DashboardJSON() ([]byte, error) {
	return ps.Encoded("dashboard", func() any { return ps.Dashboard() })
}

// Summary is an aggregate with counts keyed by status.
type Summary struct {
	Progress float64        `json:"progress"` // weighted, 0..1
	Expected float64        `json:"expected"` // weighted 序时进度, 0..1
	Gap      float64        `json:"gap"`      // points behind
	Items    int            `json:"items"`
	Measured int            `json:"measured"` // items averaged into Progress (rates and levels are not)
	Counts   map[string]int `json:"counts"`
	Worst    status.Status  `json:"worst,omitempty"`
}

type AreaSummary struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	Summary
}

type UnitSummary struct {
	Code string `json:"code"`
	Summary
}

// ItemStatus is one indicator's status with its node.
type ItemStatus struct {
	NodeID      int64  `json:"node_id"`
	NodeTitle   string `json:"node_title"`
	LeadUnit    string `json:"lead_unit"`
	IndicatorID int64  `json:"indicator_id"`
	status.Result
	StatusLabel string `json:"status_label"`
}

type StatusLegend struct {
	Status status.Status `json:"status"`
	Label  string        `json:"label"`
	Colour string        `json:"colour"`
}

const upcomingDays = 60

func summary(a status.Aggregate) Summary {
	counts := map[string]int{}
	for _, s := range status.Statuses {
		counts[string(s)] = a.Counts.Of(s)
	}
	return Summary{Progress: a.Progress, Expected: a.Expected, Gap: a.Gap, Items: a.Items, Measured: a.Measured, Counts: counts, Worst: a.Worst}
}

// Dashboard builds the plan's dashboard.
func (ps *PlanStatus) Dashboard() Dashboard {
	d := Dashboard{PlanID: ps.Plan.ID, Title: ps.Plan.Title, AsOf: ps.AsOf, Profile: ps.Profile.Name,
		Totals: summary(ps.Rollup.Plan())}
	for _, n := range ps.Nodes {
		if n.Kind == duban.KindArea {
			agg, _ := ps.Rollup.Node(n.Code)
			d.Areas = append(d.Areas, AreaSummary{Code: n.Code, Title: n.Title, Summary: summary(agg)})
		}
	}
	for _, u := range ps.Rollup.Units() {
		agg, _ := ps.Rollup.Unit(u)
		d.Units = append(d.Units, UnitSummary{Code: u, Summary: summary(agg)})
	}
	d.Attention, d.Upcoming = ps.attention()
	for _, s := range status.Statuses {
		d.Statuses = append(d.Statuses, StatusLegend{s, s.Label(), s.Hex()})
	}
	return d
}

// Items returns every indicator's status in tree order.
// ItemLabels names every indicator for lists where it stands alone
// (duban.ItemLabel: its node's title and its name), by indicator id.
func (ps *PlanStatus) ItemLabels() map[int64]string {
	titles := make(map[string]string, len(ps.Nodes))
	for i := range ps.Nodes {
		titles[ps.Nodes[i].Code] = ps.Nodes[i].Title
	}
	out := make(map[int64]string, len(ps.Indicators))
	for _, ind := range ps.Indicators {
		out[ind.ID] = duban.ItemLabel(titles[ind.NodeCode], ind.Name)
	}
	return out
}

func (ps *PlanStatus) Items() []ItemStatus {
	nodes := map[string]*duban.Node{}
	for i := range ps.Nodes {
		nodes[ps.Nodes[i].Code] = &ps.Nodes[i]
	}
	out := make([]ItemStatus, 0, len(ps.Indicators))
	for _, ind := range ps.Indicators {
		res, ok := ps.Rollup.Result(ind.Code)
		n := nodes[ind.NodeCode]
		if !ok || n == nil {
			continue
		}
		out = append(out, ItemStatus{NodeID: n.ID, NodeTitle: n.Title, LeadUnit: n.LeadUnit, IndicatorID: ind.ID,
			Result: res, StatusLabel: res.Status.Label()})
	}
	return out
}

func (ps *PlanStatus) attention() (bad, upcoming []ItemStatus) {
	for _, it := range ps.Items() {
		if it.Status == status.Overdue || it.Status == status.Lagging {
			bad = append(bad, it)
		}
		if it.Status != status.Done && it.DaysLeft >= 0 && it.DaysLeft <= upcomingDays {
			upcoming = append(upcoming, it)
		}
	}
	sort.SliceStable(bad, func(i, j int) bool {
		if bad[i].Status != bad[j].Status {
			return bad[i].Status.Worse(bad[j].Status)
		}
		return bad[i].Gap > bad[j].Gap
	})
	sort.SliceStable(upcoming, func(i, j int) bool { return upcoming[i].DaysLeft < upcoming[j].DaysLeft })
	return bad, upcoming
}
