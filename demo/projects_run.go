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
	var out []ProjectRun
	for i := range b.Nodes {
		n := &b.Nodes[i]
		if n.Kind != duban.KindProject || n.Project == nil {
			continue
		}
		y := yearOf(b, n, seed)
		out = append(out, y.run(n.Code, asOf))
	}
	return out
}

// run is the year up to asOf: every step ahead with its planned date, the
// 前期手续 done by asOf with their actual dates, the stages reached by asOf.
func (y *projectYear) run(code string, asOf duban.Date) ProjectRun {
	run := ProjectRun{NodeCode: code}
	for _, s := range y.stages {
		run.Steps = append(run.Steps, duban.ProjectStep{Kind: duban.StepStage, Name: string(s.stage), Position: s.position, Planned: s.planned})
		if !s.actual.IsZero() && !s.actual.After(asOf) {
			run.Reached = append(run.Reached, StageDay{s.stage, s.actual})
		}
	}
	for _, s := range y.prep {
		if s.Actual.After(asOf) {
			s.Actual = duban.Date{}
		}
		run.Steps = append(run.Steps, s)
	}
	return run
}

// prepSteps dates the 前期手续: all done the year before for a project
// already started, else due one after another before its planned 开工, each
// reached only after the one before. permit is the day the last was
// reached, zero if it never is.
func prepSteps(r *rand.Rand, stage duban.ProjectStage, yearStart, startDue duban.Date) (out []duban.ProjectStep, permit duban.Date) {
	if stage.Rank() >= duban.StageStarted.Rank() || !startDue.After(yearStart) {
		day := yearStart.AddDays(-300 + r.IntN(60))
		for i, name := range duban.DefaultPrepSteps {
			day = day.AddDays(15 + r.IntN(30))
			out = append(out, duban.ProjectStep{Kind: duban.StepPrep, Name: name, Position: i, Planned: day, Actual: day})
		}
		return out, day
	}
	gap := max(10, yearStart.DaysUntil(startDue)/(len(duban.DefaultPrepSteps)+1))
	due, prev := yearStart, yearStart
	done := true
	for i, name := range duban.DefaultPrepSteps {
		due = due.AddDays(gap)
		s := duban.ProjectStep{Kind: duban.StepPrep, Name: name, Position: i, Planned: due}
		if day, ok := outcome(r, due); ok && done {
			s.Actual = maxDate(day, prev.AddDays(1))
			prev = s.Actual
		} else {
			done = false
		}
		out = append(out, s)
	}
	if done {
		permit = prev
	}
	return out, permit
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
