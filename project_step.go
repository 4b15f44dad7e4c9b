package duban

import "unicode/utf8"

// StepKind tells a stage of the pipeline from a pre-construction formality.
type StepKind string

const (
	StepStage StepKind = "stage" // a pipeline stage: 签约, 开工, 竣工 …
	StepPrep  StepKind = "prep"  // a 前期手续 node: 立项, 用地, 规划 …
)

func (k StepKind) Valid() bool { return k == StepStage || k == StepPrep }

// DefaultPrepSteps are the 前期手续 nodes a plan uses unless it configures
// its own (PlanProjectSettings).
var DefaultPrepSteps = []string{"立项", "用地", "规划", "环评", "施工许可"}

// ProjectStep is a dated node of a project: a stage (Name is the stage code,
// e.g. started) or a 前期手续 (Name is its word, e.g. 环评). Planned is when
// it is due; Actual when it was reached (zero while it is not). A stage is
// also reached when an approved report moves the project to it or past it.
type ProjectStep struct {
	NodeID   int64    `json:"node_id"`
	Kind     StepKind `json:"kind"`
	Name     string   `json:"name"`
	Position int      `json:"position"`
	Planned  Date     `json:"planned"`
	Actual   Date     `json:"actual"`
}

// Label is the step's word: the stage's label or the formality's name.
func (s *ProjectStep) Label() string {
	if s.Kind == StepStage {
		return ProjectStage(s.Name).Label()
	}
	return s.Name
}

// ProjectStepInput sets one step's dates; Planned only for supervisors.
type ProjectStepInput struct {
	Kind    StepKind `json:"kind"`
	Name    string   `json:"name"`
	Planned *Date    `json:"planned"`
	Actual  *Date    `json:"actual"`
	Clear   bool     `json:"clear_actual"` // take a wrongly reported actual date back
}

// Check validates the input for a user: a reporter (of the project's lead
// unit, checked by CanReport) may set the actual date only.
func (in *ProjectStepInput) Check(u *User, row int) []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg, Row: row}) }
	if !in.Kind.Valid() {
		add("kind", "须为 stage 或 prep (want stage or prep)")
	}
	if in.Kind == StepStage && (!ProjectStage(in.Name).Valid() || in.Name == "") {
		add("name", "未知阶段 (unknown stage)")
	}
	if in.Kind == StepPrep && (in.Name == "" || utf8.RuneCountInString(in.Name) > 20) {
		add("name", "必填，最多 20 字 (required; at most 20 characters)")
	}
	if in.Kind == StepStage && (in.Actual != nil || in.Clear) {
		add("actual", "阶段变化须填报并经审核 (a stage is reached by an approved report)")
	}
	if in.Planned != nil && u.Role == RoleReporter {
		add("planned", "计划日期由督查室确定 (planned dates are set by the supervision office)")
	}
	return errs
}
