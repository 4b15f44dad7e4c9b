package status

import (
	"math"

	"github.com/duban-dev/duban"
)

// Observation is what a store supplies cheaply about an indicator's reports:
// the latest approved report's period, value and milestones reached.
type Observation struct {
	Period         string   `json:"period"`
	Value          *float64 `json:"value,omitempty"`
	MilestonesDone int      `json:"milestones_done,omitempty"`
}

// Measure is actual progress read from an observation.
type Measure struct {
	Progress float64 // 0..1 of the way from baseline to target
	Met      bool    // the target is met by the comparator
	Known    bool    // the observation carries what the indicator needs
	// Outside is, for keep-within (~) targets, how far the value lies beyond
	// the tolerance band; 0 inside it.
	Outside float64
}

// Actual measures obs against the indicator's target. Cumulative counts go
// from baseline to target; levels and rates (>=, =) are value/target capped
// at 1; at-most (<=) targets go from baseline down to target and are met at
// or below it; keep-within (~) targets are met inside target ± tolerance.
// Milestone-only indicators compare milestones reached with all milestones.
func Actual(ind *duban.Indicator, obs *Observation) Measure {
	if ind.Kind == duban.MilestoneOnly {
		return milestoneMeasure(ind, obs)
	}
	if obs == nil || obs.Value == nil || ind.Target == nil {
		return Measure{}
	}
	v, t := *obs.Value, *ind.Target
	switch ind.Comparator {
	case duban.AtMost:
		return atMost(v, t, ind.Baseline)
	case duban.About:
		return band(v, t, ind.Tolerance)
	}
	if ind.Kind == duban.Level {
		return levelAtLeast(v, t)
	}
	return cumulativeAtLeast(v, t, valueOr(ind.Baseline, 0))
}

func milestoneMeasure(ind *duban.Indicator, obs *Observation) Measure {
	if obs == nil {
		return Measure{}
	}
	total := max(len(ind.Milestones), 1)
	done := min(obs.MilestonesDone, total)
	return Measure{Progress: float64(done) / float64(total), Met: done >= total, Known: true}
}

func cumulativeAtLeast(v, t, base float64) Measure {
	met := v >= t-epsilon
	if t == base {
		return Measure{Progress: boolFraction(met), Met: met, Known: true}
	}
	return Measure{Progress: clamp01((v - base) / (t - base)), Met: met, Known: true}
}

func levelAtLeast(v, t float64) Measure {
	met := v >= t-epsilon
	if t <= 0 {
		return Measure{Progress: boolFraction(met), Met: met, Known: true}
	}
	return Measure{Progress: clamp01(v / t), Met: met, Known: true}
}

func atMost(v, t float64, baseline *float64) Measure {
	met := v <= t+epsilon
	if baseline == nil || *baseline <= t {
		return Measure{Progress: boolFraction(met), Met: met, Known: true}
	}
	b := *baseline
	return Measure{Progress: clamp01((b - v) / (b - t)), Met: met, Known: true}
}

func band(v, t, tol float64) Measure {
	outside := math.Max(0, math.Abs(v-t)-tol)
	if outside <= epsilon {
		return Measure{Progress: 1, Met: true, Known: true}
	}
	progress := 0.0
	if tol > 0 {
		progress = clamp01(1 - outside/tol)
	}
	return Measure{Progress: progress, Outside: outside, Known: true}
}

func boolFraction(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
