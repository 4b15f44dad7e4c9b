package demo

import (
	"math"
	"math/rand/v2"

	"github.com/duban-dev/duban"
)

// projectYear is one project's simulated year, drawn once from the seed and
// the project's code, so that its steps, its investment reports and its
// investment plan agree whatever day the demo stands on: spending beyond
// 前期 begins on the day it reaches 开工, a project reaches 竣工 only on the
// day its year's investment is all spent, and a stage is late only when the
// stages before it were.
type projectYear struct {
	from, to   duban.Date          // the project's window (its node's start and deadline)
	stages     []yearStage         // the pipeline stages ahead, in order
	prep       []duban.ProjectStep // 前期手续, actual dates where ever reached
	planBegin  duban.Date          // planned start of building: from, or the planned 开工
	begin      duban.Date          // actual: from, or the actual 开工; zero if never
	planFinish duban.Date          // planned completion inside the window, zero if after it
	finish     duban.Date          // actual completion inside the window, zero if none
	pre        float64             // share of the year's plan spent on 前期 before 开工
	pace       float64             // share of the planned building rate kept by a project not finishing
	silent     bool                // its latest monthly report is missing
}

// yearStage is a pipeline stage ahead: planned and, if ever, reached.
type yearStage struct {
	stage    duban.ProjectStage
	position int
	planned  duban.Date
	actual   duban.Date
}

// plannedPre is the share of the year's investment a project not yet
// started plans to spend on 前期 (land, design) before its 开工.
const plannedPre = 0.05

// pipelineOf is the pipeline of the project's first mechanism.
func pipelineOf(b *duban.Bundle, n *duban.Node) []duban.PipelineStep {
	for i := range b.Mechanisms {
		if len(n.Mechanisms) > 0 && b.Mechanisms[i].Code == n.Mechanisms[0] {
			return duban.Pipeline(&b.Mechanisms[i])
		}
	}
	return duban.Pipeline(nil)
}

func yearOf(b *duban.Bundle, n *duban.Node, seed int64) projectYear {
	r := projectRand(seed, n.Code)
	from, to := window(n, &b.Plan)
	y := projectYear{from: from, to: to, planBegin: from}
	pipeline := pipelineOf(b, n)
	start := n.Project.Stage
	started := start.Rank() >= duban.StageStarted.Rank()
	if started {
		y.begin = from
	}
	finishes := started && r.Float64() < finishChance(n.Project, start)
	y.planStages(r, pipeline, start, duban.CompletionStage(pipeline), finishes)
	var permit duban.Date // the last 前期手续 reached, gating 开工
	y.prep, permit = prepSteps(r, start, from, y.planBegin)
	y.reachStages(r, duban.CompletionStage(pipeline), permit)
	if !started {
		y.pre = 0.01 + 0.06*r.Float64()
	}
	y.pace, y.silent = investmentPace(r.Float64(), r.Float64())
	return y
}

// finishChance is how likely a started project finishes inside its window:
// the larger this year's share of the total, the likelier; a project that
// has only just broken ground rarely does.
func finishChance(p *duban.Project, start duban.ProjectStage) float64 {
	if p.TotalInvestment <= 0 {
		return 0
	}
	f := math.Max(0, math.Min(0.8, 2.2*p.YearInvestment/p.TotalInvestment-0.35))
	if start == duban.StageStarted {
		f /= 2
	}
	return f
}

// planStages dates the stages ahead: 签约 and 开工 inside the window, 在建
// weeks after 开工, completion inside the window only for a project meant to
// finish, 投产 months after 竣工.
func (y *projectYear) planStages(r *rand.Rand, pipeline []duban.PipelineStep, start, completion duban.ProjectStage, finishes bool) {
	prev := y.from
	for i, p := range pipeline {
		if p.Stage.Rank() <= start.Rank() {
			continue
		}
		var due duban.Date
		switch {
		case p.Stage == completion && finishes:
			due = maxDate(prev.AddDays(60), y.from.AddDays(60+r.IntN(270)))
			due = minDate(due, y.to.AddDays(-10))
			y.planFinish = due
		case p.Stage == completion:
			due = y.to.AddDays(30 + r.IntN(470))
		case p.Stage.Rank() > completion.Rank():
			due = prev.AddDays(30 + r.IntN(90))
		case p.Stage == duban.StageBuilding:
			due = prev.AddDays(15 + r.IntN(45))
		default: // 签约, 开工
			due = prev.AddDays(20 + r.IntN(100))
		}
		if p.Stage == duban.StageStarted {
			y.planBegin = due
		}
		y.stages = append(y.stages, yearStage{stage: p.Stage, position: i, planned: due})
		prev = due
	}
}

// reachStages draws when each stage ahead is reached: a delay carries over
// to the stages after it, 开工 waits for the last 前期手续 (permit), and a
// stage never reached stops the ones after it.
func (y *projectYear) reachStages(r *rand.Rand, completion duban.ProjectStage, permit duban.Date) {
	slip, prev := 0, y.from
	for i := range y.stages {
		s := &y.stages[i]
		day, ok := outcome(r, s.planned.AddDays(slip))
		if s.stage.Rank() > completion.Rank() && y.finish.IsZero() {
			return // not built inside the window: nothing to hand over
		}
		if s.stage.Rank() > completion.Rank() {
			day, ok = s.planned.AddDays(-r.IntN(20)), true // handing over a finished project keeps its date
		}
		if s.stage == duban.StageStarted {
			ok = ok && !permit.IsZero()
			day = maxDate(day, permit.AddDays(3))
		}
		if !ok {
			return
		}
		day = maxDate(day, prev.AddDays(5))
		slip = max(0, s.planned.DaysUntil(day))
		s.actual, prev = day, day
		switch {
		case s.stage == duban.StageStarted:
			y.begin = day
		case s.stage == completion && !day.After(y.to):
			y.finish = day
		}
	}
}

// share is the part of the year's planned investment spent by the end of
// day d: a little 前期 spending up to 开工, then building at a steady rate,
// everything by completion.
func (y *projectYear) share(d duban.Date) float64 {
	switch {
	case d.Before(y.from):
		return 0
	case !y.finish.IsZero() && !d.Before(y.finish):
		return 1
	case y.begin.IsZero() || d.Before(y.begin):
		return y.pre * fraction(y.from, y.planBegin, d)
	case !y.finish.IsZero():
		return y.pre + (1-y.pre)*fraction(y.begin, y.finish, d)
	}
	end, ceiling := y.to, 1.0
	if !y.planFinish.IsZero() {
		end, ceiling = y.planFinish, 0.92 // meant to finish but has not: never all spent
	}
	rate := y.pace * (1 - y.pre) / float64(max(1, y.planBegin.DaysUntil(end)))
	return math.Min(ceiling, y.pre+rate*float64(y.begin.DaysUntil(d)+1))
}

// fraction is how far d is from a to b, 0..1.
func fraction(a, b, d duban.Date) float64 {
	n := a.DaysUntil(b) + 1
	if n <= 1 {
		return 1
	}
	return math.Max(0, math.Min(1, float64(a.DaysUntil(d)+1)/float64(n)))
}

// milestones is the project's investment plan: the 前期 share by its planned
// 开工 and the whole year's investment by its planned completion, where
// these fall inside its window (序时进度 then follows the plan, not the
// calendar).
func (y *projectYear) milestones(target float64, completion duban.ProjectStage) []duban.Milestone {
	var out []duban.Milestone
	if y.planBegin.After(y.from) && y.planBegin.Before(y.to) {
		v := math.Round(target*plannedPre/10) * 10
		out = append(out, duban.Milestone{Date: y.planBegin, Value: &v, Description: "计划开工，完成前期投资（模拟）"})
	}
	if !y.planFinish.IsZero() {
		v := target
		out = append(out, duban.Milestone{Date: y.planFinish, Value: &v, Description: "计划" + completion.Label() + "，完成年度投资（模拟）"})
	}
	return out
}

func maxDate(a, b duban.Date) duban.Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b duban.Date) duban.Date {
	if a.Before(b) {
		return a
	}
	return b
}
