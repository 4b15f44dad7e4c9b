package tracker

import (
	"context"
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

// memSource counts snapshot reads.
type memSource struct {
	snap  *duban.Snapshot
	reads int
}

func (m *memSource) Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error) {
	m.reads++
	return m.snap, nil
}

func TestIncrementalUpdateEqualsRecompute(t *testing.T) {
	asOf := duban.MustDate("2021-07-15")
	src := &memSource{snap: snapshot()}
	svc := NewService(src)
	var before Dashboard
	svc.View(context.Background(), 1, asOf, func(ps *PlanStatus) error { before = ps.Dashboard(); return nil })
	newRep := duban.Report{ID: 9, PlanID: 1, IndicatorID: 2, Period: "2021-07", Version: 1, Value: f64(9), State: duban.Approved}
	svc.ReportsChanged(newRep)
	var after Dashboard
	svc.View(context.Background(), 1, asOf, func(ps *PlanStatus) error { after = ps.Dashboard(); return nil })
	if src.reads != 1 {
		t.Fatalf("the store was read %d times; an approval must not trigger a full reload", src.reads)
	}
	full := snapshot()
	full.Reports = append(full.Reports, newRep)
	ps, _ := Evaluate(full, asOf)
	if !reflect.DeepEqual(after, ps.Dashboard()) {
		t.Fatalf("incremental dashboard differs from a full recomputation:\n%+v\n%+v", after.Totals, ps.Dashboard().Totals)
	}
	if reflect.DeepEqual(before.Totals, after.Totals) {
		t.Fatal("the approved report changed nothing")
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
