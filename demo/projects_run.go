package demo

import (
	"math/rand/v2"

	"github.com/duban-dev/duban"
)

// ProjectRun is the simulated year of one project: its dated steps (the
// stages still ahead with their planned dates, the 前期手续 with planned
// and, where done, actual dates) and the days it reached new stages.
type ProjectRun struct {
	NodeCode string
	Steps    []duban.ProjectStep
	Reached  []StageDay // in order
}

// StageDay is a stage reached on a day.
type StageDay struct {
	Stage duban.ProjectStage
	Day   duban.Date
}

// ProjectRuns simulates every project of the plan up to asOf.
func ProjectRuns(b *duban.Bundle, asOf duban.Date, seed int64) []ProjectRun {
	mechs := map[string]*duban.Mechanism{}
	for i := range b.Mechanisms {
		mechs[b.Mechanisms[i].Code] = &b.Mechanisms[i]
	}
	var out []ProjectRun
	for i := range b.Nodes {
		n := &b.Nodes[i]
		if n.Kind != duban.KindProject || n.Project == nil {
			continue
		}
		var m *duban.Mechanism
		if len(n.Mechanisms) > 0 {
			m = mechs[n.Mechanisms[0]]
		}
		out = append(out, simulateRun(n, duban.Pipeline(m), b.Plan.PeriodStart, asOf, projectRand(seed, n.Code)))
	}
	return out
}

func simulateRun(n *duban.Node, pipeline []duban.PipelineStep, yearStart, asOf duban.Date, r *rand.Rand) ProjectRun {
	run := ProjectRun{NodeCode: n.Code}
	stage := n.Project.Stage
	at := -1 // the last pipeline stage at or before the project's stage
	for i, p := range pipeline {
		if p.Stage.Rank() <= stage.Rank() {
			at = i
		}
	}
	due := yearStart.AddDays(45 + r.IntN(240))
	startDue := duban.Date{}
	reachedAll := true
	for i, p := range pipeline[at+1:] {
		step := duban.ProjectStep{Kind: duban.StepStage, Name: string(p.Stage), Position: at + 1 + i, Planned: due}
		if p.Stage == duban.StageStarted {
			startDue = due
		}
		if day, ok := outcome(r, due); ok && reachedAll && !day.After(asOf) {
			run.Reached = append(run.Reached, StageDay{p.Stage, day})
		} else {
			reachedAll = false
		}
		run.Steps = append(run.Steps, step)
		due = due.AddDays(60 + r.IntN(200))
	}
	run.Steps = append(run.Steps, prepSteps(r, stage, yearStart, startDue, asOf)...)
	return run
}

// prepSteps dates the 前期手续: all done the year before for a project
// already started, else due one after another before its 开工.
func prepSteps(r *rand.Rand, stage duban.ProjectStage, yearStart, startDue, asOf duban.Date) []duban.ProjectStep {
	var out []duban.ProjectStep
	if stage.Rank() >= duban.StageStarted.Rank() || startDue.IsZero() {
		day := yearStart.AddDays(-300 + r.IntN(60))
		for i, name := range duban.DefaultPrepSteps {
			day = day.AddDays(15 + r.IntN(30))
			out = append(out, duban.ProjectStep{Kind: duban.StepPrep, Name: name, Position: i, Planned: day, Actual: day})
		}
		return out
	}
	gap := max(10, yearStart.DaysUntil(startDue)/(len(duban.DefaultPrepSteps)+1))
	due := yearStart
	done := true
	for i, name := range duban.DefaultPrepSteps {
		due = due.AddDays(gap)
		s := duban.ProjectStep{Kind: duban.StepPrep, Name: name, Position: i, Planned: due}
		if day, ok := outcome(r, due); ok && done && !day.After(asOf) {
			s.Actual = day
		} else {
			done = false
		}
		out = append(out, s)
	}
	return out
}

// outcome draws when a step due on a day is reached: mostly on time, some
// weeks late, and one in ten not at all.
func outcome(r *rand.Rand, due duban.Date) (duban.Date, bool) {
	x := r.Float64()
	switch {
	case x < 0.76:
		return due.AddDays(-r.IntN(20)), true
	case x < 0.9:
		return due.AddDays(10 + r.IntN(50)), true
	}
	return duban.Date{}, false
}

// WithStages sets the stage on the simulated investment reports: the first
// report of a period ending on or after the day a stage was reached
// carries the furthest stage reached by then. ids maps indicator codes to
// ids.
func WithStages(reports []duban.Report, runs []ProjectRun, ids map[string]int64) {
	byIndicator := map[int64]*ProjectRun{}
	for i := range runs {
		if id, ok := ids[InvestmentCode(runs[i].NodeCode)]; ok {
			byIndicator[id] = &runs[i]
		}
	}
	next := map[int64]int{}
	for i := range reports {
		run := byIndicator[reports[i].IndicatorID]
		if run == nil {
			continue
		}
		p, err := duban.ParsePeriod(duban.Monthly, reports[i].Period)
		if err != nil {
			continue
		}
		k := next[reports[i].IndicatorID]
		for k < len(run.Reached) && !run.Reached[k].Day.After(p.End) {
			reports[i].Stage = run.Reached[k].Stage
			k++
		}
		next[reports[i].IndicatorID] = k
	}
}
