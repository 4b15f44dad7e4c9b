package synth

import (
	"fmt"
	"time"

	"github.com/duban-dev/duban"
)

// Fixed shape of every district's plan.
const (
	UnitsPerDistrict  = 10
	AreasPerPlan      = 6
	IndicatorsPerTask = 5
	// GlobalUsers are admin, the supervisor and the leader, ids 1..3.
	GlobalUsers = 3
	Year        = 2021
)

// Usernames of the national accounts.
const (
	AdminUsername      = "admin"
	SupervisorUsername = "duchashi"
	LeaderUsername     = "lingdao"
)

// Config describes a dataset.
type Config struct {
	Districts int
	Items     int // indicators per district
	Months    int // months of reports, 1..12
	Seed      uint64
}

// Validate checks the sizes.
func (c Config) Validate() error {
	var errs []duban.FieldError
	if c.Districts < 1 || c.Districts > 99999 {
		errs = append(errs, duban.FieldError{Field: "districts", Message: "应为 1–99999 (want 1 to 99999)"})
	}
	if c.Items < 1 || c.Items > 9999 {
		errs = append(errs, duban.FieldError{Field: "items-per-district", Message: "应为 1–9999 (want 1 to 9999)"})
	}
	if c.Months < 0 || c.Months > 12 {
		errs = append(errs, duban.FieldError{Field: "months", Message: "应为 0–12 (want 0 to 12)"})
	}
	if errs != nil {
		return duban.Invalid("参数有误 (bad flag)", errs...)
	}
	return nil
}

// Tasks is the number of task nodes per plan.
func (c Config) Tasks() int { return (c.Items + IndicatorsPerTask - 1) / IndicatorsPerTask }

// NodesPerPlan counts areas and tasks.
func (c Config) NodesPerPlan() int { return AreasPerPlan + c.Tasks() }

// NoticesPerDistrict is one notice per 50 indicators, at least one.
func (c Config) NoticesPerDistrict() int { return max(1, c.Items/50) }

// AsOf is the day statuses are evaluated: the end of the last reported
// month (the plan's start when no month is reported).
func (c Config) AsOf() duban.Date {
	if c.Months == 0 {
		return duban.NewDate(Year, 1, 1)
	}
	return duban.NewDate(Year, time.Month(c.Months+1), 1).AddDays(-1)
}

// PlanID is the id of district d's plan (d counts from 0).
func PlanID(d int) int64 { return int64(d) + 1 }

// PlanCode is the code of district d's plan.
func PlanCode(d int) string { return fmt.Sprintf("synth-d%05d", d) }

// UnitCode is the code of unit u of district d; it is also the username of
// the unit's reporter.
func UnitCode(d, u int) string { return fmt.Sprintf("d%05d-u%02d", d, u) }

// UnitID is the id of unit u of district d; its contact person has the same id.
func UnitID(d, u int) int64 { return int64(d*UnitsPerDistrict+u) + 1 }

// UserID is the id of the reporter of unit u of district d.
func UserID(d, u int) int64 { return GlobalUsers + UnitID(d, u) }

// NodeID is the id of node j (pre-order) of district d's plan.
func (c Config) NodeID(d, j int) int64 { return int64(d*c.NodesPerPlan()+j) + 1 }

// IndicatorID is the id of indicator i of district d.
func (c Config) IndicatorID(d, i int) int64 { return int64(d*c.Items+i) + 1 }

// TaskUnit is the unit leading task t; indicator i lies on task i/IndicatorsPerTask.
func TaskUnit(t int) int { return t % UnitsPerDistrict }

// UnitIndicators lists the indicators of district d whose task unit u leads.
func (c Config) UnitIndicators(d, u int) []int64 {
	var ids []int64
	for i := 0; i < c.Items; i++ {
		if TaskUnit(i/IndicatorsPerTask) == u {
			ids = append(ids, c.IndicatorID(d, i))
		}
	}
	return ids
}
