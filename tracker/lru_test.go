package tracker

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/duban-dev/duban"
)

// countingSource serves the test snapshot for any plan id and counts reads.
type countingSource struct{ reads map[int64]int }

func (c *countingSource) Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error) {
	c.reads[planID]++
	s := snapshot()
	s.Plan.ID = planID
	return s, nil
}

func TestCacheKeepsAtMostLimitLeastRecentlyUsedOut(t *testing.T) {
	src := &countingSource{reads: map[int64]int{}}
	svc := NewService(src, WithLimit(3))
	asOf := duban.MustDate("2021-07-15")
	view := func(plan int64) {
		t.Helper()
		if err := svc.View(context.Background(), plan, asOf, func(*PlanStatus) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		plan  int64
		reads int // reads of this plan after the view
	}{
		{1, 1}, {2, 1}, {3, 1},
		{1, 1}, // cached; now most recent
		{4, 1}, // evicts 2, the least recently used
		{2, 2}, // read again; evicts 3
		{1, 1}, // still cached
		{3, 2},
	}
	for i, st := range steps {
		view(st.plan)
		if got := src.reads[st.plan]; got != st.reads {
			t.Errorf("step %d: plan %d read %d times, want %d", i, st.plan, got, st.reads)
		}
		if n := svc.Len(); n > 3 {
			t.Fatalf("step %d: cache holds %d, limit 3", i, n)
		}
	}
	for plan := int64(10); plan < 200; plan++ {
		view(plan)
	}
	if n := svc.Len(); n != 3 {
		t.Fatalf("after 190 plans the cache holds %d, want 3", n)
	}
}

func TestReportsChangedDropsTheirPlansOnly(t *testing.T) {
	src := &countingSource{reads: map[int64]int{}}
	svc := NewService(src)
	asOf := duban.MustDate("2021-07-15")
	for _, plan := range []int64{5, 6, 7} {
		if err := svc.View(context.Background(), plan, asOf, func(*PlanStatus) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	svc.ReportsChanged(duban.Report{PlanID: 5, IndicatorID: 1}, duban.Report{PlanID: 7, IndicatorID: 9},
		duban.Report{PlanID: 5, IndicatorID: 1})
	for _, plan := range []int64{5, 6, 7} {
		if err := svc.View(context.Background(), plan, asOf, func(*PlanStatus) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if src.reads[5] != 2 || src.reads[6] != 1 || src.reads[7] != 2 {
		t.Fatalf("reads %v, want plans 5 and 7 read again and plan 6 served from the cache", src.reads)
	}
}

// gatedSource blocks snapshots of plan 1 until release is closed.
type gatedSource struct {
	countingSource
	entered, release chan struct{}
	mu               sync.Mutex
}

func (g *gatedSource) Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error) {
	if planID == 1 {
		g.entered <- struct{}{}
		<-g.release
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.countingSource.Snapshot(ctx, planID, asOf)
}

func TestSlowEvaluationDoesNotBlockOtherPlans(t *testing.T) {
	src := &gatedSource{countingSource: countingSource{reads: map[int64]int{}},
		entered: make(chan struct{}), release: make(chan struct{})}
	svc := NewService(src)
	asOf := duban.MustDate("2021-07-15")
	nop := func(*PlanStatus) error { return nil }
	errc := make(chan error)
	go func() { errc <- svc.View(context.Background(), 1, asOf, nop) }()
	<-src.entered // plan 1 is being read and stays so
	if err := svc.View(context.Background(), 2, asOf, nop); err != nil {
		t.Fatal(err)
	}
	// A report of plan 1 arrives while its snapshot is read: that
	// evaluation answers once but is not cached.
	svc.ReportsChanged(duban.Report{PlanID: 1})
	close(src.release)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	go func() { <-src.entered }()
	if err := svc.View(context.Background(), 1, asOf, nop); err != nil {
		t.Fatal(err)
	}
	if src.reads[1] != 2 || src.reads[2] != 1 {
		t.Fatalf("reads %v, want plan 1 twice (the raced evaluation was not kept) and plan 2 once", src.reads)
	}
}

// growingSource is countingSource with reports added later.
type growingSource struct {
	countingSource
	extra []duban.Report
}

func (g *growingSource) Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error) {
	s, err := g.countingSource.Snapshot(ctx, planID, asOf)
	if err == nil {
		s.Reports = append(s.Reports, g.extra...)
	}
	return s, err
}

func TestEncodedDocumentsFollowReports(t *testing.T) {
	src := &growingSource{countingSource: countingSource{reads: map[int64]int{}}}
	svc := NewService(src)
	asOf := duban.MustDate("2021-07-15")
	dashboard := func() string {
		var out string
		err := svc.View(context.Background(), 1, asOf, func(ps *PlanStatus) error {
			b, err := ps.Encoded("dashboard", func() any { return ps.Dashboard() })
			out = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := dashboard()
	if again := dashboard(); again != before {
		t.Fatal("the same status encoded twice differs")
	}
	// Indicator 2 (T2) reaches its target of 14.
	approved := duban.Report{PlanID: 1, IndicatorID: 2, Period: "2021-07", Version: 1, Value: f64(14), State: duban.Approved}
	src.extra = append(src.extra, approved)
	svc.ReportsChanged(approved)
	after := dashboard()
	if after == before {
		t.Fatal("the dashboard was served from before the approval")
	}
	var d Dashboard
	if err := json.Unmarshal([]byte(after), &d); err != nil || d.Totals.Counts["done"] == 0 {
		t.Fatalf("after approval: %v, counts %v", err, d.Totals.Counts)
	}
}
