package projects

import (
	"fmt"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// RedAfterDays is how long a step may be past its planned date before the
// project turns red; before that it is yellow.
const RedAfterDays = 30

// steps lists the project's pipeline stages and the plan's 前期手续 (then
// any other stored step), each with its planned and actual dates; a stage
// counts as reached when the reported stage is at or past it.
func (c *ledgerCtx) steps(n *duban.Node, r *Row, reached map[duban.ProjectStage]duban.Date) []Step {
	stored := map[string]duban.ProjectStep{}
	for _, s := range c.in.Steps[n.ID] {
		stored[string(s.Kind)+"/"+s.Name] = s
	}
	var out []Step
	take := func(kind duban.StepKind, name, label string) {
		key := string(kind) + "/" + name
		s, ok := stored[key]
		if !ok {
			s = duban.ProjectStep{NodeID: n.ID, Kind: kind, Name: name}
		}
		delete(stored, key)
		out = append(out, c.step(s, label, r, reached))
	}
	for _, p := range r.Pipeline {
		take(duban.StepStage, string(p.Stage), p.Label)
	}
	for _, name := range c.in.PrepSteps {
		take(duban.StepPrep, name, name)
	}
	for _, s := range c.in.Steps[n.ID] {
		if _, left := stored[string(s.Kind)+"/"+s.Name]; left && s.Kind == duban.StepPrep {
			take(s.Kind, s.Name, s.Name)
		}
	}
	for _, s := range out {
		switch s.Name {
		case string(duban.StageStarted):
			r.StartPlanned, r.StartActual = s.Planned, s.Actual
		case string(duban.StageCompleted):
			r.EndPlanned, r.EndActual = s.Planned, s.Actual
		case string(duban.StageOperating):
			if r.EndPlanned.IsZero() && !hasStage(r.Pipeline, duban.StageCompleted) {
				r.EndPlanned, r.EndActual = s.Planned, s.Actual
			}
		}
	}
	return out
}

func hasStage(p []duban.PipelineStep, s duban.ProjectStage) bool {
	for _, v := range p {
		if v.Stage == s {
			return true
		}
	}
	return false
}

func (c *ledgerCtx) step(s duban.ProjectStep, label string, r *Row, reached map[duban.ProjectStage]duban.Date) Step {
	st := Step{ProjectStep: s, Label: label, Done: !s.Actual.IsZero()}
	if s.Kind == duban.StepStage {
		stage := duban.ProjectStage(s.Name)
		if d, ok := reached[stage]; ok && s.Actual.IsZero() {
			st.Actual = d
		}
		st.Done = st.Done || r.Stage.Rank() >= stage.Rank()
	}
	if !st.Done && !s.Planned.IsZero() && c.in.AsOf.After(s.Planned) {
		st.LateDays = s.Planned.DaysUntil(c.in.AsOf)
	}
	return st
}

// judge is the project's light: the worst of its investment's status
// (as the status engine judges the investment indicator against 序时进度),
// its late steps (yellow, red after RedAfterDays) and a forecast short of
// the year's plan (yellow), with the reasons.
func (c *ledgerCtx) judge(r *Row, inv *duban.Indicator) (status.Status, []Finding) {
	light := status.OnTrack
	var findings []Finding
	if inv != nil {
		if res, ok := c.in.Results[inv.Code]; ok {
			light, r.InvestmentStatus = res.Status, res.Status
			findings = append(findings, Finding{res.Status, "投资：" + res.Explanation.ZH, "Investment: " + res.Explanation.EN})
		}
	} else {
		findings = append(findings, Finding{status.OnTrack, "未设年度投资指标，仅按节点判断", "No investment indicator; judged by its steps only"})
	}
	for _, s := range r.Steps {
		if s.LateDays <= 0 {
			continue
		}
		f := Finding{Status: status.Warning}
		if s.LateDays > RedAfterDays {
			f.Status = status.Lagging
		}
		// 延误, not 逾期: the project's deadline has not passed, and 逾期
		// is the light of one that has.
		f.ZH = fmt.Sprintf("%s计划 %s 完成，已延误 %d 天", s.Label, s.Planned, s.LateDays)
		f.EN = fmt.Sprintf("%s was due %s, %d days late", duban.TermEN(s.Label), s.Planned, s.LateDays)
		findings = append(findings, f)
		if f.Status.Worse(light) {
			light = f.Status
		}
	}
	if r.Forecast != nil && r.Forecast.Short && !light.Worse(status.Warning) && light != status.Done {
		// a project forecast to miss its year is listed under 可能完不成;
		// a green light beside that would contradict it
		light = status.Warning
		findings = append(findings, Finding{light, r.Forecast.Warning, r.Forecast.WarningEN})
	}
	return light, findings
}
