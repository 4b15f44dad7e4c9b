package demo

import (
	"math"

	"github.com/duban-dev/duban"
)

// ProjectCountCode is the plan's indicator that counts the major projects
// under way (重大项目推进数量). Its simulated reports are not drawn: they
// are counted from the projects' simulated year, so the number a unit
// reports is the number of projects the ledger shows at 开工 or beyond on
// the period's last day, and the two pages never disagree.
const ProjectCountCode = "zdxm"

// planProjectCount sets the count's baseline to the projects already under
// way when the year begins (续建) and its mid-year milestone (双过半) to
// half the way from there to the target, since both depend on the drawn
// projects.
func planProjectCount(b *duban.Bundle) {
	ind := indicatorByCode(b, ProjectCountCode)
	if ind == nil || ind.Target == nil {
		return
	}
	started := 0
	for _, n := range b.Nodes {
		if n.Kind == duban.KindProject && n.Project != nil && n.Project.Stage.Rank() >= duban.StageStarted.Rank() {
			started++
		}
	}
	base := float64(started)
	ind.Baseline = &base
	for i := range ind.Milestones {
		if m := &ind.Milestones[i]; m.Value != nil && *m.Value < *ind.Target {
			v := math.Ceil(base + (*ind.Target-base)/2)
			m.Value = &v
		}
	}
}

func indicatorByCode(b *duban.Bundle, code string) *duban.Indicator {
	for i := range b.Indicators {
		if b.Indicators[i].Code == code {
			return &b.Indicators[i]
		}
	}
	return nil
}

// projectCountEntries reports, for each period, the projects at 开工 or
// beyond on its last day.
func (s *subject) projectCountEntries(b *duban.Bundle, periods []duban.Period, seed int64) []entry {
	if len(periods) == 0 {
		return nil
	}
	runs := ProjectRuns(b, periods[len(periods)-1].End, seed)
	stage := map[string]duban.ProjectStage{}
	for _, n := range b.Nodes {
		if n.Kind == duban.KindProject && n.Project != nil {
			stage[n.Code] = n.Project.Stage
		}
	}
	var out []entry
	prev := valueOr(s.ind.Baseline, 0)
	for _, p := range periods {
		v := float64(startedBy(runs, stage, p.End))
		out = append(out, entry{period: p, value: &v, note: s.cumulativeNote(p, prev, v)})
		prev = v
	}
	return out
}

// startedBy counts the projects at 开工 or beyond on day d.
func startedBy(runs []ProjectRun, initial map[string]duban.ProjectStage, d duban.Date) int {
	n := 0
	for _, r := range runs {
		s := initial[r.NodeCode]
		for _, reached := range r.Reached {
			if !reached.Day.After(d) {
				s = reached.Stage
			}
		}
		if s.Rank() >= duban.StageStarted.Rank() {
			n++
		}
	}
	return n
}
