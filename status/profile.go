package status

import (
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
)

// Rule is how a profile compares actual progress with 序时进度.
type Rule string

const (
	// GapRule grades by the gap in percentage points (expected − actual).
	GapRule Rule = "gap"
	// RatioRule grades by actual as a share of expected.
	RatioRule Rule = "ratio"
)

// Profile is a named set of thresholds. For GapRule, Yellow and Red are
// points behind 序时进度 that must be exceeded; for RatioRule they are the
// shares of 序时进度 that actual progress must fall below.
type Profile struct {
	Name         string  `json:"name"`
	Label        string  `json:"label"`
	Rule         Rule    `json:"rule"`
	Yellow       float64 `json:"yellow"`
	Red          float64 `json:"red"`
	DeadlineDays int     `json:"deadline_days"` // not done this close to the deadline: at least yellow
	GraceDays    int     `json:"grace_days"`    // days after a period ends before its report is missing
	// BandRed is, for keep-within (~) targets, how many tolerances outside
	// the band turn yellow into red.
	BandRed float64 `json:"band_red"`
}

// DefaultProfile is the name used when a plan names none.
const DefaultProfile = "gap"

var profiles = []Profile{
	{
		Name: "gap", Label: "差距法：落后序时进度超过10个百分点黄灯、超过30个百分点红灯",
		Rule: GapRule, Yellow: 10, Red: 30, DeadlineDays: 30, GraceDays: 10, BandRed: 1,
	},
	{
		Name: "ratio", Label: "比例法：低于序时进度80%黄灯、低于60%红灯",
		Rule: RatioRule, Yellow: 0.8, Red: 0.6, DeadlineDays: 30, GraceDays: 10, BandRed: 1,
	},
}

// Profiles lists the built-in profiles, the default first.
func Profiles() []Profile { return append([]Profile(nil), profiles...) }

// ProfileByName returns the named profile; the empty name gives the default.
func ProfileByName(name string) (Profile, error) {
	if name == "" {
		name = DefaultProfile
	}
	names := make([]string, len(profiles))
	for i, p := range profiles {
		if p.Name == name {
			return p, nil
		}
		names[i] = p.Name
	}
	return Profile{}, duban.Invalid("未知的预警规则 (unknown status profile)", duban.FieldError{
		Field:   "profile",
		Message: fmt.Sprintf("%q 不存在，可选 %s (unknown profile; want one of %s)", name, strings.Join(names, "、"), strings.Join(names, ", ")),
	})
}

// epsilon absorbs float error so that exactly 10 points behind is 10.
const epsilon = 1e-9

// grade judges progress against 序时进度 by the profile's rule.
func (p Profile) grade(expected, actual float64) Status {
	switch p.Rule {
	case RatioRule:
		switch {
		case actual < p.Red*expected-epsilon:
			return Lagging
		case actual < p.Yellow*expected-epsilon:
			return Warning
		}
	default:
		gap := (expected - actual) * 100
		switch {
		case gap > p.Red+epsilon:
			return Lagging
		case gap > p.Yellow+epsilon:
			return Warning
		}
	}
	return OnTrack
}
