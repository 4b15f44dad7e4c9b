package status

import (
	"fmt"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func checkBundle() *duban.Bundle {
	b := &duban.Bundle{
		Plan: duban.Plan{Code: "erqi-2021", PeriodStart: d("2021-01-01"), PeriodEnd: d("2021-12-31")},
		Nodes: []duban.Node{
			{Code: "P", Kind: duban.KindArea, Title: "主导产业升级"},
			{Code: "P1", ParentCode: "P", Kind: duban.KindTask, Title: "加快推进270个重大项目"},
			{Code: "V", Kind: duban.KindArea, Title: "美丽田园打造"},
			{Code: "V1", ParentCode: "V", Kind: duban.KindTask, Title: "精品村建设"},
			{Code: "V2", ParentCode: "V", Kind: duban.KindTask, Title: "示范村", Deadline: d("2021-06-30")},
			{Code: "S", Kind: duban.KindTask, Title: "小微企业园", Deadline: d("2023-12-31")},
		},
		Indicators: []duban.Indicator{
			{ID: 1, Code: "projects", NodeCode: "P1", Unit: "个", Target: f(270), Comparator: duban.Equal, Cadence: duban.Monthly},
			{ID: 2, Code: "villages", NodeCode: "V1", Unit: "个", Target: f(4), Comparator: duban.Equal, Cadence: duban.Quarterly},
			{ID: 3, Code: "model", NodeCode: "V2", Unit: "个", Target: f(4), Comparator: duban.AtLeast, Cadence: duban.Weekly,
				Milestones: []duban.Milestone{{Date: d("2021-03-31")}, {Date: d("2021-09-30")}}},
			{ID: 4, Code: "parks", NodeCode: "S", Unit: "个", Target: f(10), Comparator: duban.Equal, Cadence: duban.Quarterly},
		},
	}
	for i := range 20 {
		b.Nodes = append(b.Nodes, duban.Node{Code: fmt.Sprintf("P1-%02d", i), ParentCode: "P1", Kind: duban.KindProject})
	}
	for _, v := range []string{"樱桃沟", "桐树洼", "大路西", "申河"} {
		b.Nodes = append(b.Nodes, duban.Node{Code: "V1-" + v, ParentCode: "V1", Kind: duban.KindItem})
	}
	for i := range 5 { // 5 listed for "at least 4": consistent
		b.Nodes = append(b.Nodes, duban.Node{Code: fmt.Sprintf("V2-%d", i), ParentCode: "V2", Kind: duban.KindItem})
	}
	return b
}

func TestCheckPlan(t *testing.T) {
	got := Check(checkBundle())
	want := []Finding{
		{Kind: FindingCountMismatch, Entity: "indicator", Key: "projects", Field: "target", Want: 270, Got: 20},
		{Kind: FindingMilestoneOutside, Entity: "indicator", Key: "model", Field: "milestones.date"},
	}
	if len(got) != len(want) {
		t.Fatalf("findings = %+v, want %d", got, len(want))
	}
	for i := range want {
		g := got[i]
		g.Message = ""
		if g != want[i] {
			t.Errorf("finding %d = %+v, want %+v", i, g, want[i])
		}
	}
	if msg := got[0].Message; !strings.Contains(msg, "目标 270个，已列出 20 个") || !strings.Contains(msg, "target 270, listed 20") {
		t.Errorf("message %q should give both numbers", msg)
	}
	if msg := got[1].Message; !strings.Contains(msg, "2021-09-30") {
		t.Errorf("message %q should name the date", msg)
	}
}

func TestCountFits(t *testing.T) {
	tests := []struct {
		cmp      duban.Comparator
		tol      float64
		children float64
		fits     bool
	}{
		{duban.Equal, 0, 4, true},
		{duban.Equal, 0, 5, false},
		{duban.AtLeast, 0, 5, true},
		{duban.AtLeast, 0, 3, false},
		{duban.AtMost, 0, 3, true},
		{duban.AtMost, 0, 5, false},
		{duban.About, 1, 5, true},
		{duban.About, 1, 6, false},
	}
	for _, tt := range tests {
		ind := &duban.Indicator{Target: f(4), Comparator: tt.cmp, Tolerance: tt.tol}
		if got := countFits(ind, tt.children); got != tt.fits {
			t.Errorf("%s 4 with %v children: %v", tt.cmp, tt.children, got)
		}
	}
}

func TestCheckReports(t *testing.T) {
	b := checkBundle()
	reports := []duban.Report{
		{IndicatorID: 1, Period: "2021-07", Version: 1},  // fine
		{IndicatorID: 1, Period: "2021-Q3", Version: 1},  // monthly indicator
		{IndicatorID: 2, Period: "2021-Q3", Version: 2},  // fine
		{IndicatorID: 2, Period: "2022-Q1", Version: 1},  // after the plan
		{IndicatorID: 3, Period: "2021-W28", Version: 1}, // fine
		{IndicatorID: 3, Period: "2020-W50", Version: 1}, // before the plan
		{IndicatorID: 4, Period: "2023-Q2", Version: 1},  // the node runs to 2023
		{IndicatorID: 9, Period: "2021-07", Version: 1},  // not in the plan
	}
	got := Check(b, reports...)
	want := []struct{ kind, key, text string }{
		{FindingBadPeriod, "1/2021-Q3/v1", "fit the monthly cadence"},
		{FindingBadPeriod, "2/2022-Q1/v1", "2021-01-01 至 2021-12-31"},
		{FindingBadPeriod, "3/2020-W50/v1", "outside the plan period"},
		{FindingUnknownIndicator, "9/2021-07/v1", "指标 9"},
	}
	got = got[2:] // after the two plan findings
	if len(got) != len(want) {
		t.Fatalf("findings = %+v", got)
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].Key != w.key || got[i].Entity != "report" || !strings.Contains(got[i].Message, w.text) {
			t.Errorf("finding %d = %+v, want %s %s mentioning %q", i, got[i], w.kind, w.key, w.text)
		}
	}
}

func TestCheckReportPeriod(t *testing.T) {
	b := checkBundle()
	plan := &b.Plan
	monthly := &b.Indicators[0]
	tests := []struct {
		node   *duban.Node
		period string
		ok     bool
	}{
		{nil, "2021-01", true},
		{nil, "2021-12", true},
		{nil, "2020-12", false},
		{nil, "2022-01", false},
		{&duban.Node{Deadline: d("2022-06-30")}, "2022-06", true},
		{&duban.Node{Deadline: d("2022-06-30")}, "2022-07", false},
		{nil, "2021-7", false},
	}
	for _, tt := range tests {
		err := CheckReportPeriod(plan, tt.node, monthly, tt.period)
		if (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok %v", tt.period, err, tt.ok)
		}
		if err != nil && (duban.ErrorCode(err) != duban.EINVALID || duban.ErrorFields(err)[0].Field != "period") {
			t.Errorf("%s: err = %#v, want an invalid period field", tt.period, err)
		}
	}
}

// A count target with no child nodes listed is not compared: the plan may
// simply not itemise it.
func TestCheckNeedsListedChildren(t *testing.T) {
	b := checkBundle()
	b.Nodes = b.Nodes[:6]
	if got := Check(b); len(got) != 1 || got[0].Kind != FindingMilestoneOutside {
		t.Errorf("findings = %+v, want only the milestone one", got)
	}
}

func TestEvaluateBundleThenRollup(t *testing.T) {
	b := checkBundle()
	b.Nodes[0].LeadUnit = "fgw"
	reports := map[string]ReportSummary{
		"projects": {Latest: &Observation{Period: "2021-06", Value: f(27)}},               // 10% against 49.6%
		"villages": {Latest: &Observation{Period: "2021-Q2", Value: f(4)}},                // done
		"model":    {Latest: &Observation{Period: "2021-W26", Value: f(1)}},               // past its 06-30 deadline
		"parks":    {Latest: &Observation{Period: "2021-Q2", Value: f(3)}, Reported: nil}, // 3-year target
	}
	asOf := d("2021-07-05")
	results := EvaluateBundle(b, reports, asOf, mustProfile(t, "gap"))
	want := map[string]Status{"projects": Lagging, "villages": Done, "model": Overdue, "parks": OnTrack}
	for _, r := range results {
		if r.Status != want[r.Indicator] {
			t.Errorf("%s: %s (%s), want %s", r.Indicator, r.Status, r.Explanation.ZH, want[r.Indicator])
		}
	}
	if results[1].Deadline != d("2021-12-31") || results[2].Deadline != d("2021-06-30") {
		t.Errorf("deadlines %s %s: want the plan end, then the node's", results[1].Deadline, results[2].Deadline)
	}
	r := mustRollup(t, b.Nodes, results)
	plan := r.Plan()
	if plan.Items != 4 || plan.Worst != Overdue || plan.WorstItem != "model" {
		t.Errorf("plan = %+v", plan)
	}
	if a, _ := r.Unit("fgw"); a.Items != 1 || a.Worst != Lagging {
		t.Errorf("unit fgw = %+v", a)
	}
}
