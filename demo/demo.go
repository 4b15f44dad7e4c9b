// Package demo holds the built-in demonstration data: the Erqi District 2021
// plan as a plan file, demo accounts, and simulated progress reports that
// give a demo installation a realistic mix of statuses.
package demo

import (
	_ "embed"
	"time"

	"github.com/duban-dev/duban"
)

// ErqiPlan is the whole 2021 plan of 郑州市二七区 in the duban-plan/1 format.
//
//go:embed erqi-2021.yaml
var ErqiPlan []byte

// ErqiPlanName is the file name to give planfile.Decode with ErqiPlan.
const ErqiPlanName = "erqi-2021.yaml"

// DefaultSeed and DefaultAsOf are what a demo installation simulates with:
// mid-July 2021, when the first half-year can be judged.
const DefaultSeed int64 = 2021

var DefaultAsOf = duban.NewDate(2021, time.July, 15)
