package demo

import (
	"fmt"
	"math"
	"time"

	"github.com/duban-dev/duban"
)

// ProjectReports simulates the approved monthly investment reports of every
// project's investment indicator (ids maps indicator codes to ids) up to
// asOf, following each project's simulated year (projectYear): most
// projects keep pace with their investment plan, about a third fall
// behind, a project reaches its year's total the month it is completed,
// and one in twelve unfinished projects has not reported its latest month.
func ProjectReports(b *duban.Bundle, ids map[string]int64, asOf duban.Date, seed int64) []duban.Report {
	var out []duban.Report
	for i := range b.Nodes {
		n := &b.Nodes[i]
		id, ok := ids[InvestmentCode(n.Code)]
		if n.Kind != duban.KindProject || n.Project == nil || !ok || n.Project.YearInvestment <= 0 {
			continue
		}
		y := yearOf(b, n, seed)
		out = append(out, projectReports(b, n, &y, id, asOf, seed)...)
	}
	return out
}

func projectReports(b *duban.Bundle, n *duban.Node, y *projectYear, id int64, asOf duban.Date, seed int64) []duban.Report {
	r := projectRand(seed, n.Code+"/investment")
	target := n.Project.YearInvestment
	var out []duban.Report
	prev := 0.0
	for _, p := range duban.PeriodsBetween(duban.Monthly, y.from, asOf) {
		if p.End.After(asOf) {
			break
		}
		v := math.Max(prev, monthValue(y, p.End, target, 0.97+0.06*r.Float64()))
		submitted := time.Date(p.End.Year(), p.End.Month(), p.End.Day()-r.IntN(3), 9+r.IntN(8), r.IntN(60), 0, 0, cst).UTC()
		reviewed := submitted.Add(3 * time.Hour)
		value := v
		out = append(out, duban.Report{PlanID: b.Plan.ID, IndicatorID: id, UnitCode: n.LeadUnit, Period: p.String(), Version: 1,
			Value: &value, Note: fmt.Sprintf("本月完成投资%s万元，年度累计%s万元，年度计划%s万元（模拟数据）。", num(v-prev), num(v), num(target)),
			State: duban.Approved, SubmittedBy: ReporterUsername(n.LeadUnit), SubmittedAt: submitted,
			ReviewedBy: SupervisorUsername, ReviewedAt: &reviewed})
		prev = v
	}
	if y.silent && len(out) > 1 && prev < target {
		out = out[:len(out)-1]
	}
	return out
}

// monthValue is the cumulative investment at the end of a month, rounded to
// 10 万元, with noise: all of it once the project is complete, short of it
// before.
func monthValue(y *projectYear, end duban.Date, target, noise float64) float64 {
	share := y.share(end)
	if share >= 1 {
		return target
	}
	share = math.Min(share*noise, 0.97)
	return math.Round(share*target/10) * 10
}

// investmentPace draws the share of 序时进度 a project keeps and whether its
// latest report is missing.
func investmentPace(x, y float64) (factor float64, silent bool) {
	switch {
	case x < 0.15:
		factor = 1.05 + 0.15*y
	case x < 0.64:
		factor = 0.93 + 0.12*y
	case x < 0.84:
		factor = 0.62 + 0.18*y
	default:
		factor = 0.3 + 0.25*y
	}
	return factor, int(y*1000)%12 == 0
}
