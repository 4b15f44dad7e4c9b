package status

import (
	"fmt"

	"github.com/duban-dev/duban"
)

// ImplausibleFactor is how many times its target a reported value may be
// before a reviewer is warned: 140 against a target of 14 is a typo more
// often than a feat.
const ImplausibleFactor = 3

// Plausibility lists what a reviewer should check in a value reported for
// period before approving it: a value more than ImplausibleFactor times a
// positive target, and a cumulative count below the previous approved
// value of the same or an earlier period (a cumulative count cannot drop).
// prev is the latest approved observation before this report, nil if none.
func Plausibility(ind *duban.Indicator, value *float64, period string, prev *Observation) []Explanation {
	if value == nil {
		return nil
	}
	var out []Explanation
	v := *value
	if t := ind.Target; t != nil && *t > 0 && v > ImplausibleFactor**t {
		n, tt := formatNumber(v)+ind.Unit, formatNumber(*t)+ind.Unit
		out = append(out, Explanation{
			ZH: fmt.Sprintf("填报值 %s 是目标 %s 的 %s 倍，请核实是否多输了位数", n, tt, formatNumber(v / *t)),
			EN: fmt.Sprintf("the value %s is %s times the target %s: check for a typo", n, formatNumber(v / *t), tt),
		})
	}
	if ind.Kind == duban.Cumulative && prev != nil && prev.Value != nil && prev.Period <= period && v < *prev.Value {
		n, p := formatNumber(v)+ind.Unit, formatNumber(*prev.Value)+ind.Unit
		out = append(out, Explanation{
			ZH: fmt.Sprintf("累计值 %s 低于上次通过的 %s（%s），累计数不应减少", n, p, prev.Period),
			EN: fmt.Sprintf("the cumulative value %s is below the last approved %s (%s): a cumulative count cannot drop", n, p, prev.Period),
		})
	}
	return out
}
