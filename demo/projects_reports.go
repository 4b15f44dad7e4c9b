package demo

import (
	"fmt"
	"math"
	"time"

	"github.com/duban-dev/duban"
)

// ProjectReports simulates the approved monthly investment reports of every
// project's investment indicator (ids maps indicator codes to ids) up to
// asOf. Most projects keep pace with 序时进度; about a fifth fall behind,
// one in ten far behind, and one in twelve has not reported its latest
// month. Each project's draws depend only on the seed and its code.
func ProjectReports(b *duban.Bundle, ids map[string]int64, asOf duban.Date, seed int64) []duban.Report {
	var out []duban.Report
	for i := range b.Nodes {
		n := &b.Nodes[i]
		id, ok := ids[InvestmentCode(n.Code)]
		if n.Kind != duban.KindProject || n.Project == nil || !ok || n.Project.YearInvestment <= 0 {
			continue
		}
		out = append(out, projectReports(b, n, id, asOf, seed)...)
	}
	return out
}

func projectReports(b *duban.Bundle, n *duban.Node, id int64, asOf duban.Date, seed int64) []duban.Report {
	r := projectRand(seed, n.Code+"/investment")
	factor, silent := investmentPace(r.Float64(), r.Float64())
	start, deadline := window(n, &b.Plan)
	target := n.Project.YearInvestment
	var out []duban.Report
	prev := 0.0
	for _, p := range duban.PeriodsBetween(duban.Monthly, start, asOf) {
		if p.End.After(asOf) {
			break
		}
		share := elapsedShare(start, deadline, p.End) * factor * (0.94 + 0.12*r.Float64())
		v := math.Max(prev, math.Min(target, math.Round(share*target/10)*10))
		submitted := time.Date(p.End.Year(), p.End.Month(), p.End.Day()-r.IntN(3), 9+r.IntN(8), r.IntN(60), 0, 0, cst).UTC()
		reviewed := submitted.Add(3 * time.Hour)
		value := v
		out = append(out, duban.Report{PlanID: b.Plan.ID, IndicatorID: id, UnitCode: n.LeadUnit, Period: p.String(), Version: 1,
			Value: &value, Note: fmt.Sprintf("本月完成投资%s万元，年度累计%s万元，年度计划%s万元（模拟数据）。", num(v-prev), num(v), num(target)),
			State: duban.Approved, SubmittedBy: ReporterUsername(n.LeadUnit), SubmittedAt: submitted,
			ReviewedBy: SupervisorUsername, ReviewedAt: &reviewed})
		prev = v
	}
	if silent && len(out) > 1 {
		out = out[:len(out)-1]
	}
	return out
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
