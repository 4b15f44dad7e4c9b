package forecast

import (
	"fmt"
	"math"

	"github.com/duban-dev/duban"
)

// Observation is an approved cumulative value at the end of its period.
type Observation struct {
	End   duban.Date
	Value float64
}

// Input is one cumulative indicator: its window, baseline, target and the
// approved values up to the as-of day, oldest first.
type Input struct {
	Indicator duban.Indicator
	Start     duban.Date
	Deadline  duban.Date
	AsOf      duban.Date
	Values    []Observation
	// Anchor, when set, is the fit's first point in place of the baseline
	// at Start, and only the values after it are fitted: the day a
	// project began building, before which its spending says nothing of
	// its pace.
	Anchor *Observation
}

// Result is a forecast of the value at the deadline.
type Result struct {
	IndicatorID int64      `json:"indicator_id"`
	Code        string     `json:"code"`
	Deadline    duban.Date `json:"deadline"`
	Latest      float64    `json:"latest"`
	Target      float64    `json:"target"`
	Unit        string     `json:"unit"`
	Value       float64    `json:"value"` // forecast at the deadline
	Low         float64    `json:"low"`
	High        float64    `json:"high"`
	Ratio       float64    `json:"ratio"` // forecast share of the target (baseline 0 %)
	Points      int        `json:"points"`
	Interval    bool       `json:"interval"`
	Short       bool       `json:"short"`      // the forecast falls short of the target
	Miss        bool       `json:"miss"`       // likely to miss: even the interval's top falls short
	Warning     string     `json:"warning"`    // 以当前进度，预计年底完成 201/248 (81%)
	WarningEN   string     `json:"warning_en"` // the same in English
	Method      string     `json:"method"`
}

// Applies reports whether an indicator can be forecast: a cumulative count
// that must reach its target (>=, =) going up.
func Applies(ind *duban.Indicator) bool {
	return ind.Kind == duban.Cumulative && ind.Target != nil && ind.Direction != duban.Decrease &&
		(ind.Comparator == duban.AtLeast || ind.Comparator == duban.Equal)
}

// Project forecasts the indicator's value at its deadline; ok is false when
// it does not apply, has no approved value yet, or the deadline has passed.
func Project(in Input) (Result, bool) {
	ind := &in.Indicator
	if !Applies(ind) || len(in.Values) == 0 || in.AsOf.After(in.Deadline) {
		return Result{}, false
	}
	base := 0.0
	if ind.Baseline != nil {
		base = *ind.Baseline
	}
	pts := []Point{{0, base}}
	if in.Anchor != nil {
		pts[0] = Point{float64(in.Start.DaysUntil(in.Anchor.End) + 1), in.Anchor.Value}
	}
	for _, v := range in.Values {
		if in.Anchor == nil || v.End.After(in.Anchor.End) {
			pts = append(pts, Point{float64(in.Start.DaysUntil(v.End) + 1), v.Value})
		}
	}
	f, ok := Linear(pts, float64(in.Start.DaysUntil(in.Deadline)+1))
	if !ok {
		return Result{}, false
	}
	latest := in.Values[len(in.Values)-1].Value
	floor := math.Max(latest, 0)
	r := Result{IndicatorID: ind.ID, Code: ind.Code, Deadline: in.Deadline, Latest: latest, Target: *ind.Target,
		Unit: ind.Unit, Value: math.Max(f.Value, floor), Low: math.Max(f.Low, floor), High: math.Max(f.High, floor),
		Points: f.N, Interval: f.Interval, Method: Method}
	if r.Target != base {
		r.Ratio = (r.Value - base) / (r.Target - base)
	}
	r.Short = r.Value < r.Target
	r.Miss = r.High < r.Target
	r.Warning = fmt.Sprintf("以当前进度，预计%s完成 %s/%s%s (%.0f%%)", deadlineWord(in), num(r.Value), num(r.Target), ind.Unit, r.Ratio*100)
	r.WarningEN = fmt.Sprintf("At the current pace, %s/%s %s by %s (%.0f%%)", num(r.Value), num(r.Target), ind.Unit, in.Deadline, r.Ratio*100)
	return r, true
}

// deadlineWord is 年底 for a deadline on 31 December of the as-of year,
// 2023年底 for one of a later year, else the date.
func deadlineWord(in Input) string {
	switch {
	case in.Deadline.Month() != 12 || in.Deadline.Day() != 31:
		return in.Deadline.String() + "前"
	case in.Deadline.Year() != in.AsOf.Year():
		return fmt.Sprintf("%d年底", in.Deadline.Year())
	}
	return "年底"
}

// num rounds a forecast for reading: whole numbers for counts of 10 or
// more, one decimal below.
// num writes a forecast value so that it and its share of the target
// agree when read together: 12.1/10 (121%), not 12/10 (121%).
func num(v float64) string {
	if math.Abs(v) >= 100 || math.Abs(v-math.Round(v)) < 0.05 {
		return fmt.Sprintf("%.0f", math.Round(v))
	}
	return fmt.Sprintf("%.1f", v)
}
