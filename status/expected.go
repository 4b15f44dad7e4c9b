package status

import "github.com/duban-dev/duban"

// Expected is 序时进度: the share (0..1) of the way from baseline to target
// that the indicator should have covered by the end of asOf, for work that
// runs from the start of start to the end of deadline.
//
// With no milestones the curve is linear in days. When any milestone carries
// a value the curve is piecewise linear through (start, baseline), each
// valued milestone and (deadline, target). Milestones with descriptions only
// give a step curve: the share of milestones due by asOf.
func Expected(ind *duban.Indicator, start, deadline, asOf duban.Date) float64 {
	switch {
	case asOf.Before(start):
		return 0
	case !asOf.Before(deadline):
		return 1
	}
	if hasValuedMilestones(ind) {
		if f, ok := piecewise(ind, start, deadline, asOf); ok {
			return f
		}
	} else if len(ind.Milestones) > 0 {
		return float64(milestonesDue(ind, asOf)) / float64(len(ind.Milestones))
	}
	return linear(start, deadline, asOf)
}

// dayIndex is the number of whole days from the start of start to the end
// of d.
func dayIndex(start, d duban.Date) float64 { return float64(start.DaysUntil(d) + 1) }

func linear(start, deadline, asOf duban.Date) float64 {
	return clamp01(dayIndex(start, asOf) / dayIndex(start, deadline))
}

func milestonesDue(ind *duban.Indicator, asOf duban.Date) int {
	n := 0
	for _, m := range ind.Milestones {
		if !m.Date.After(asOf) {
			n++
		}
	}
	return n
}

func hasValuedMilestones(ind *duban.Indicator) bool {
	for _, m := range ind.Milestones {
		if m.Value != nil {
			return true
		}
	}
	return false
}

type point struct{ x, y float64 }

// piecewise interpolates the milestone curve; ok is false when the target
// equals the baseline and progress cannot be normalised.
func piecewise(ind *duban.Indicator, start, deadline, asOf duban.Date) (float64, bool) {
	base, target := valueOr(ind.Baseline, 0), valueOr(ind.Target, 0)
	if target == base {
		return 0, false
	}
	pts := []point{{0, base}}
	for _, m := range ind.Milestones {
		if m.Value != nil && m.Date.After(start.AddDays(-1)) && m.Date.Before(deadline) {
			pts = append(pts, point{dayIndex(start, m.Date), *m.Value})
		}
	}
	pts = append(pts, point{dayIndex(start, deadline), target})
	x := dayIndex(start, asOf)
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if x <= b.x {
			y := a.y + (b.y-a.y)*(x-a.x)/(b.x-a.x)
			return clamp01((y - base) / (target - base)), true
		}
	}
	return 1, true
}

func valueOr(p *float64, d float64) float64 {
	if p == nil {
		return d
	}
	return *p
}

func clamp01(f float64) float64 {
	switch {
	case f < 0:
		return 0
	case f > 1:
		return 1
	}
	return f
}
