package ui

import (
	"testing"

	"github.com/duban-dev/duban"
)

// TestEnglishUnits: an item's English explanation reads its units and
// counts in English.
func TestEnglishUnits(t *testing.T) {
	for in, want := range map[string]string{
		"Value 3000万元, target at least 5000万元; Expected 54%, actual 60%, 6 points ahead": "Value 3000 10k yuan, target at least 5000 10k yuan; Expected 54%, actual 60%, 6 points ahead",
		"Done: target 12个, actual 12个":                       "Done: target 12, actual 12",
		"Value 1.5亿元, target 3条":                             "Value 1.5 100 million yuan, target 3",
		"Value 21公里, target at least 30公里":                   "Value 21 km, target at least 30 km",
		"1 milestones due, 0 done":                           "1 milestone due, 0 done",
		"11 milestones due, 1 done":                          "11 milestones due, 1 done",
		"Done: all 1 milestones reached":                     "Done: the one milestone reached",
		"Overdue by 1 days: deadline 2021-06-30, actual 40%": "Overdue by 1 day: deadline 2021-06-30, actual 40%",
		"Value 7%, target at least 7.5%; 1 points behind":    "Value 7%, target at least 7.5%; 1 point behind",
	} {
		if got := englishUnits(in); got != want {
			t.Errorf("englishUnits(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// TestTargetText: a target reads naturally in both languages; an item
// with milestones only has no "exactly —".
func TestTargetText(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	zh, en := &page{Lang: "zh"}, &page{Lang: langEN}
	cases := []struct {
		ind    duban.Indicator
		zh, en string
	}{
		{duban.Indicator{Kind: duban.MilestoneOnly, Comparator: duban.Equal}, "按里程碑", "by milestones"},
		{duban.Indicator{Kind: duban.Cumulative, Comparator: duban.AtLeast, Target: v(5000), Unit: "万元"}, "不少于 5000万元", "at least 5000 10k yuan"},
		{duban.Indicator{Kind: duban.Cumulative, Comparator: duban.Equal, Target: v(12), Unit: "个"}, "达到 12个", "exactly 12"},
		{duban.Indicator{Kind: duban.Level, Comparator: duban.AtLeast, Target: v(7.5), Unit: "%"}, "不少于 7.5%", "at least 7.5%"},
		{duban.Indicator{Kind: duban.Cumulative, Comparator: duban.AtLeast, Target: v(30), Unit: "公里"}, "不少于 30公里", "at least 30 km"},
	}
	for _, c := range cases {
		if got := zh.TargetText(c.ind); got != c.zh {
			t.Errorf("zh %+v: %q, want %q", c.ind, got, c.zh)
		}
		if got := en.TargetText(c.ind); got != c.en {
			t.Errorf("en %+v: %q, want %q", c.ind, got, c.en)
		}
	}
	if got := en.Milestones(1) + ", " + en.Milestones(3); got != "1 milestone, 3 milestones" {
		t.Errorf("English milestone counts: %q", got)
	}
}
