package status

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestPlausibility(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	count := &duban.Indicator{Kind: duban.Cumulative, Comparator: duban.AtLeast, Target: f(14), Unit: "条"}
	rate := &duban.Indicator{Kind: duban.Level, Comparator: duban.AtLeast, Target: f(7), Unit: "%"}
	prev := &Observation{Period: "2021-Q2", Value: f(9)}
	tests := []struct {
		name   string
		ind    *duban.Indicator
		value  *float64
		period string
		prev   *Observation
		want   []string
	}{
		{"140 against 14 条", count, f(140), "2021-Q3", prev, []string{"是目标 14条 的 10 倍"}},
		{"three times is fine", count, f(42), "2021-Q3", prev, nil},
		{"cumulative drop", count, f(8), "2021-Q3", prev, []string{"低于上次通过的 9条（2021-Q2）"}},
		{"both", count, f(43), "2021-Q3", &Observation{Period: "2021-Q3", Value: f(50)}, []string{"倍", "累计数不应减少"}},
		{"an earlier period's correction is no drop", count, f(8), "2021-Q1", prev, nil},
		{"a level may fall", rate, f(6), "2021-Q3", &Observation{Period: "2021-Q2", Value: f(7.5)}, nil},
		{"no value", count, nil, "2021-Q3", prev, nil},
		{"no target", &duban.Indicator{Kind: duban.Cumulative}, f(1e6), "2021-Q3", nil, nil},
	}
	for _, tt := range tests {
		got := Plausibility(tt.ind, tt.value, tt.period, tt.prev)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %d warnings", tt.name, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(got[i].ZH, w) || got[i].EN == "" {
				t.Errorf("%s: warning %q lacks %q", tt.name, got[i].ZH, w)
			}
		}
	}
}
