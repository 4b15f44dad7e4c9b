package bulletin

import (
	"context"
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
)

// Outlook is the bulletin's look ahead: the problems still open (问题清单)
// and the items likely to miss their target at the current pace. Nil in
// bulletins built without the project service or stored before it existed.
type Outlook struct {
	Problems  []ProblemRow `json:"problems"`
	Overdue   int          `json:"overdue_problems"` // open past their deadline on the as-of day
	Escalated int          `json:"escalated_problems"`
	Risks     []RiskRow    `json:"risks"`
	MoreRisks int          `json:"more_risks,omitempty"` // short of RiskShare but past MaxRisks, not listed
	Method    string       `json:"method"`               // how the forecast is made, in plain words
}

// An item is listed as likely to miss when its forecast falls below
// RiskShare of its target: one forecast at 95–99 % is within the
// forecast's own error, not a warning. The list holds at most MaxRisks,
// lowest forecast share first; the line counts the rest.
const (
	RiskShare = 0.9
	MaxRisks  = 20
)

// riskMethod says how the forecast is made, for a reader without the
// statistics (forecast.Method names them).
const riskMethod = "按各期已审核的报送值画出趋势线，推算到完成时限时的数值。"

// ProblemRow is an open problem as the bulletin lists it.
type ProblemRow struct {
	ID        int64      `json:"id"`
	Title     string     `json:"title"`
	Item      string     `json:"item"`
	Category  string     `json:"category"`
	UnitName  string     `json:"unit_name"`  // raised by
	NeedsName string     `json:"needs_name"` // asked to act
	State     string     `json:"state"`
	Level     int        `json:"level"`
	Deadline  duban.Date `json:"deadline"`
	Overdue   bool       `json:"overdue"`
}

// RiskRow is an item likely to miss its target.
type RiskRow struct {
	Name     string  `json:"name"`
	Item     string  `json:"item"`
	UnitName string  `json:"unit_name"`
	Light    string  `json:"light"`
	Project  bool    `json:"project"`
	Warning  string  `json:"warning"` // 以当前进度，预计年底完成 201/248 (81%)
	Low      float64 `json:"low"`
	High     float64 `json:"high"`
	Interval bool    `json:"interval"`
}

// ProjectInputs reads a plan's project input as of a day; projects.Service
// implements it.
type ProjectInputs interface {
	Ledger(ctx context.Context, planID int64, asOf duban.Date) (*projects.Ledger, *projects.Input, error)
}

// peopleLister lists the directory's people; store.DB implements it.
type peopleLister interface {
	ListPeople(ctx context.Context) ([]duban.Person, error)
}

// projectInput is the plan's project input as of the day and the people
// its problems may name, nil when the service has no project service.
func (s *Service) projectInput(ctx context.Context, planID int64, asOf duban.Date) (*projects.Input, []duban.Person, error) {
	if s.Projects == nil {
		return nil, nil, nil
	}
	_, in, err := s.Projects.Ledger(ctx, planID, asOf)
	if err != nil {
		return nil, nil, err
	}
	var people []duban.Person
	if pl, ok := s.Store.(peopleLister); ok {
		people, err = pl.ListPeople(ctx)
	}
	return in, people, err
}

func personNames(people []duban.Person) map[string]string {
	m := make(map[string]string, len(people))
	for _, p := range people {
		m[p.Code] = p.Name
	}
	return m
}

// outlook builds the look ahead from the project input: the open problems
// as they stand when the bulletin is made (the ledger keeps no history of
// their states; overdue is judged on the as-of day) and the
// indicators whose forecast falls below RiskShare of the target while
// their light is not red, at most MaxRisks of them.
func outlook(in *projects.Input, names, people map[string]string) *Outlook {
	if in == nil {
		return nil
	}
	o := &Outlook{Problems: []ProblemRow{}, Risks: []RiskRow{}, Method: riskMethod}
	for _, p := range in.Problems {
		if !p.Open() {
			continue
		}
		row := ProblemRow{ID: p.ID, Title: p.Title, Item: p.NodeTitle, Category: p.Category.Label(),
			UnitName: nameOf(names, p.UnitCode), NeedsName: needsName(&p, names, people), State: p.State.Label(),
			Level: p.Level, Deadline: p.Deadline, Overdue: p.Overdue(in.AsOf)}
		if row.Overdue {
			o.Overdue++
		}
		if p.Level > 0 {
			o.Escalated++
		}
		o.Problems = append(o.Problems, row)
	}
	for _, r := range projects.LikelyToMiss(in, projects.Forecasts(in)) { // lowest share first
		if r.Forecast.Ratio >= RiskShare {
			continue
		}
		if len(o.Risks) == MaxRisks {
			o.MoreRisks++
			continue
		}
		o.Risks = append(o.Risks, RiskRow{Name: r.Name, Item: r.NodeTitle, UnitName: nameOf(names, r.LeadUnit),
			Light: r.Status.Label(), Project: r.Project, Warning: r.Forecast.Warning, Low: r.Forecast.Low,
			High: r.Forecast.High, Interval: r.Forecast.Interval})
	}
	return o
}

func needsName(p *duban.Problem, names, people map[string]string) string {
	var parts []string
	if p.NeedsUnit != "" {
		parts = append(parts, nameOf(names, p.NeedsUnit))
	}
	if p.NeedsLeader != "" {
		parts = append(parts, nameOf(people, p.NeedsLeader))
	}
	return strings.Join(parts, "、")
}

// ProblemLine introduces the open problems.
func (o *Outlook) ProblemLine(asOf duban.Date) string {
	if len(o.Problems) == 0 {
		return fmt.Sprintf("截至%s，问题清单中无待解决问题。", ChineseDate(asOf))
	}
	return fmt.Sprintf("截至%s，问题清单中待解决问题%d个，其中超过解决期限%d个、已升级%d个，具体如下（状态为本通报生成时的状态）。",
		ChineseDate(asOf), len(o.Problems), o.Overdue, o.Escalated)
}

// RiskLine introduces the items likely to miss their target: those whose
// forecast falls below RiskShare of it, and how many the list leaves out.
func (o *Outlook) RiskLine() string {
	share := fmt.Sprintf("%.0f%%", RiskShare*100)
	if len(o.Risks) == 0 {
		return "按当前进度预测，目前亮绿灯、黄灯的累计类指标预计都能完成目标的" + share + "以上。"
	}
	line := fmt.Sprintf("%d项指标目前未亮红灯，但按当前进度预计完成不到目标的%s，请责任单位提前采取措施。",
		len(o.Risks)+o.MoreRisks, share)
	if o.MoreRisks > 0 {
		line += fmt.Sprintf("下表列出预计完成比例最低的%d项，另有%d项未列出。", len(o.Risks), o.MoreRisks)
	}
	return line
}

// MethodLine says in one plain line how the forecast is made; empty
// without a listed item.
func (o *Outlook) MethodLine() string {
	if len(o.Risks) == 0 || o.Method == "" {
		return ""
	}
	return "预测方法：" + o.Method
}

// LevelLabel names a problem's escalation level.
func (r ProblemRow) LevelLabel() string {
	if r.Level == 0 {
		return "—"
	}
	return fmt.Sprintf("升级%d次", r.Level)
}

// WithProjects adds the open problems and the forecast to the bulletins
// the service builds; a nil p leaves them out.
func (s *Service) WithProjects(p *projects.Service) *Service {
	if p != nil {
		s.Projects = p
	}
	return s
}
