package duban

import "context"

// DatasetPart is a slice of a large body of records that a bulk path writes
// at once, small enough to hold in memory (duban gen makes one per
// district). Every record carries its id; references to units and people
// are by code and resolve within the part or an earlier part.
type DatasetPart struct {
	Units      []Unit
	People     []Person
	Plans      []Plan
	Nodes      []Node // pre-order within each plan
	Indicators []Indicator
	Reports    []Report // ids are left to the database
	Notices    []Notice
	Users      []User
	Statuses   []IndicatorStatus
}

// Rows is the number of records in the part.
func (p *DatasetPart) Rows() int {
	return len(p.Units) + len(p.People) + len(p.Plans) + len(p.Nodes) + len(p.Indicators) +
		len(p.Reports) + len(p.Notices) + len(p.Users) + len(p.Statuses)
}

// IndicatorStatus is one indicator's evaluated status as of a day, with the
// keys a national rollup groups by.
type IndicatorStatus struct {
	IndicatorID int64   `json:"indicator_id"`
	PlanID      int64   `json:"plan_id"`
	Province    string  `json:"province"`
	Area        string  `json:"area"` // title of the area node the indicator lies under
	Status      string  `json:"status"`
	Progress    float64 `json:"progress"` // 0..1
	AsOf        Date    `json:"as_of"`
}

// StatusAdvance is what one move of the stored statuses to a new day did.
type StatusAdvance struct {
	Plans     int // plans moved to the day
	Rejudged  int // indicators judged again (their next change fell due)
	Rebuilt   int // plans judged whole because nothing was stored of them
	Whole     int // plans judged whole from their stored inputs: many due, or deltas could not tell
	Unchanged int // plans moved set-based: their due indicators judged, the plan stamped
}

// RollupGroup is one row of a national rollup: the indicators of one
// province or one area, counted by status.
type RollupGroup struct {
	Key      string         `json:"key"`
	Items    int            `json:"items"`
	Progress float64        `json:"progress"` // mean, 0..1
	Counts   map[string]int `json:"counts"`
}

// RollupBy names what a national rollup groups by.
type RollupBy string

const (
	RollupByProvince RollupBy = "province"
	RollupByArea     RollupBy = "area"
)

func (b RollupBy) Valid() bool { return b == RollupByProvince || b == RollupByArea }

// RollupService keeps each indicator's latest status and counts them
// nationally.
type RollupService interface {
	// SaveIndicatorStatuses replaces the stored statuses of a plan.
	SaveIndicatorStatuses(ctx context.Context, planID int64, rows []IndicatorStatus, actor string) error
	// UpdateIndicatorStatuses replaces the stored statuses of some
	// indicators, of any plans, in one transaction.
	UpdateIndicatorStatuses(ctx context.Context, rows []IndicatorStatus, actor string) error
	// Rollup counts stored statuses by province or area; a non-zero asOf
	// keeps only statuses evaluated as of that day.
	Rollup(ctx context.Context, by RollupBy, asOf Date) ([]RollupGroup, error)
}
