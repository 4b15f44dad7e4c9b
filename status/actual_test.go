package status

import (
	"testing"

	"github.com/duban-dev/duban"
)

func TestActual(t *testing.T) {
	cum := func(base *float64, target float64) duban.Indicator {
		return duban.Indicator{Kind: duban.Cumulative, Comparator: duban.Equal, Baseline: base, Target: f(target)}
	}
	level := duban.Indicator{Kind: duban.Level, Comparator: duban.AtLeast, Target: f(7.5)}
	inverse := duban.Indicator{Kind: duban.Level, Comparator: duban.AtMost, Baseline: f(80), Target: f(50)}
	inverseNoBase := duban.Indicator{Kind: duban.Level, Comparator: duban.AtMost, Target: f(50)}
	bandInd := duban.Indicator{Kind: duban.Level, Comparator: duban.About, Target: f(3), Tolerance: 0.5}
	miles := duban.Indicator{Kind: duban.MilestoneOnly, Milestones: make([]duban.Milestone, 4)}
	tests := []struct {
		name string
		ind  duban.Indicator
		obs  *Observation
		want Measure
	}{
		{"cumulative from zero", cum(nil, 248), &Observation{Value: f(62)}, Measure{Progress: 0.25, Known: true}},
		{"cumulative from baseline", cum(f(100), 300), &Observation{Value: f(150)}, Measure{Progress: 0.25, Known: true}},
		{"cumulative below baseline", cum(f(100), 300), &Observation{Value: f(90)}, Measure{Progress: 0, Known: true}},
		{"cumulative met", cum(nil, 14), &Observation{Value: f(14)}, Measure{Progress: 1, Met: true, Known: true}},
		{"cumulative beyond", cum(nil, 14), &Observation{Value: f(20)}, Measure{Progress: 1, Met: true, Known: true}},
		{"no observation", cum(nil, 14), nil, Measure{}},
		{"no value", cum(nil, 14), &Observation{Period: "2021-05"}, Measure{}},
		{"level ratio", level, &Observation{Value: f(6)}, Measure{Progress: 0.8, Known: true}},
		{"level met", level, &Observation{Value: f(8.1)}, Measure{Progress: 1, Met: true, Known: true}},
		{"inverse on the way", inverse, &Observation{Value: f(62)}, Measure{Progress: 0.6, Known: true}},
		{"inverse met", inverse, &Observation{Value: f(50)}, Measure{Progress: 1, Met: true, Known: true}},
		{"inverse worse than baseline", inverse, &Observation{Value: f(90)}, Measure{Progress: 0, Known: true}},
		{"inverse without baseline", inverseNoBase, &Observation{Value: f(62)}, Measure{Progress: 0, Known: true}},
		{"band inside", bandInd, &Observation{Value: f(3.5)}, Measure{Progress: 1, Met: true, Known: true}},
		{"band outside", bandInd, &Observation{Value: f(2.25)}, Measure{Progress: 0.5, Outside: 0.25, Known: true}},
		{"band far outside", bandInd, &Observation{Value: f(5)}, Measure{Progress: 0, Outside: 1.5, Known: true}},
		{"milestones half", miles, &Observation{MilestonesDone: 2}, Measure{Progress: 0.5, Known: true}},
		{"milestones all", miles, &Observation{MilestonesDone: 4}, Measure{Progress: 1, Met: true, Known: true}},
		{"milestones none reported", miles, nil, Measure{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Actual(&tt.ind, tt.obs)
			if got.Met != tt.want.Met || got.Known != tt.want.Known || !near(got.Progress, tt.want.Progress) || !near(got.Outside, tt.want.Outside) {
				t.Errorf("Actual = %+v, want %+v", got, tt.want)
			}
		})
	}
}
