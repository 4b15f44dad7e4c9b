package duban

import "context"

// Page selects a slice of a list. PerPage is capped at MaxPerPage.
type Page struct {
	Page    int // from 1
	PerPage int
}

const (
	DefaultPerPage = 50
	MaxPerPage     = 500
)

// Normalize fills defaults and caps PerPage.
func (p Page) Normalize() Page {
	if p.Page < 1 {
		p.Page = 1
	}
	if p.PerPage < 1 {
		p.PerPage = DefaultPerPage
	}
	if p.PerPage > MaxPerPage {
		p.PerPage = MaxPerPage
	}
	return p
}

func (p Page) Offset() int { return (p.Page - 1) * p.PerPage }

// PlanFilter selects plans. PublicOnly hides non-public plans.
type PlanFilter struct {
	PublicOnly bool
	Page
}

// IndicatorFilter selects a plan's indicators.
type IndicatorFilter struct {
	PlanID int64
	Page
}

// IndicatorRow is an indicator as listed, with its node's deadline and
// commitment.
type IndicatorRow struct {
	Indicator
	Deadline   Date       `json:"deadline"`
	Commitment Commitment `json:"commitment"`
}

// PlanService stores plans as whole documents and lists them.
type PlanService interface {
	// ImportBundle creates the plan, or replaces the plan with the same code,
	// upserting its units, people and mechanisms by code, in one
	// transaction. On error nothing is written.
	ImportBundle(ctx context.Context, b *Bundle, actor string) (planID int64, err error)
	// ExportBundle reads a plan back as the document it was imported from.
	ExportBundle(ctx context.Context, planID int64) (*Bundle, error)
	FindPlan(ctx context.Context, id int64) (*Plan, error)
	ListPlans(ctx context.Context, f PlanFilter) ([]PlanSummary, int, error)
	ListIndicators(ctx context.Context, f IndicatorFilter) ([]IndicatorRow, int, error)
}

// UserService stores accounts. Creating and changing one is audited under
// actor.
type UserService interface {
	CreateUser(ctx context.Context, actor string, u *User) error
	// UpdateUser applies p to the account. A new password or disabling it
	// ends its sessions. No change may leave the system without an enabled
	// administrator (ECONFLICT).
	UpdateUser(ctx context.Context, actor, username string, p UserPatch) (*User, error)
	FindUserByUsername(ctx context.Context, username string) (*User, error)
	// ListUsers returns every account by username, without password hashes.
	ListUsers(ctx context.Context) ([]User, error)
}

// ReportService stores progress reports.
type ReportService interface {
	// InsertReports writes reports in one transaction, all or nothing.
	InsertReports(ctx context.Context, rs []Report, actor string) error
	ListReports(ctx context.Context, indicatorID int64) ([]Report, error)
}
