package demo

import (
	"math"
	"time"

	"github.com/duban-dev/duban"
)

// SimulateReports returns approved progress reports for the plan's
// indicators from their start up to asOf, one per period of each
// indicator's cadence that has ended by asOf. ids maps indicator codes to
// database ids; indicators missing from ids are skipped. Each indicator
// follows a performance drawn from math/rand/v2 seeded by seed and its code,
// so the same inputs always give the same reports, and at DefaultAsOf the
// statuses are mixed: done, on track, behind, far behind, overdue and a few
// with recent reports missing.
func SimulateReports(b *duban.Bundle, ids map[string]int64, asOf duban.Date, seed int64) []duban.Report {
	subjects := collectSubjects(b, ids)
	dealPerformances(subjects, seed)
	var out []duban.Report
	for _, s := range subjects {
		for _, e := range s.entries(b, asOf, seed) {
			out = append(out, s.report(b, ids[s.ind.Code], e))
		}
	}
	return out
}

// collectSubjects lists the reportable indicators in ids, in plan order.
func collectSubjects(b *duban.Bundle, ids map[string]int64) []*subject {
	nodes := map[string]*duban.Node{}
	for i := range b.Nodes {
		nodes[b.Nodes[i].Code] = &b.Nodes[i]
	}
	var out []*subject
	for i := range b.Indicators {
		ind := &b.Indicators[i]
		if _, ok := ids[ind.Code]; !ok || !reportable(ind) {
			continue
		}
		s := &subject{ind: ind, unit: leadUnit(nodes, ind.NodeCode)}
		s.start, s.deadline = window(nodes[ind.NodeCode], &b.Plan)
		out = append(out, s)
	}
	return out
}

func reportable(ind *duban.Indicator) bool {
	if ind.Kind == duban.MilestoneOnly {
		return len(ind.Milestones) > 0
	}
	return ind.Target != nil
}

// leadUnit is the node's lead unit, or the nearest ancestor's.
func leadUnit(nodes map[string]*duban.Node, code string) string {
	for n := nodes[code]; n != nil; n = nodes[n.ParentCode] {
		if n.LeadUnit != "" {
			return n.LeadUnit
		}
	}
	return ""
}

// window is the node's start and deadline, falling back to the plan's.
func window(n *duban.Node, p *duban.Plan) (start, deadline duban.Date) {
	start, deadline = p.PeriodStart, p.PeriodEnd
	if n != nil && !n.Start.IsZero() {
		start = n.Start
	}
	if n != nil && !n.Deadline.IsZero() {
		deadline = n.Deadline
	}
	return start, deadline
}

// elapsedShare is the linear 序时进度 at the end of day d: 0 before start,
// 1 from the deadline on.
func elapsedShare(start, deadline, d duban.Date) float64 {
	if d.Before(start) {
		return 0
	}
	total := float64(start.DaysUntil(deadline) + 1)
	return math.Min(1, float64(start.DaysUntil(d)+1)/total)
}

// entry is one simulated period before it becomes a report.
type entry struct {
	period duban.Period
	value  *float64
	done   int // milestones reached
	note   string
}

// entries simulates every period that has ended by asOf, then drops the
// most recent ones the unit has not reported yet.
func (s *subject) entries(b *duban.Bundle, asOf duban.Date, seed int64) []entry {
	var periods []duban.Period
	for _, p := range duban.PeriodsBetween(s.ind.Cadence, s.start, asOf) {
		if !p.End.After(asOf) {
			periods = append(periods, p)
		}
	}
	var es []entry
	switch {
	case s.ind.Code == ProjectCountCode && s.ind.Kind == duban.Cumulative:
		es = s.projectCountEntries(b, periods, seed)
	case s.ind.Kind == duban.MilestoneOnly:
		es = s.milestoneEntries(periods)
	case s.ind.Kind == duban.Level:
		es = s.levelEntries(periods)
	default:
		es = s.cumulativeEntries(periods)
	}
	if n := s.perf.silent; n > 0 && len(es) > n && !s.finished(es[len(es)-1]) {
		es = es[:len(es)-n]
	}
	return es
}

func (s *subject) finished(e entry) bool {
	if s.ind.Kind == duban.MilestoneOnly {
		return e.done >= len(s.ind.Milestones)
	}
	return s.ind.Kind == duban.Cumulative && e.value != nil && *e.value == *s.ind.Target
}

// cumulativeEntries grows the count from baseline toward target, never
// backwards and never past it, and stops reporting once it is reached.
func (s *subject) cumulativeEntries(periods []duban.Period) []entry {
	base, target := valueOr(s.ind.Baseline, 0), *s.ind.Target
	whole := isWhole(base) && isWhole(target)
	var out []entry
	progress, prev := 0.0, base
	for _, p := range periods {
		jitter := 0.96 + 0.08*s.perf.rng.Float64()
		progress = math.Max(progress, math.Min(1, s.perf.factor*elapsedShare(s.start, s.deadline, p.End)*jitter))
		v := base + progress*(target-base)
		if whole {
			v = math.Round(v)
		}
		out = append(out, entry{period: p, value: &v, note: s.cumulativeNote(p, prev, v)})
		prev = v
		if v == target {
			break
		}
	}
	return out
}

// levelEntries reports a level (a growth rate) around the drawn share of
// the target, to one decimal.
func (s *subject) levelEntries(periods []duban.Period) []entry {
	var out []entry
	for _, p := range periods {
		ratio := s.perf.factor * (0.97 + 0.06*s.perf.rng.Float64())
		v := math.Round(levelValue(s.ind, ratio)*10) / 10
		out = append(out, entry{period: p, value: &v, note: s.levelNote(p, v)})
	}
	return out
}

// levelValue turns a share of the target into a value on the right side of
// the comparator: above the target for >=, below it for <=, and for ~ within
// the tolerance band when the share is at least 1.
func levelValue(ind *duban.Indicator, ratio float64) float64 {
	t := *ind.Target
	switch ind.Comparator {
	case duban.AtMost:
		return t * (2 - ratio)
	case duban.About:
		if ratio >= 1 {
			return t + ind.Tolerance*(ratio-1)
		}
		return t - ind.Tolerance*(1+10*(1-ratio))
	}
	return t * ratio
}

// milestoneEntries reports the milestones due by each period's end, less
// the class's lag, and stops once all are reached.
func (s *subject) milestoneEntries(periods []duban.Period) []entry {
	var out []entry
	prev := 0
	for _, p := range periods {
		due := 0
		for _, m := range s.ind.Milestones {
			if !m.Date.After(p.End) {
				due++
			}
		}
		done := 0
		if due > 0 {
			done = min(len(s.ind.Milestones), max(0, due-milestoneLag[s.perf.class], prev))
		}
		out = append(out, entry{period: p, done: done, note: s.milestoneNote(prev, done)})
		prev = done
		if done >= len(s.ind.Milestones) {
			break
		}
	}
	return out
}

var cst = duban.Beijing

func (s *subject) report(b *duban.Bundle, id int64, e entry) duban.Report {
	submitted := s.submittedAt(e.period)
	reviewed := submitted.Add(2 * time.Hour)
	return duban.Report{
		PlanID:         b.Plan.ID,
		IndicatorID:    id,
		UnitCode:       s.unit,
		Period:         e.period.String(),
		Version:        1,
		Value:          e.value,
		Note:           e.note,
		State:          duban.Approved,
		SubmittedBy:    ReporterUsername(s.unit),
		SubmittedAt:    submitted,
		ReviewedBy:     SupervisorUsername,
		ReviewedAt:     &reviewed,
		MilestonesDone: e.done,
	}
}

// submittedAt is a working-hours moment in the last days of the period,
// Beijing time, returned in UTC.
func (s *subject) submittedAt(p duban.Period) time.Time {
	d := p.End.AddDays(-s.perf.rng.IntN(3))
	if d.Before(p.Start) {
		d = p.Start
	}
	t := time.Date(d.Year(), d.Month(), d.Day(), 9+s.perf.rng.IntN(8), s.perf.rng.IntN(60), 0, 0, cst)
	return t.UTC()
}

func valueOr(p *float64, d float64) float64 {
	if p == nil {
		return d
	}
	return *p
}

func isWhole(f float64) bool { return f == math.Trunc(f) }
