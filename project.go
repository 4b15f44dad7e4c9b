package duban

// ProjectStage is where a major project stands.
type ProjectStage string

const (
	StagePlanning  ProjectStage = "planning"  // 谋划
	StageSigned    ProjectStage = "signed"    // 签约
	StageStarted   ProjectStage = "started"   // 开工
	StageBuilding  ProjectStage = "building"  // 在建
	StageCompleted ProjectStage = "completed" // 竣工
	StageOperating ProjectStage = "operating" // 投产
)

// ProjectStages lists the stages in order.
var ProjectStages = []ProjectStage{StagePlanning, StageSigned, StageStarted, StageBuilding, StageCompleted, StageOperating}

var stageLabels = map[ProjectStage]string{
	StagePlanning: "谋划", StageSigned: "签约", StageStarted: "开工",
	StageBuilding: "在建", StageCompleted: "竣工", StageOperating: "投产",
}

func (s ProjectStage) Valid() bool   { _, ok := stageLabels[s]; return ok || s == "" }
func (s ProjectStage) Label() string { return stageLabels[s] }

// Rank is the stage's position (0 for planning), -1 when unset.
func (s ProjectStage) Rank() int {
	for i, v := range ProjectStages {
		if v == s {
			return i
		}
	}
	return -1
}

// Project holds what a project node carries beyond a task. Investment is in
// 万元 (ten thousand yuan).
type Project struct {
	TotalInvestment     float64      `json:"total_investment"`
	YearInvestment      float64      `json:"year_investment"`
	CompletedInvestment float64      `json:"completed_investment"`
	Stage               ProjectStage `json:"stage,omitempty"`
	Address             string       `json:"address,omitempty"`
	Lat                 *float64     `json:"lat,omitempty"`
	Lng                 *float64     `json:"lng,omitempty"`
}

func (p *Project) Validate() []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if p.TotalInvestment < 0 {
		add("project.total_investment", "不能为负 (must not be negative)")
	}
	if p.YearInvestment < 0 {
		add("project.year_investment", "不能为负 (must not be negative)")
	}
	if p.CompletedInvestment < 0 {
		add("project.completed_investment", "不能为负 (must not be negative)")
	}
	if !p.Stage.Valid() {
		add("project.stage", "未知阶段 (want planning, signed, started, building, completed or operating)")
	}
	if p.Lat != nil && (*p.Lat < -90 || *p.Lat > 90) {
		add("project.lat", "纬度超出范围 (latitude out of range)")
	}
	if p.Lng != nil && (*p.Lng < -180 || *p.Lng > 180) {
		add("project.lng", "经度超出范围 (longitude out of range)")
	}
	return errs
}

// InvestmentUnit is the unit of a project's investment indicator.
const InvestmentUnit = "万元"

// IsInvestmentIndicator reports whether the indicator is a project's
// investment report: a cumulative indicator in 万元 on a project node. Its
// monthly value is the year's completed investment, its target the year's
// planned investment, and its reports carry the stage (Report.Stage), so a
// project's investment and stage go through the same review as any report.
func IsInvestmentIndicator(ind *Indicator, n *Node) bool {
	return n != nil && n.Kind == KindProject && ind.Kind == Cumulative && ind.Unit == InvestmentUnit
}

// PipelineStep is one stage of a mechanism's pipeline: the stage it stands
// for and the word the mechanism uses for it.
type PipelineStep struct {
	Stage ProjectStage `json:"stage"`
	Label string       `json:"label"`
}

// stageAliases maps the words mechanisms use to stages: an investment
// promotion pipeline's 洽谈 (negotiating) is the planning stage.
var stageAliases = map[string]ProjectStage{"洽谈": StagePlanning, "谋划": StagePlanning, "签约": StageSigned,
	"开工": StageStarted, "在建": StageBuilding, "竣工": StageCompleted, "投产": StageOperating, "运营": StageOperating}

// Pipeline is the stage pipeline of a project under the mechanism: the
// mechanism's own stages (e.g. 洽谈 → 签约 → 开工 → 投产) when it names
// them, else 谋划 → 签约 → 开工 → 在建 → 竣工 → 投产. Words that name no
// stage are skipped.
func Pipeline(m *Mechanism) []PipelineStep {
	var out []PipelineStep
	if m != nil {
		for _, word := range m.Stages {
			if s, ok := stageAliases[word]; ok {
				out = append(out, PipelineStep{Stage: s, Label: word})
			} else if ProjectStage(word).Valid() && word != "" {
				out = append(out, PipelineStep{Stage: ProjectStage(word), Label: ProjectStage(word).Label()})
			}
		}
	}
	if len(out) == 0 {
		for _, s := range ProjectStages {
			out = append(out, PipelineStep{Stage: s, Label: s.Label()})
		}
	}
	return out
}

// StageOfWord reads a stage from its code (started) or a word (开工, 洽谈).
func StageOfWord(s string) (ProjectStage, bool) {
	if st, ok := stageAliases[s]; ok {
		return st, true
	}
	st := ProjectStage(s)
	return st, st != "" && st.Valid()
}
