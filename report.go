package duban

import "time"

// ReportState is where a progress report stands in review.
type ReportState string

const (
	Draft     ReportState = "draft"
	Submitted ReportState = "submitted"
	Approved  ReportState = "approved"
	Returned  ReportState = "returned"
)

func (s ReportState) Valid() bool {
	return s == Draft || s == Submitted || s == Approved || s == Returned
}

// Report is one version of a unit's progress report on an indicator for one
// period of its cadence. A correction is a new version; nothing is
// overwritten. Only approved reports drive status.
type Report struct {
	ID           int64        `json:"id"`
	PlanID       int64        `json:"plan_id"`
	IndicatorID  int64        `json:"indicator_id"`
	UnitCode     string       `json:"unit_code"`
	Period       string       `json:"period"` // 2021-07, 2021-W28 or 2021-Q3
	Version      int          `json:"version"`
	Value        *float64     `json:"value"` // cumulative for counts
	Note         string       `json:"note,omitempty"`
	State        ReportState  `json:"state"`
	Investment   *float64     `json:"completed_investment,omitempty"` // projects, 万元
	Stage        ProjectStage `json:"stage,omitempty"`                // projects
	ReturnReason string       `json:"return_reason,omitempty"`
	SubmittedBy  string       `json:"submitted_by,omitempty"` // username
	SubmittedAt  time.Time    `json:"submitted_at"`
	ReviewedBy   string       `json:"reviewed_by,omitempty"`
	ReviewedAt   *time.Time   `json:"reviewed_at,omitempty"`
	// MilestonesDone counts the indicator's milestones reached, for
	// milestone-only indicators.
	MilestonesDone int `json:"milestones_done,omitempty"`
	// Attachments are the files attached to this version, in order.
	Attachments []Attachment `json:"attachments,omitempty"`
}
