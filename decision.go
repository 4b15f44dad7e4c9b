package duban

import (
	"time"
	"unicode/utf8"
)

// DecisionState is where a dispatch meeting's decision stands.
type DecisionState string

const (
	DecisionOpen DecisionState = "open" // 待落实
	DecisionDone DecisionState = "done" // 已落实
)

func (s DecisionState) Label() string {
	if s == DecisionDone {
		return "已落实"
	}
	return "待落实"
}

// Decision is what a dispatch meeting (调度会) decided on one item of its
// list: what is to be done, by whom, by when. It is a follow-up tracked on
// every later dispatch list until it is done.
type Decision struct {
	ID        int64         `json:"id"`
	PlanID    int64         `json:"plan_id"`
	Mechanism string        `json:"mechanism,omitempty"` // mechanism code
	Period    string        `json:"period"`              // the meeting's period, e.g. 2021-W28
	NodeID    int64         `json:"node_id"`
	NodeCode  string        `json:"node_code"`
	NodeTitle string        `json:"node_title"`
	ProblemID int64         `json:"problem_id,omitempty"`
	Text      string        `json:"text"`
	Owner     string        `json:"owner"` // unit code
	Due       Date          `json:"due"`
	State     DecisionState `json:"state"`
	Result    string        `json:"result,omitempty"`
	CreatedBy string        `json:"created_by"`
	CreatedAt time.Time     `json:"created_at"`
	DoneAt    *time.Time    `json:"done_at,omitempty"`
}

// Overdue reports whether the decision is open past its due day.
func (d *Decision) Overdue(today Date) bool { return d.State == DecisionOpen && today.After(d.Due) }

// DecisionInput is a decision as the supervisor records it.
type DecisionInput struct {
	Mechanism string `json:"mechanism"`
	Period    string `json:"period"`
	NodeID    int64  `json:"node_id"`
	ProblemID int64  `json:"problem_id"`
	Text      string `json:"text"`
	Owner     string `json:"owner"`
	Due       Date   `json:"due"`
}

// Check validates the decision's own fields.
func (in *DecisionInput) Check() error {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if in.NodeID <= 0 {
		add("node_id", "必填 (required)")
	}
	if n := utf8.RuneCountInString(in.Text); n == 0 || n > 1000 {
		add("text", "必填，最多 1000 字 (required; at most 1000 characters)")
	}
	if in.Owner == "" {
		add("owner", "必填：责任单位 (required: the unit responsible)")
	}
	if in.Due.IsZero() {
		add("due", "必填 (required)")
	}
	if in.Period == "" {
		add("period", "必填 (required)")
	}
	if len(errs) > 0 {
		return Invalid("调度决定有误 (invalid decision)", errs...)
	}
	return nil
}

// CanDispatch reports whether the user may record and close dispatch
// decisions: the supervision office and administrators.
func CanDispatch(u *User) bool { return hasRole(u, RoleAdmin, RoleSupervisor) }

// DecisionFilter selects decisions.
type DecisionFilter struct {
	PlanID   int64
	NodeID   int64
	Owner    string
	OpenOnly bool
	Page
}
