package extract

import (
	"fmt"
	"math"

	"github.com/duban-dev/duban"
)

// Bundle turns the result into a draft plan for a person to review: areas
// as area nodes, tasks as task nodes, each target as an item node with one
// indicator. Codes are positional (A1, A1-T2, A1-T2-I1), so the same text
// always gives the same codes.
func (r *Result) Bundle(code string) *duban.Bundle {
	b := &duban.Bundle{Plan: r.draftPlan(code)}
	r.goal(b)
	for i, a := range r.Plan.Areas {
		areaCode := fmt.Sprintf("A%d", i+1)
		b.Nodes = append(b.Nodes, duban.Node{
			Code: areaCode, Kind: duban.KindArea, Title: orUntitled(a.Title), Order: i + 1,
		})
		for j, t := range a.Tasks {
			taskCode := fmt.Sprintf("%s-T%d", areaCode, j+1)
			b.Nodes = append(b.Nodes, duban.Node{
				Code: taskCode, ParentCode: areaCode, Kind: duban.KindTask,
				Title: orUntitled(t.Title), Order: j + 1,
			})
			for k, ti := range t.Targets {
				if ti < 0 || ti >= len(r.Targets) {
					continue
				}
				node, ind := r.item(&b.Plan, &r.Targets[ti], fmt.Sprintf("%s-I%d", taskCode, k+1), taskCode, k+1)
				b.Nodes = append(b.Nodes, node)
				b.Indicators = append(b.Indicators, ind)
			}
		}
	}
	return b
}

// goalCode is the node holding the plan-level (headline) targets.
const goalCode = "G"

// goal adds the plan's headline targets as items under one goal node.
func (r *Result) goal(b *duban.Bundle) {
	if len(r.Plan.Targets) == 0 {
		return
	}
	b.Nodes = append(b.Nodes, duban.Node{Code: goalCode, Kind: duban.KindGoal, Title: generalArea, Order: 0})
	for k, ti := range r.Plan.Targets {
		if ti < 0 || ti >= len(r.Targets) {
			continue
		}
		node, ind := r.item(&b.Plan, &r.Targets[ti], fmt.Sprintf("%s-I%d", goalCode, k+1), goalCode, k+1)
		b.Nodes = append(b.Nodes, node)
		b.Indicators = append(b.Indicators, ind)
	}
}

func (r *Result) draftPlan(code string) duban.Plan {
	p := duban.Plan{Code: code, Title: r.Plan.Title, Year: r.Plan.Year, Framework: r.Plan.Framework}
	if p.Title == "" {
		p.Title = "未命名计划 (untitled plan)"
	}
	if p.Year != 0 {
		p.PeriodStart = duban.NewDate(p.Year, 1, 1)
		p.PeriodEnd = duban.NewDate(p.Year, 12, 31)
	}
	return p
}

func (r *Result) item(p *duban.Plan, t *Target, code, parent string, order int) (duban.Node, duban.Indicator) {
	node := duban.Node{
		Code: code, ParentCode: parent, Kind: duban.KindItem, Order: order,
		Title: orUntitled(t.Subject), Commitment: t.Commitment, SourceQuote: t.Quote,
	}
	if t.Deadline != nil && !t.Deadline.Before(p.PeriodStart) {
		node.Deadline = *t.Deadline
	}
	value := t.Value
	cmp := t.Comparator
	if !cmp.Valid() {
		cmp = duban.Equal
	}
	ind := duban.Indicator{
		NodeCode: code, Code: code, Name: node.Title, Unit: t.Unit, Target: &value,
		Comparator: cmp, Direction: duban.DefaultDirection(cmp), Kind: indicatorKind(t.Unit),
		Cadence: duban.Monthly,
	}
	if cmp == duban.About {
		ind.Tolerance = tolerance(t.Value, t.Unit)
	}
	if ind.Unit == "" {
		ind.Unit = "项"
	}
	return node, ind
}

// tolerance for a 左右 target: half a point for rates, else 5% of the value.
func tolerance(v float64, unit string) float64 {
	if rateUnit(unit) {
		return 0.5
	}
	if t := math.Abs(v) * 0.05; t > 0 {
		return t
	}
	return 0.5
}

func rateUnit(unit string) bool {
	return unit == "%" || unit == "‰" || unit == "个百分点" || unit == "倍"
}

// indicatorKind: rates and durations are levels; counts accumulate.
func indicatorKind(unit string) duban.IndicatorKind {
	switch {
	case rateUnit(unit), unit == "天", unit == "小时", unit == "分钟", unit == "工作日", unit == "个工作日":
		return duban.Level
	}
	return duban.Cumulative
}

func orUntitled(s string) string {
	if s == "" {
		return "未命名 (untitled)"
	}
	return s
}
