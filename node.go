package duban

import "time"

// NodeKind is the level of a node in the plan tree.
type NodeKind string

const (
	KindGoal        NodeKind = "goal"        // 目标
	KindPositioning NodeKind = "positioning" // 定位
	KindPath        NodeKind = "path"        // 路径
	KindArea        NodeKind = "area"        // 领域 / 方面
	KindTask        NodeKind = "task"        // 任务
	KindProject     NodeKind = "project"     // 项目
	KindItem        NodeKind = "item"        // 指标事项 (indicator-bearing item)
)

// NodeKinds lists every kind in tree order.
var NodeKinds = []NodeKind{KindGoal, KindPositioning, KindPath, KindArea, KindTask, KindProject, KindItem}

func (k NodeKind) Valid() bool {
	for _, v := range NodeKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Label is the Chinese name of the kind.
func (k NodeKind) Label() string {
	return map[NodeKind]string{
		KindGoal: "目标", KindPositioning: "定位", KindPath: "路径", KindArea: "领域",
		KindTask: "任务", KindProject: "项目", KindItem: "指标",
	}[k]
}

// Commitment tells how firmly a target is promised.
type Commitment string

const (
	Firm         Commitment = "firm"         // 确保、完成
	Aspirational Commitment = "aspirational" // 力争、争取
)

func (c Commitment) Valid() bool { return c == "" || c == Firm || c == Aspirational }

// Node is one item of a plan's tree. References to units, people, the parent
// and mechanisms are by code, so a node reads the same in a file, the API and
// the database.
type Node struct {
	ID          int64      `json:"id"`
	PlanID      int64      `json:"plan_id"`
	Code        string     `json:"code"` // unique within the plan; 编号
	ParentCode  string     `json:"parent_code,omitempty"`
	Kind        NodeKind   `json:"kind"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Order       int        `json:"order"`
	LeadUnit    string     `json:"lead_unit,omitempty"`
	CoUnits     []string   `json:"co_units,omitempty"`
	Leader      string     `json:"leader,omitempty"` // person code
	Start       Date       `json:"start"`
	Deadline    Date       `json:"deadline"`
	Commitment  Commitment `json:"commitment,omitempty"`
	Weight      float64    `json:"weight"`
	SourceQuote string     `json:"source_quote,omitempty"`
	Tags        []string   `json:"tags,omitempty"`
	Mechanisms  []string   `json:"mechanisms,omitempty"`
	Project     *Project   `json:"project,omitempty"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Validate checks the node's own fields (not its references).
func (n *Node) Validate() []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if !validCode(n.Code) {
		add("id", "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)")
	}
	if !n.Kind.Valid() {
		add("kind", "未知类型 (unknown kind; want goal, positioning, path, area, task, project or item)")
	}
	if n.Title == "" {
		add("title", "必填 (required)")
	}
	if !n.Commitment.Valid() {
		add("commitment", "未知承诺类型 (want firm or aspirational)")
	}
	if n.Weight < 0 {
		add("weight", "不能为负 (must not be negative)")
	}
	if !n.Start.IsZero() && !n.Deadline.IsZero() && n.Deadline.Before(n.Start) {
		add("deadline", "早于开始日期 (deadline before start)")
	}
	if n.Project != nil {
		errs = append(errs, n.Project.Validate()...)
	}
	return errs
}

// EffectiveWeight is the node's weight in rollups; unset means 1.
func (n *Node) EffectiveWeight() float64 {
	if n.Weight == 0 {
		return 1
	}
	return n.Weight
}
