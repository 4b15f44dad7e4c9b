package demo

import (
	"maps"
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
	base := float64(startedBy(nil, initialStages(b), duban.Date{}))
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
	stage := initialStages(b)
	var out []entry
	prev := valueOr(s.ind.Baseline, 0)
	for _, p := range periods {
		v := float64(startedBy(runs, stage, p.End))
		out = append(out, entry{period: p, value: &v, note: s.cumulativeNote(p, prev, v)})
		prev = v
	}
	return out
}

// initialStages is each project's stage as the plan states it, on the
// year's first day.
func initialStages(b *duban.Bundle) map[string]duban.ProjectStage {
	out := map[string]duban.ProjectStage{}
	for _, n := range b.Nodes {
		if n.Kind == duban.KindProject && n.Project != nil {
			out[n.Code] = n.Project.Stage
		}
	}
	return out
}

// startedBy counts the projects at 开工 or beyond on day d: their initial
// stage, moved by the stages their runs reached by then.
func startedBy(runs []ProjectRun, initial map[string]duban.ProjectStage, d duban.Date) int {
	stage := maps.Clone(initial)
	for _, r := range runs {
		for _, reached := range r.Reached {
			if !reached.Day.After(d) {
				stage[r.NodeCode] = reached.Stage
			}
		}
	}
	n := 0
	for _, s := range stage {
		if s.Rank() >= duban.StageStarted.Rank() {
			n++
		}
	}
	return n
}
