package projects

import (
	"sort"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/forecast"
	"github.com/duban-dev/duban/status"
)

// Forecasts projects every cumulative indicator of the input to its
// deadline from its approved reports (forecast.Project), by indicator id.
// A project's investment is forecast only once the project has reached
// 开工 (before, it spends on 前期 alone, whose pace says nothing about the
// building to come, so a line through it would call nearly every project
// not yet started a miss) and until its year's investment is all reported;
// for a project that reached 开工 this year, the line starts from its last
// report before 开工.
func Forecasts(in *Input) map[int64]forecast.Result {
	nodes := map[string]*duban.Node{}
	for i := range in.Nodes {
		nodes[in.Nodes[i].Code] = &in.Nodes[i]
	}
	values := map[int64][]forecast.Observation{}
	stage := map[int64]duban.ProjectStage{}
	startedIn := map[int64]duban.Date{} // end of the first period reported at 开工 or beyond
	cadence := map[int64]duban.Cadence{}
	for i := range in.Indicators {
		cadence[in.Indicators[i].ID] = in.Indicators[i].Cadence
	}
	for _, r := range in.Reports {
		if r.State != duban.Approved || r.Value == nil {
			continue
		}
		p, err := duban.ParsePeriod(cadence[r.IndicatorID], r.Period)
		if err != nil || p.End.After(in.AsOf) {
			continue
		}
		values[r.IndicatorID] = append(values[r.IndicatorID], forecast.Observation{End: p.End, Value: *r.Value})
		if r.Stage != "" {
			stage[r.IndicatorID] = r.Stage
			if d, ok := startedIn[r.IndicatorID]; r.Stage.Rank() >= duban.StageStarted.Rank() && (!ok || p.End.Before(d)) {
				startedIn[r.IndicatorID] = p.End
			}
		}
	}
	out := map[int64]forecast.Result{}
	for i := range in.Indicators {
		ind := in.Indicators[i]
		obs := values[ind.ID]
		if len(obs) == 0 || !forecast.Applies(&ind) || !projectOpen(nodes[ind.NodeCode], &ind, stage[ind.ID], obs) {
			continue
		}
		sort.SliceStable(obs, func(a, b int) bool { return obs[a].End.Before(obs[b].End) })
		start, deadline := window(nodes[ind.NodeCode], &in.Plan)
		fin := forecast.Input{Indicator: ind, Start: start, Deadline: deadline, AsOf: in.AsOf, Values: obs}
		if d, ok := startedIn[ind.ID]; ok {
			fin.Anchor = lastBefore(obs, d)
		}
		if f, ok := forecast.Project(fin); ok {
			out[ind.ID] = f
		}
	}
	return out
}

// lastBefore is the last observation before day d, nil if none.
func lastBefore(obs []forecast.Observation, d duban.Date) *forecast.Observation {
	var out *forecast.Observation
	for i := range obs {
		if obs[i].End.Before(d) {
			out = &obs[i]
		}
	}
	return out
}

// projectOpen reports whether ind, if it is a project's investment, has
// something to forecast: the project has reached 开工 (by its latest
// reported stage, else the plan's) and its year's investment is not all
// reported yet (a finished project's line would run past its total).
func projectOpen(n *duban.Node, ind *duban.Indicator, reported duban.ProjectStage, obs []forecast.Observation) bool {
	if n == nil || n.Project == nil || !duban.IsInvestmentIndicator(ind, n) {
		return true
	}
	s := n.Project.Stage
	if reported != "" {
		s = reported
	}
	return s.Rank() >= duban.StageStarted.Rank() && (ind.Target == nil || obs[len(obs)-1].Value < *ind.Target)
}

func window(n *duban.Node, p *duban.Plan) (duban.Date, duban.Date) {
	start, end := p.PeriodStart, p.PeriodEnd
	if n != nil && !n.Start.IsZero() {
		start = n.Start
	}
	if n != nil && !n.Deadline.IsZero() {
		end = n.Deadline
	}
	return start, end
}

// Risk is an indicator likely to miss its target: its forecast falls short
// while its light is not red yet (red ones are already on the notice list).
type Risk struct {
	IndicatorID int64           `json:"indicator_id"`
	Name        string          `json:"name"`
	NodeID      int64           `json:"node_id"`
	NodeTitle   string          `json:"node_title"`
	LeadUnit    string          `json:"lead_unit"`
	Status      status.Status   `json:"status"`
	Project     bool            `json:"project"`
	Forecast    forecast.Result `json:"forecast"`
}

// LikelyToMiss lists the indicators whose forecast falls short of the
// target and whose light is green or yellow, lowest forecast share first.
func LikelyToMiss(in *Input, fs map[int64]forecast.Result) []Risk {
	nodes := map[string]*duban.Node{}
	for i := range in.Nodes {
		nodes[in.Nodes[i].Code] = &in.Nodes[i]
	}
	var out []Risk
	for i := range in.Indicators {
		ind := &in.Indicators[i]
		f, ok := fs[ind.ID]
		res := in.Results[ind.Code]
		if !ok || !f.Miss || (res.Status != status.OnTrack && res.Status != status.Warning) {
			continue
		}
		n := nodes[ind.NodeCode]
		out = append(out, Risk{IndicatorID: ind.ID, Name: ind.Name, NodeID: n.ID, NodeTitle: n.Title, LeadUnit: leadUnit(nodes, n),
			Status: res.Status, Project: n.Kind == duban.KindProject, Forecast: f})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Forecast.Ratio < out[j].Forecast.Ratio })
	return out
}

func leadUnit(nodes map[string]*duban.Node, n *duban.Node) string {
	for ; n != nil; n = nodes[n.ParentCode] {
		if n.LeadUnit != "" {
			return n.LeadUnit
		}
	}
	return ""
}
