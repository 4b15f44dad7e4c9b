package duban

import (
	"fmt"
	"math"
)

// Bounds on reported numbers. A value past them is a typing slip or an
// attack (1.8e308 once marked an item done), never real progress.
const (
	// targetMultiple: a value may be at most this many times the larger of
	// the indicator's target and baseline (or of boundFloor when both are
	// small), in either direction.
	targetMultiple = 1000
	boundFloor     = 10
	// MaxInvestment is the largest completed investment a project may
	// report, in 万元 (10 万亿元).
	MaxInvestment = 1e9
)

// ValueBound is the largest magnitude a report on the indicator may carry.
func ValueBound(ind *Indicator) float64 {
	scale := float64(boundFloor)
	for _, v := range []*float64{ind.Target, ind.Baseline} {
		if v != nil && finite(*v) {
			scale = math.Max(scale, math.Abs(*v))
		}
	}
	return targetMultiple * scale
}

// checkValueBound refuses a value beyond the indicator's bound.
func checkValueBound(v float64, ind *Indicator) []FieldError {
	if bound := ValueBound(ind); math.Abs(v) > bound {
		return []FieldError{{Field: "value", Message: fmt.Sprintf(
			"数值超出合理范围：绝对值不能超过 %g（目标值的 %d 倍）(beyond the sane range: at most %g, %d times the target)",
			bound, targetMultiple, bound, targetMultiple)}}
	}
	return nil
}

// checkInvestment refuses a negative, non-finite or absurd investment.
func checkInvestment(v *float64) []FieldError {
	switch {
	case v == nil:
		return nil
	case !finite(*v) || *v < 0:
		return []FieldError{{Field: "completed_investment", Message: "须为不小于 0 的有限数 (must be a finite number, not negative)"}}
	case *v > MaxInvestment:
		return []FieldError{{Field: "completed_investment", Message: fmt.Sprintf("不能超过 %g 万元 (at most %g 万元)", float64(MaxInvestment), float64(MaxInvestment))}}
	}
	return nil
}
