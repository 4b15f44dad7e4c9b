package status

import (
	"testing"

	"github.com/duban-dev/duban"
)

func TestExpectedLinear(t *testing.T) {
	ind := &duban.Indicator{Kind: duban.Cumulative}
	start, deadline := d("2021-01-01"), d("2021-12-31")
	tests := []struct {
		asOf string
		want float64
	}{
		{"2020-12-31", 0},
		{"2021-01-01", 1.0 / 365},
		{"2021-01-31", 31.0 / 365},
		{"2021-06-30", 181.0 / 365},
		{"2021-07-02", 183.0 / 365},
		{"2021-12-30", 364.0 / 365},
		{"2021-12-31", 1},
		{"2022-03-01", 1},
	}
	for _, tt := range tests {
		assertNear(t, "Expected "+tt.asOf, Expected(ind, start, deadline, d(tt.asOf)), tt.want)
	}
}

func TestExpectedPiecewise(t *testing.T) {
	// Day index: 2021-06-30 is 181, 2021-12-31 is 365.
	tests := []struct {
		name             string
		baseline, target float64
		milestone        float64
		asOf             string
		want             float64
	}{
		{"at milestone", 0, 100, 20, "2021-06-30", 0.2},
		{"first segment", 0, 100, 20, "2021-03-31", 0.2 * 90 / 181},
		{"second segment", 0, 100, 20, "2021-09-30", (20 + 80*92.0/184) / 100},
		{"from a baseline", 50, 150, 70, "2021-06-30", 0.2},
		{"milestone above target clamps", 0, 100, 120, "2021-06-30", 1},
		{"deadline", 0, 100, 20, "2021-12-31", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := &duban.Indicator{
				Kind: duban.Cumulative, Baseline: f(tt.baseline), Target: f(tt.target),
				Milestones: []duban.Milestone{{Date: d("2021-06-30"), Value: f(tt.milestone)}},
			}
			assertNear(t, "Expected", Expected(ind, d("2021-01-01"), d("2021-12-31"), d(tt.asOf)), tt.want)
		})
	}
}

func TestExpectedPiecewiseFlatTargetFallsBackToLinear(t *testing.T) {
	ind := &duban.Indicator{
		Kind: duban.Cumulative, Baseline: f(5), Target: f(5),
		Milestones: []duban.Milestone{{Date: d("2021-06-30"), Value: f(9)}},
	}
	assertNear(t, "Expected", Expected(ind, d("2021-01-01"), d("2021-12-31"), d("2021-06-30")), 181.0/365)
}

func TestExpectedStep(t *testing.T) {
	ind := &duban.Indicator{Kind: duban.MilestoneOnly, Milestones: []duban.Milestone{
		{Date: d("2021-03-31"), Description: "立项"},
		{Date: d("2021-06-30"), Description: "开工"},
		{Date: d("2021-09-30"), Description: "主体完工"},
		{Date: d("2021-11-30"), Description: "验收"},
	}}
	tests := []struct {
		asOf string
		want float64
	}{
		{"2021-01-15", 0},
		{"2021-03-30", 0},
		{"2021-03-31", 0.25},
		{"2021-05-01", 0.25},
		{"2021-06-30", 0.5},
		{"2021-10-15", 0.75},
		{"2021-12-01", 1},
	}
	for _, tt := range tests {
		assertNear(t, "Expected "+tt.asOf, Expected(ind, d("2021-01-01"), d("2021-12-31"), d(tt.asOf)), tt.want)
	}
}
