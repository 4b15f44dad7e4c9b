package status

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/duban-dev/duban"
)

// walkNextChange is NextChange the slow way: evaluate every day until the
// light differs, up to a year past the deadline.
func walkNextChange(in IndicatorInput, asOf duban.Date, p Profile) duban.Date {
	now := Evaluate(in, asOf, p)
	for d := asOf.AddDays(1); d.Before(in.Deadline.AddDays(400)); d = d.AddDays(1) {
		r := Evaluate(in, d, p)
		if r.Status != now.Status || r.Missing != now.Missing {
			return d
		}
	}
	return duban.Date{}
}

func TestNextChangeEqualsADayByDayWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for i := range 3000 {
		asOf := d("2021-01-01").AddDays(rng.IntN(420) - 20)
		in := randomInput(rng, asOf)
		p := Profiles()[rng.IntN(2)]
		got, want := NextChange(in, asOf, p), walkNextChange(in, asOf, p)
		if got != want {
			t.Fatalf("case %d, profile %s, as of %s: NextChange = %s, a day-by-day walk finds %s\ninput %s",
				i, p.Name, asOf, got, want, describeInput(in))
		}
	}
}

func TestNextChangeSkipsDaysWhereOnlyTheGapMoves(t *testing.T) {
	in := IndicatorInput{
		Indicator: duban.Indicator{Code: "x", Kind: duban.Cumulative, Comparator: duban.AtLeast,
			Direction: duban.Increase, Cadence: duban.Quarterly, Baseline: f(0), Target: f(100)},
		Start: d("2021-01-01"), Deadline: d("2021-12-31"),
		Latest:   &Observation{Period: "2021-Q1", Value: f(40)},
		Reported: []string{"2021-Q1"},
	}
	p, _ := ProfileByName("gap")
	// 40 % done: 10 points behind 序时进度 on about 2021-06-26, 30 points
	// behind on about 2021-09-08; nothing else moves the light in between.
	got := NextChange(in, d("2021-04-20"), p)
	if !got.After(d("2021-05-01")) {
		t.Fatalf("NextChange = %s: a quiet indicator must not be due again the next day", got)
	}
	if before, at := Evaluate(in, got.AddDays(-1), p), Evaluate(in, got, p); before.Status == at.Status && before.Missing == at.Missing {
		t.Fatalf("NextChange = %s, but the light is %s the day before and on it", got, at.Status)
	}
}

// randomInput draws an indicator with reports for some of the periods
// that ended by asOf.
func randomInput(rng *rand.Rand, asOf duban.Date) IndicatorInput {
	kinds := []duban.IndicatorKind{duban.Cumulative, duban.Level, duban.MilestoneOnly}
	comps := []duban.Comparator{duban.AtLeast, duban.AtMost, duban.Equal, duban.About}
	cads := []duban.Cadence{duban.Weekly, duban.Monthly, duban.Quarterly}
	start := d("2021-01-01").AddDays(rng.IntN(120))
	deadline := start.AddDays(30 + rng.IntN(330))
	ind := duban.Indicator{Code: "x", Kind: kinds[rng.IntN(3)], Comparator: comps[rng.IntN(4)],
		Direction: duban.Increase, Cadence: cads[rng.IntN(3)], Baseline: f(0), Target: f(float64(10 + rng.IntN(100)))}
	if ind.Comparator == duban.AtMost {
		ind.Direction, ind.Baseline, ind.Target = duban.Decrease, f(100), f(float64(rng.IntN(60)))
	}
	if ind.Comparator == duban.About {
		ind.Direction, ind.Tolerance = duban.Keep, 1+float64(rng.IntN(5))
	}
	for range rng.IntN(4) {
		m := duban.Milestone{Date: start.AddDays(rng.IntN(start.DaysUntil(deadline) + 1)), Description: "m"}
		if rng.IntN(2) == 0 && ind.Kind != duban.MilestoneOnly {
			m.Value = f(*ind.Baseline + (*ind.Target-*ind.Baseline)*rng.Float64())
		}
		ind.Milestones = append(ind.Milestones, m)
	}
	in := IndicatorInput{Indicator: ind, Start: start, Deadline: deadline, PlanStart: d("2021-01-01"), PlanEnd: d("2021-12-31")}
	periods := PeriodsBetween(ind.Cadence, start, deadline)
	for _, per := range periods {
		if end, _ := PeriodEnd(ind.Cadence, per); end.Before(asOf) && rng.IntN(3) > 0 {
			in.Reported = append(in.Reported, per)
		}
	}
	if len(in.Reported) > 0 && rng.IntN(4) > 0 {
		per := in.Reported[rng.IntN(len(in.Reported))]
		v := *ind.Baseline + (*ind.Target-*ind.Baseline)*rng.Float64()*1.2
		in.Latest = &Observation{Period: per, Value: f(v), MilestonesDone: rng.IntN(len(ind.Milestones) + 1)}
	}
	return in
}

func describeInput(in IndicatorInput) string {
	s := fmt.Sprintf("%s %s %s baseline %v target %v tol %v, %s..%s, reported %v", in.Indicator.Kind, in.Indicator.Comparator,
		in.Indicator.Cadence, *in.Indicator.Baseline, *in.Indicator.Target, in.Indicator.Tolerance, in.Start, in.Deadline, in.Reported)
	if in.Latest != nil {
		s += fmt.Sprintf(", latest %s = %v (%d milestones)", in.Latest.Period, *in.Latest.Value, in.Latest.MilestonesDone)
	}
	for _, m := range in.Indicator.Milestones {
		s += fmt.Sprintf(", milestone %s %v", m.Date, m.Value)
	}
	return s
}
