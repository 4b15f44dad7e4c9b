package ui

import (
	"testing"

	"github.com/duban-dev/duban"
)

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
		{duban.Indicator{Kind: duban.Cumulative, Comparator: duban.Equal, Target: v(12), Unit: "个"}, "达到 12个", "reach 12"},
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
