package status

import (
	"testing"

	"github.com/duban-dev/duban"
)

func BenchmarkEvaluate(b *testing.B) {
	p := mustProfile(b, "gap")
	inputs := []IndicatorInput{
		{Indicator: counted(248), PlanStart: d("2021-01-01"), PlanEnd: d("2021-12-31"),
			Latest: &Observation{Period: "2021-06", Value: f(90)}, Reported: []string{"2021-04", "2021-05", "2021-06"}},
		{Indicator: duban.Indicator{Code: "w", Kind: duban.Cumulative, Comparator: duban.AtLeast, Target: f(100), Unit: "个", Cadence: duban.Weekly,
			Milestones: []duban.Milestone{{Date: d("2021-03-31"), Value: f(20)}, {Date: d("2021-09-30"), Value: f(70)}}},
			PlanStart: d("2021-01-01"), PlanEnd: d("2021-12-31"), Latest: &Observation{Period: "2021-W25", Value: f(30)}},
	}
	asOf := d("2021-07-12")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Evaluate(inputs[i%len(inputs)], asOf, p)
	}
}

// 6 areas × 40 tasks × 42 items = 10,080 indicators.
func BenchmarkRollup10k(b *testing.B) {
	nodes, results := genPlan(6, 40, 42)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRollup(nodes, results); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRollupUpdate10k(b *testing.B) {
	nodes, results := genPlan(6, 40, 42)
	r := mustRollup(b, nodes, results)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		res := results[(i*7919)%len(results)]
		res.Actual = float64(i%100) / 100
		if err := r.Update(res.Indicator, res); err != nil {
			b.Fatal(err)
		}
	}
}
