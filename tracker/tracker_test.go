package tracker

import (
	"reflect"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

func f64(v float64) *float64 { return &v }

func snapshot() *duban.Snapshot {
	plan := duban.Plan{ID: 1, Code: "p", Title: "计划", Year: 2021,
		PeriodStart: duban.MustDate("2021-01-01"), PeriodEnd: duban.MustDate("2021-12-31")}
	nodes := []duban.Node{
		{ID: 1, Code: "A1", Kind: duban.KindArea, Title: "城市品质提升"},
		{ID: 2, Code: "T1", ParentCode: "A1", Kind: duban.KindTask, Title: "老旧小区改造", LeadUnit: "zjj", Deadline: duban.MustDate("2021-12-31")},
		{ID: 3, Code: "T2", ParentCode: "A1", Kind: duban.KindTask, Title: "打通断头路", LeadUnit: "jtj", Deadline: duban.MustDate("2021-12-31")},
		{ID: 4, Code: "A2", Kind: duban.KindArea, Title: "美好生活创造"},
		{ID: 5, Code: "T3", ParentCode: "A2", Kind: duban.KindTask, Title: "高中前期工作", LeadUnit: "jyj", Deadline: duban.MustDate("2021-06-30")},
	}
	ind := func(id int64, code, node string, target float64) duban.Indicator {
		return duban.Indicator{ID: id, Code: code, NodeCode: node, Name: code, Unit: "个", Target: f64(target), Baseline: f64(0),
			Comparator: duban.Equal, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly}
	}
	rep := func(id, indID int64, period string, v float64) duban.Report {
		return duban.Report{ID: id, PlanID: 1, IndicatorID: indID, Period: period, Version: 1, Value: f64(v), State: duban.Approved}
	}
	return &duban.Snapshot{Plan: plan, Nodes: nodes,
		Indicators: []duban.Indicator{ind(1, "T1", "T1", 248), ind(2, "T2", "T2", 14), ind(3, "T3", "T3", 2)},
		Reports: []duban.Report{
			rep(1, 1, "2021-05", 100), rep(2, 1, "2021-06", 130),
			rep(3, 2, "2021-06", 2),
			rep(4, 3, "2021-06", 1),
		}}
}

func TestEvaluateAndDashboard(t *testing.T) {
	asOf := duban.MustDate("2021-07-15")
	ps, err := Evaluate(snapshot(), asOf)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]status.Status{}
	for _, it := range ps.Items() {
		byCode[it.Indicator] = it.Status
	}
	// 130/248 = 52% against ~53% expected: on track; 2/14 = 14% far behind;
	// 1 of 2 schools with the 2021-06-30 deadline passed: overdue.
	want := map[string]status.Status{"T1": status.OnTrack, "T2": status.Lagging, "T3": status.Overdue}
	if !reflect.DeepEqual(byCode, want) {
		t.Fatalf("statuses = %v, want %v", byCode, want)
	}
	d := ps.Dashboard()
	if d.Totals.Items != 3 || d.Totals.Counts["overdue"] != 1 || len(d.Areas) != 2 || d.Areas[0].Items != 2 {
		t.Fatalf("dashboard totals %+v areas %+v", d.Totals, d.Areas)
	}
	if len(d.Attention) != 2 || d.Attention[0].Status != status.Overdue || d.Attention[0].NodeTitle != "高中前期工作" {
		t.Fatalf("attention = %+v", d.Attention)
	}
	if len(d.Units) != 3 {
		t.Fatalf("units = %+v", d.Units)
	}
}

// storedOf keeps an evaluation the way a store does: the results and the
// aggregates, without the inputs.
func storedOf(ps *PlanStatus) *status.StoredPlan {
	sp := &status.StoredPlan{Snapshot: duban.Snapshot{Plan: ps.Plan, Nodes: ps.Nodes, Indicators: ps.Indicators},
		AsOf: ps.AsOf, Aggregates: status.StoredAggregates{Plan: ps.Rollup.Plan(),
			Nodes: map[string]status.Aggregate{}, Units: map[string]status.Aggregate{}}}
	for _, ind := range ps.Indicators {
		res, _ := ps.Rollup.Result(ind.Code)
		sp.Results = append(sp.Results, res)
	}
	for _, n := range ps.Nodes {
		sp.Aggregates.Nodes[n.Code], _ = ps.Rollup.Node(n.Code)
	}
	for _, u := range ps.Rollup.Units() {
		sp.Aggregates.Units[u], _ = ps.Rollup.Unit(u)
	}
	return sp
}

func TestStoredStatusReadsAsEvaluated(t *testing.T) {
	ps, err := Evaluate(snapshot(), duban.MustDate("2021-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	restored, err := FromStored(storedOf(ps))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(restored.Dashboard(), ps.Dashboard()) {
		t.Fatalf("stored dashboard differs from the evaluated one:\n%+v\n%+v", restored.Dashboard(), ps.Dashboard())
	}
	if !reflect.DeepEqual(restored.NodeRows(), ps.NodeRows()) {
		t.Fatal("stored tree differs from the evaluated one")
	}
	// The restored rollup is what was stored, not a recomputation: a
	// stored aggregate that was tampered with shows as stored.
	sp := storedOf(ps)
	sp.Aggregates.Plan.Items = 99
	tampered, _ := FromStored(sp)
	if tampered.Dashboard().Totals.Items != 99 {
		t.Fatal("the plan's aggregate was recomputed instead of read")
	}
}

func TestNoticeCandidatesSkipOpenNotices(t *testing.T) {
	ps, err := Evaluate(snapshot(), duban.MustDate("2021-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	all := ps.NoticeCandidates(func(int64) bool { return false })
	if len(all) != 2 || all[0].Trigger != duban.TriggerLagging || all[1].Trigger != duban.TriggerOverdue {
		t.Fatalf("candidates = %+v", all)
	}
	if all[1].ReplyDue.String() != "2021-07-22" || all[1].NodeID != 5 {
		t.Fatalf("overdue notice = %+v", all[1])
	}
	some := ps.NoticeCandidates(func(id int64) bool { return id == 3 })
	if len(some) != 1 || some[0].IndicatorID != 2 {
		t.Fatalf("with an open notice on indicator 3: %+v", some)
	}
}
