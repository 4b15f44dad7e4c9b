package duban

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// ProblemCategory is what kind of factor a problem lacks (要素保障).
type ProblemCategory string

var problemCategories = []struct {
	c     ProblemCategory
	label string
}{
	{"land", "用地"}, {"funds", "资金"}, {"approvals", "审批手续"}, {"demolition", "征迁"},
	{"utilities", "水电气暖"}, {"planning", "规划调整"}, {"other", "其他"},
}

// ProblemCategories lists the categories in display order.
func ProblemCategories() []ProblemCategory {
	out := make([]ProblemCategory, len(problemCategories))
	for i, c := range problemCategories {
		out[i] = c.c
	}
	return out
}

func (c ProblemCategory) Label() string {
	for _, v := range problemCategories {
		if v.c == c {
			return v.label
		}
	}
	return string(c)
}

func (c ProblemCategory) Valid() bool { return c != "" && c.Label() != string(c) }

// ProblemState is where a problem stands.
type ProblemState string

const (
	ProblemOpen     ProblemState = "open"     // 已提出
	ProblemAssigned ProblemState = "assigned" // 已交办
	ProblemAnswered ProblemState = "answered" // 已答复
	ProblemClosed   ProblemState = "closed"   // 已解决
)

var problemStateLabels = map[ProblemState]string{
	ProblemOpen: "已提出", ProblemAssigned: "已交办", ProblemAnswered: "已答复", ProblemClosed: "已解决",
}

func (s ProblemState) Valid() bool   { _, ok := problemStateLabels[s]; return ok }
func (s ProblemState) Label() string { return problemStateLabels[s] }

// Problem is an obstacle a unit raises on an item or project (问题清单):
// what blocks it, which unit or leader must act, and by when. The
// supervision office assigns it, the named unit answers, and it is closed
// when solved; one left open past its deadline is escalated.
type Problem struct {
	ID          int64           `json:"id"`
	PlanID      int64           `json:"plan_id"`
	NodeID      int64           `json:"node_id"`
	NodeCode    string          `json:"node_code"`
	NodeTitle   string          `json:"node_title"`
	UnitCode    string          `json:"unit_code"` // the unit that raised it
	Category    ProblemCategory `json:"category"`
	Title       string          `json:"title"`
	Detail      string          `json:"detail,omitempty"`
	NeedsUnit   string          `json:"needs_unit,omitempty"`   // unit code asked to act
	NeedsLeader string          `json:"needs_leader,omitempty"` // person code asked to coordinate
	Deadline    Date            `json:"deadline"`
	State       ProblemState    `json:"state"`
	Level       int             `json:"level"` // 0, raised by each escalation
	Answer      string          `json:"answer,omitempty"`
	RaisedBy    string          `json:"raised_by"`
	RaisedAt    time.Time       `json:"raised_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
}

// Open reports whether the problem still needs work.
func (p *Problem) Open() bool { return p.State != ProblemClosed }

// Overdue reports whether the problem is open past its deadline.
func (p *Problem) Overdue(today Date) bool { return p.Open() && today.After(p.Deadline) }

// ProblemInput is a problem as a unit raises it.
type ProblemInput struct {
	NodeID      int64           `json:"node_id"`
	Category    ProblemCategory `json:"category"`
	Title       string          `json:"title"`
	Detail      string          `json:"detail"`
	NeedsUnit   string          `json:"needs_unit"`
	NeedsLeader string          `json:"needs_leader"`
	Deadline    Date            `json:"deadline"`
}

// Check validates the input's own fields on a day.
func (in *ProblemInput) Check(today Date) error {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if in.NodeID <= 0 {
		add("node_id", "必填 (required)")
	}
	if !in.Category.Valid() {
		add("category", "须为 land、funds、approvals、demolition、utilities、planning 或 other")
	}
	if n := utf8.RuneCountInString(in.Title); n == 0 || n > 200 {
		add("title", "必填，最多 200 字 (required; at most 200 characters)")
	}
	if utf8.RuneCountInString(in.Detail) > 4000 {
		add("detail", "不能超过 4000 字 (at most 4000 characters)")
	}
	if in.NeedsUnit == "" && in.NeedsLeader == "" {
		add("needs_unit", "须写明需要哪个单位或哪位领导协调 (name the unit or leader needed)")
	}
	if in.Deadline.IsZero() {
		add("deadline", "必填 (required)")
	} else if in.Deadline.Before(today) {
		add("deadline", "不能早于今天 (must not be in the past)")
	}
	if len(errs) > 0 {
		return Invalid("问题内容有误 (invalid problem)", errs...)
	}
	return nil
}

// ProblemAction is a step in a problem's lifecycle.
type ProblemAction string

const (
	ProblemAssign   ProblemAction = "assign"   // 交办: the office names the unit/leader and deadline
	ProblemAnswer   ProblemAction = "answer"   // 答复: the named unit answers
	ProblemClose    ProblemAction = "close"    // 解决: closed as solved
	ProblemEscalate ProblemAction = "escalate" // 升级: overdue, raised one level with a new deadline
)

// ProblemStep is what an action carries.
type ProblemStep struct {
	Text        string `json:"text"`
	NeedsUnit   string `json:"needs_unit"`
	NeedsLeader string `json:"needs_leader"`
	Deadline    Date   `json:"deadline"`
}

// Apply moves the problem through its lifecycle or explains why it cannot.
func (p *Problem) Apply(act ProblemAction, s ProblemStep) error {
	bad := func(msg string) error {
		return Errorf(ECONFLICT, "问题 #%d 当前为「%s」，%s", p.ID, p.State.Label(), msg)
	}
	if p.State == ProblemClosed {
		return bad("已解决，不能再操作 (closed)")
	}
	switch act {
	case ProblemAssign:
		if s.NeedsUnit == "" && s.NeedsLeader == "" && p.NeedsUnit == "" && p.NeedsLeader == "" {
			return Invalid("交办须写明单位或领导 (name a unit or leader)", FieldError{Field: "needs_unit", Message: "必填 (required)"})
		}
		p.NeedsUnit, p.NeedsLeader = or(s.NeedsUnit, p.NeedsUnit), or(s.NeedsLeader, p.NeedsLeader)
		if !s.Deadline.IsZero() {
			p.Deadline = s.Deadline
		}
		p.State = ProblemAssigned
	case ProblemAnswer:
		if s.Text == "" {
			return Invalid("答复内容必填 (answer required)", FieldError{Field: "text", Message: "必填 (required)"})
		}
		p.State, p.Answer = ProblemAnswered, s.Text
	case ProblemClose:
		p.State = ProblemClosed
		if s.Text != "" {
			p.Answer = or(p.Answer+"；", "") + s.Text
		}
	case ProblemEscalate:
		if s.Deadline.IsZero() || !s.Deadline.After(p.Deadline) {
			return Invalid("新的期限须晚于原期限 (new deadline must be later)",
				FieldError{Field: "deadline", Message: fmt.Sprintf("须晚于 %s", p.Deadline)})
		}
		p.Level++
		p.Deadline = s.Deadline
		if p.State == ProblemAnswered {
			p.State = ProblemAssigned
		}
	default:
		return Invalid("未知操作 (unknown action)", FieldError{Field: "action", Message: string(act)})
	}
	return nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// CanRaiseProblem reports whether the user may raise a problem on the node:
// supervisors and administrators on any node, a reporter on its unit's.
func CanRaiseProblem(u *User, n *Node) bool { return CanReport(u, n) }

// CanActOnProblem reports whether the user may take the step: the office
// assigns, escalates and closes; the named unit answers; the raising unit
// may close its own problem once answered.
func CanActOnProblem(u *User, p *Problem, act ProblemAction) bool {
	if hasRole(u, RoleAdmin, RoleSupervisor) {
		return true
	}
	if !hasRole(u, RoleReporter) || u.UnitCode == "" {
		return false
	}
	switch act {
	case ProblemAnswer:
		return u.UnitCode == p.NeedsUnit
	case ProblemClose:
		return u.UnitCode == p.UnitCode && p.State == ProblemAnswered
	}
	return false
}

// SeesProblem reports whether the user may read the problem: a reporter
// sees the problems its unit raised or is asked to act on.
func SeesProblem(u *User, p *Problem) bool {
	return u != nil && (u.Role != RoleReporter || u.UnitCode == p.UnitCode || u.UnitCode == p.NeedsUnit)
}

// ProblemFilter selects problems.
type ProblemFilter struct {
	PlanID   int64
	NodeID   int64
	UnitCode string // raised by or asked of this unit
	State    ProblemState
	OpenOnly bool
	Page
}
