// Package projects builds the major-project ledger (重大项目台账), the map
// and the dispatch list (周调度清单) of a plan from its evaluated status,
// its reports, the projects' dated steps and the problem ledger. Building
// is pure; Service reads the inputs from the store.
package projects

import (
	"sort"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/forecast"
	"github.com/duban-dev/duban/status"
)

// Input is everything a ledger is built from.
type Input struct {
	Plan       duban.Plan
	AsOf       duban.Date
	Nodes      []duban.Node      // pre-order
	Indicators []duban.Indicator // with node codes
	Results    map[string]status.Result
	Reports    []duban.Report // approved, oldest period first
	Mechanisms []duban.Mechanism
	Steps      map[int64][]duban.ProjectStep
	PrepSteps  []string
	Problems   []duban.Problem   // open problems of the plan
	Names      map[string]string // unit and person codes → names, for the texts
}

// Finding is one reason for a project's light.
type Finding struct {
	Status status.Status `json:"status"`
	ZH     string        `json:"zh"`
	EN     string        `json:"en"`
}

// Step is a project step as the ledger shows it.
type Step struct {
	duban.ProjectStep
	Label    string `json:"label"`
	Done     bool   `json:"done"`
	LateDays int    `json:"late_days,omitempty"` // past its planned date and not reached
}

// Row is one project of the ledger. Investment is in 万元.
type Row struct {
	NodeID       int64                `json:"node_id"`
	Code         string               `json:"code"`
	Title        string               `json:"title"`
	LeadUnit     string               `json:"lead_unit"`
	Leader       string               `json:"leader,omitempty"`
	Area         string               `json:"area,omitempty"`
	AreaTitle    string               `json:"area_title,omitempty"`
	Mechanism    string               `json:"mechanism,omitempty"`
	Simulated    bool                 `json:"simulated,omitempty"`
	Address      string               `json:"address,omitempty"`
	Lat          *float64             `json:"lat,omitempty"`
	Lng          *float64             `json:"lng,omitempty"`
	Total        float64              `json:"total_investment"`
	YearPlan     float64              `json:"year_investment"`
	Completed    *float64             `json:"completed_investment"` // this year, latest approved
	Period       string               `json:"period,omitempty"`     // of that report
	Rate         float64              `json:"completion_rate"`      // Completed / YearPlan
	Expected     float64              `json:"expected"`             // 序时进度 of the year's investment
	IndicatorID  int64                `json:"indicator_id,omitempty"`
	Stage        duban.ProjectStage   `json:"stage,omitempty"`      // as last reported, else as planned
	PlanStage    duban.ProjectStage   `json:"plan_stage,omitempty"` // as the plan states it
	StageLabel   string               `json:"stage_label,omitempty"`
	Pipeline     []duban.PipelineStep `json:"pipeline"`
	StartPlanned duban.Date           `json:"start_planned"`
	StartActual  duban.Date           `json:"start_actual"`
	EndPlanned   duban.Date           `json:"end_planned"`
	EndActual    duban.Date           `json:"end_actual"`
	Steps        []Step               `json:"steps"`
	Status       status.Status        `json:"status"`
	StatusLabel  string               `json:"status_label"`
	// InvestmentStatus is the light of the project's investment indicator
	// alone, the one the plan's counts, tree and public page show; Status
	// may be worse for late steps.
	InvestmentStatus status.Status    `json:"investment_status,omitempty"`
	Findings         []Finding        `json:"findings"`
	OpenProblems     int              `json:"open_problems"`
	Forecast         *forecast.Result `json:"forecast,omitempty"`
}

// MainFinding is the most serious of the row's findings (the first of
// the worst light), the one a list shows beside the light; nil when there
// are none.
func (r *Row) MainFinding() *Finding {
	i := r.mainFinding()
	if i < 0 {
		return nil
	}
	return &r.Findings[i]
}

// OtherFindings is the row's findings but MainFinding, in their order.
func (r *Row) OtherFindings() []Finding {
	i := r.mainFinding()
	if i < 0 {
		return nil
	}
	return append(append([]Finding(nil), r.Findings[:i]...), r.Findings[i+1:]...)
}

func (r *Row) mainFinding() int {
	main := -1
	for i, f := range r.Findings {
		if main < 0 || f.Status.Worse(r.Findings[main].Status) {
			main = i
		}
	}
	return main
}

// Started reports whether the project has reached 开工 or beyond.
func (r *Row) Started() bool { return r.Stage.Rank() >= duban.StageStarted.Rank() }

// Behind reports whether the project's light is red (滞后 or 逾期).
func (r *Row) Behind() bool { return red(r.Status) }

// BehindBySteps is a red row whose investment is not red: late steps
// alone make it red, so the plan's counts (by indicator) do not.
func (r *Row) BehindBySteps() bool { return r.Behind() && !red(r.InvestmentStatus) }

func red(s status.Status) bool { return s == status.Lagging || s == status.Overdue }

// SimulatedTag marks the demo's generated projects.
const SimulatedTag = "模拟数据"

// Build makes the ledger: one row per project node in tree order, with
// counts and consistency checks.
func Build(in *Input) *Ledger {
	c := newContext(in)
	l := &Ledger{AsOf: in.AsOf, PlanID: in.Plan.ID, Method: forecast.Method, MethodEN: forecast.MethodEN}
	for i := range in.Nodes {
		if in.Nodes[i].Kind == duban.KindProject {
			l.Rows = append(l.Rows, c.row(&in.Nodes[i]))
		}
	}
	l.Counts = count(l.Rows)
	l.Stated = stated(in, c)
	l.Checks = checks(l, in, c)
	return l
}

// ledgerCtx indexes the input once.
type ledgerCtx struct {
	in        *Input
	nodes     map[string]*duban.Node
	mechs     map[string]*duban.Mechanism
	byNode    map[string][]*duban.Indicator
	reports   map[int64][]duban.Report
	problems  map[int64]int
	forecasts map[int64]forecast.Result
	byID      map[int64]*duban.Node
}

func newContext(in *Input) *ledgerCtx {
	c := &ledgerCtx{in: in, nodes: map[string]*duban.Node{}, mechs: map[string]*duban.Mechanism{},
		byNode: map[string][]*duban.Indicator{}, reports: map[int64][]duban.Report{}, problems: map[int64]int{}}
	for i := range in.Nodes {
		c.nodes[in.Nodes[i].Code] = &in.Nodes[i]
	}
	for i := range in.Mechanisms {
		c.mechs[in.Mechanisms[i].Code] = &in.Mechanisms[i]
	}
	for i := range in.Indicators {
		c.byNode[in.Indicators[i].NodeCode] = append(c.byNode[in.Indicators[i].NodeCode], &in.Indicators[i])
	}
	for _, r := range in.Reports {
		if r.State == duban.Approved {
			c.reports[r.IndicatorID] = append(c.reports[r.IndicatorID], r)
		}
	}
	for _, p := range in.Problems {
		if p.Open() {
			c.problems[p.NodeID]++
		}
	}
	c.forecasts = Forecasts(in)
	return c
}

// mechanism is the first mechanism of the node or its nearest ancestor
// that names one the plan defines.
func (c *ledgerCtx) mechanism(n *duban.Node) *duban.Mechanism {
	for ; n != nil; n = c.nodes[n.ParentCode] {
		for _, code := range n.Mechanisms {
			if m := c.mechs[code]; m != nil {
				return m
			}
		}
	}
	return nil
}

func (c *ledgerCtx) area(n *duban.Node) *duban.Node {
	for ; n != nil; n = c.nodes[n.ParentCode] {
		if n.Kind == duban.KindArea {
			return n
		}
	}
	return nil
}

func (c *ledgerCtx) row(n *duban.Node) Row {
	r := Row{NodeID: n.ID, Code: n.Code, Title: n.Title, LeadUnit: n.LeadUnit, Leader: n.Leader,
		OpenProblems: c.problems[n.ID], Simulated: hasTag(n, SimulatedTag)}
	if a := c.area(n); a != nil {
		r.Area, r.AreaTitle = a.Code, a.Title
	}
	if p := n.Project; p != nil {
		r.Total, r.YearPlan, r.Stage, r.PlanStage = p.TotalInvestment, p.YearInvestment, p.Stage, p.Stage
		r.Address, r.Lat, r.Lng = p.Address, p.Lat, p.Lng
	}
	m := c.mechanism(n)
	if m != nil {
		r.Mechanism = m.Code
	}
	r.Pipeline = duban.Pipeline(m)
	inv := c.investment(n)
	var reached map[duban.ProjectStage]duban.Date
	if inv != nil {
		r.IndicatorID = inv.ID
		reached = c.investmentFacts(&r, inv)
	}
	r.StageLabel = stageLabel(r.Pipeline, r.Stage)
	r.Steps = c.steps(n, &r, reached)
	r.Status, r.Findings = c.judge(&r, inv)
	r.StatusLabel = r.Status.Label()
	return r
}

func hasTag(n *duban.Node, tag string) bool {
	for _, t := range n.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

func (c *ledgerCtx) investment(n *duban.Node) *duban.Indicator {
	for _, ind := range c.byNode[n.Code] {
		if duban.IsInvestmentIndicator(ind, n) {
			return ind
		}
	}
	return nil
}

// investmentFacts fills the completed investment, the rate, 序时进度 and the
// stage from the approved reports, and returns the day each stage beyond
// the plan's was first reported reached (the report's approval, Beijing
// time); the stages up to the plan's were reached before the year, on a
// day the reports do not tell.
func (c *ledgerCtx) investmentFacts(r *Row, ind *duban.Indicator) map[duban.ProjectStage]duban.Date {
	if res, ok := c.in.Results[ind.Code]; ok {
		r.Completed, r.Period, r.Expected = res.Value, res.Period, res.Expected
	}
	if r.YearPlan == 0 && ind.Target != nil {
		r.YearPlan = *ind.Target
	}
	if r.Completed != nil && r.YearPlan > 0 {
		r.Rate = *r.Completed / r.YearPlan
	}
	if f, ok := c.forecasts[ind.ID]; ok {
		r.Forecast = &f
	}
	reached := map[duban.ProjectStage]duban.Date{}
	for _, rep := range c.reports[ind.ID] {
		if rep.Stage == "" {
			continue
		}
		r.Stage = rep.Stage
		day := reportDay(&rep)
		for _, s := range duban.ProjectStages {
			if s.Rank() <= rep.Stage.Rank() && s.Rank() > r.PlanStage.Rank() { // the plan's stage was reached before the year
				if d, ok := reached[s]; !ok || day.Before(d) {
					reached[s] = day
				}
			}
		}
	}
	return reached
}

// reportDay is the Beijing day a report was approved, else its period's end.
func reportDay(r *duban.Report) duban.Date {
	if r.ReviewedAt != nil {
		return duban.DateOf(r.ReviewedAt.In(duban.Beijing))
	}
	return duban.Date{}
}

func stageLabel(pipeline []duban.PipelineStep, s duban.ProjectStage) string {
	for _, p := range pipeline {
		if p.Stage == s {
			return p.Label
		}
	}
	return s.Label()
}

// Ledger is the plan's project ledger as of a day.
type Ledger struct {
	PlanID   int64      `json:"plan_id"`
	AsOf     duban.Date `json:"as_of"`
	Rows     []Row      `json:"items"`
	Counts   Counts     `json:"counts"`
	Stated   *Stated    `json:"stated,omitempty"`
	Checks   []Check    `json:"checks"`
	Method   string     `json:"forecast_method"`
	MethodEN string     `json:"forecast_method_en"`
}

// Sorted returns the rows worst light first, then by code.
func Sorted(rows []Row) []Row {
	out := append([]Row(nil), rows...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Status != out[j].Status {
			return out[i].Status.Worse(out[j].Status)
		}
		return out[i].Code < out[j].Code
	})
	return out
}
