package duban

import (
	"context"
	"encoding/json"
	"time"
)

// Snapshot is what the status engine needs of a plan at a date: the tree
// and indicators with their ids, and the approved reports up to the date
// (the latest version per indicator and period), oldest period first.
type Snapshot struct {
	Plan       Plan
	Nodes      []Node      // pre-order, with ids and parent codes
	Indicators []Indicator // with ids and node codes
	Reports    []Report
}

// ReportFilter selects reports. Zero fields do not filter.
type ReportFilter struct {
	PlanID      int64
	IndicatorID int64
	UnitCode    string
	State       ReportState
	Page
}

// TrackingReportService is the review workflow over reports.
type TrackingReportService interface {
	// SubmitReports checks every input with CheckReport and writes them as
	// new versions in one transaction; any bad row fails them all, with
	// FieldError.Row naming the 1-based row.
	SubmitReports(ctx context.Context, actor *User, ins []ReportInput, today Date) ([]Report, error)
	// SubmitReport submits one report; an unknown indicator is ENOTFOUND.
	SubmitReport(ctx context.Context, actor *User, in ReportInput, today Date) (*Report, error)
	// OnceSubmitter: uploads (workbooks, JSON batches) write once per key.
	OnceSubmitter
	// ReviewReport approves or returns (with a reason) a submitted report.
	ReviewReport(ctx context.Context, actor *User, id int64, approve bool, reason string) (*Report, error)
	FindReport(ctx context.Context, id int64) (*Report, error)
	ListReportsFiltered(ctx context.Context, f ReportFilter) ([]Report, int, error)
	Snapshot(ctx context.Context, planID int64, asOf Date) (*Snapshot, error)
	FindReportTarget(ctx context.Context, indicatorID int64) (*ReportTarget, error)
}

// NoticeInput is a notice as issued by hand or by a rule.
type NoticeInput struct {
	PlanID      int64         `json:"plan_id"`
	NodeID      int64         `json:"node_id"`
	IndicatorID int64         `json:"indicator_id"`
	Trigger     NoticeTrigger `json:"-"`
	Level       NoticeLevel   `json:"level"`
	Issue       string        `json:"issue"`
	Action      string        `json:"action"`
	ReplyDue    Date          `json:"reply_due"`
}

// NoticeFilter selects notices.
type NoticeFilter struct {
	PlanID   int64
	UnitCode string
	State    NoticeState
	OpenOnly bool
	Level    NoticeLevel // 0 for every level
	// OverdueOn, when set, keeps the notices whose reply is overdue on that
	// day (Notice.ReplyOverdue).
	OverdueOn Date
	Page
}

// NoticeService issues notices and moves them through their lifecycle; each
// change writes the audit log and the outbox in the same transaction.
type NoticeService interface {
	CreateNotice(ctx context.Context, actor *User, in NoticeInput) (*Notice, error)
	ApplyNotice(ctx context.Context, actor *User, id int64, act NoticeAction, text string, newDue Date) (*Notice, error)
	FindNotice(ctx context.Context, id int64) (*Notice, error)
	ListNotices(ctx context.Context, f NoticeFilter) ([]Notice, int, error)
	// EscalateOverdue raises every notice of the plan (of every plan when
	// planID is 0) whose reply is overdue on today one level with a new
	// reply deadline (Notice.EscalateOverdue), and returns them.
	EscalateOverdue(ctx context.Context, actor *User, planID int64, today Date) ([]Notice, error)
}

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	ID       int64           `json:"id"`
	At       time.Time       `json:"at"`
	Actor    string          `json:"actor"`
	Action   string          `json:"action"` // e.g. report.submit
	Entity   string          `json:"entity"` // e.g. report
	EntityID int64           `json:"entity_id"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity   string
	EntityID int64
	Actor    string
	// Action is one action ("report.approve"), or all of a kind when it ends
	// in a dot ("report.").
	Action string
	// From and To bound the day, in Beijing time, both included; zero is
	// open.
	From, To Date
	Page
}

// Check names the filter's bad field.
func (f AuditFilter) Check() error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return Invalid("参数有误 (bad parameter)", FieldError{Field: "to", Message: "不能早于起始日期 (before from)"})
	}
	return nil
}

// SessionService keeps API tokens (stored hashed) and reads the directory.
type SessionService interface {
	CreateSession(ctx context.Context, userID int64, tokenHash []byte, expires time.Time) error
	FindSessionUser(ctx context.Context, tokenHash []byte, now time.Time) (*User, error)
	DeleteSession(ctx context.Context, tokenHash []byte) error
}
