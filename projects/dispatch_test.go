package projects

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

func f64(v float64) *float64 { return &v }

// smallInput is a task run by mechanism m with two projects: P1 is behind
// on its investment and 40 days late with 环评; P2 has no leader.
func smallInput() *Input {
	d := duban.MustDate
	m := duban.Mechanism{Code: "m", Name: "三定四推五落实", Roles: []string{"责任领导", "牵头单位", "完成时限", "联络员"}, Cadence: duban.Weekly}
	nodes := []duban.Node{
		{ID: 1, Code: "T", Kind: duban.KindTask, Title: "加快推进3个重大项目", LeadUnit: "fgw", Leader: "l-0", Deadline: d("2021-12-31"), Mechanisms: []string{"m"}},
		{ID: 2, Code: "P1", ParentCode: "T", Kind: duban.KindProject, Title: "一号项目", LeadUnit: "zjj", Leader: "l-1", Deadline: d("2021-12-31"),
			Project: &duban.Project{YearInvestment: 1000, Stage: duban.StageSigned}},
		{ID: 3, Code: "P2", ParentCode: "T", Kind: duban.KindProject, Title: "二号项目", LeadUnit: "swj", Deadline: d("2021-12-31"),
			Project: &duban.Project{YearInvestment: 500, Stage: duban.StageBuilding}},
	}
	inds := []duban.Indicator{
		{ID: 10, Code: "n", NodeCode: "T", Name: "推进数量", Unit: "个", Target: f64(3), Kind: duban.Cumulative, Comparator: duban.AtLeast},
		{ID: 11, Code: "P1-tz", NodeCode: "P1", Unit: "万元", Target: f64(1000), Kind: duban.Cumulative, Comparator: duban.AtLeast, Cadence: duban.Monthly},
	}
	return &Input{
		Plan: duban.Plan{ID: 1, PeriodStart: d("2021-01-01"), PeriodEnd: d("2021-12-31")}, AsOf: d("2021-07-15"),
		Nodes: nodes, Indicators: inds, Mechanisms: []duban.Mechanism{m}, PrepSteps: []string{"立项", "环评"},
		Results: map[string]status.Result{
			"P1-tz": {Status: status.Lagging, Value: f64(200), Expected: 0.54, Explanation: status.Explanation{ZH: "落后 34 个百分点", EN: "34 points behind"}},
			"n":     {Status: status.OnTrack, Value: f64(1)},
		},
		Steps: map[int64][]duban.ProjectStep{2: {
			{NodeID: 2, Kind: duban.StepPrep, Name: "环评", Planned: d("2021-06-05")},
			{NodeID: 2, Kind: duban.StepStage, Name: "started", Planned: d("2021-07-20")},
		}},
		Problems: []duban.Problem{{ID: 5, NodeID: 2, Category: "land", Title: "用地未落实", NeedsUnit: "zrzy", Deadline: d("2021-07-10"), State: duban.ProblemAssigned}},
	}
}

func TestLedgerOfASmallPlan(t *testing.T) {
	l := Build(smallInput())
	if len(l.Rows) != 2 || l.Stated == nil || l.Stated.Target != 3 {
		t.Fatalf("rows %d stated %+v", len(l.Rows), l.Stated)
	}
	p1 := l.Rows[0]
	if p1.Status != status.Lagging || p1.Rate != 0.2 || p1.StartPlanned != duban.MustDate("2021-07-20") || p1.OpenProblems != 1 {
		t.Fatalf("P1: %+v", p1)
	}
	var late *Step
	for i := range p1.Steps {
		if p1.Steps[i].Name == "环评" {
			late = &p1.Steps[i]
		}
	}
	if late == nil || late.LateDays != 40 || !strings.Contains(p1.Findings[1].ZH, "环评计划 2021-06-05 完成，已延误 40 天") {
		t.Fatalf("环评: %+v %+v", late, p1.Findings)
	}
	// P2 has no investment indicator: judged by its steps, and counted.
	if l.Rows[1].Status != status.OnTrack || l.Checks[len(l.Checks)-2].OK || !l.Checks[len(l.Checks)-1].OK {
		t.Fatalf("P2 %+v checks %+v", l.Rows[1], l.Checks)
	}
	if l.Checks[0].OK || !strings.Contains(l.Checks[0].ZH, "台账共 2 个，缺 1 个") {
		t.Fatalf("stated check: %+v", l.Checks[0])
	}
}

func TestDispatchList(t *testing.T) {
	in := smallInput()
	l := Build(in)
	decisions := []duban.Decision{
		{ID: 7, NodeID: 2, Period: "2021-W27", Text: "协调用地", Owner: "zrzy", Due: duban.MustDate("2021-07-12"), State: duban.DecisionOpen},
		{ID: 8, NodeID: 3, Period: "2021-W27", Text: "已办", Owner: "swj", Due: duban.MustDate("2021-07-12"), State: duban.DecisionDone},
	}
	d := BuildDispatch(l, in, in.Mechanisms[0], decisions)
	if d.Period != "2021-W28" || d.Nodes != 3 {
		t.Fatalf("period %s nodes %d", d.Period, d.Nodes)
	}
	if len(d.Lagging) != 1 || d.Lagging[0].NodeCode != "P1" || !strings.Contains(d.Lagging[0].ZH, "环评") {
		t.Fatalf("lagging %+v", d.Lagging)
	}
	if len(d.Steps) != 2 || d.Steps[0].ZH != "环评计划 2021-06-05，已延误 40 天" || d.Steps[1].Overdue {
		t.Fatalf("steps %+v", d.Steps)
	}
	if len(d.Problems) != 1 || !d.Problems[0].Overdue || !strings.Contains(d.Problems[0].ZH, "【用地】用地未落实") {
		t.Fatalf("problems %+v", d.Problems)
	}
	if len(d.Roles) != 1 || d.Roles[0].NodeCode != "P2" || !strings.Contains(d.Roles[0].ZH, "责任领导") || len(d.Unchecked) != 1 {
		t.Fatalf("roles %+v unchecked %v", d.Roles, d.Unchecked)
	}
	if len(d.FollowUps) != 1 || d.FollowUps[0].DecisionID != 7 || !d.FollowUps[0].Overdue {
		t.Fatalf("follow-ups %+v", d.FollowUps)
	}
	if d.Total() != 6 {
		t.Fatalf("total %d", d.Total())
	}
}
