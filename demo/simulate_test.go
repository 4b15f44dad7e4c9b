package demo

import (
	"reflect"
	"slices"
	"testing"

	"github.com/duban-dev/duban"
)

func erqiIDs(b *duban.Bundle) map[string]int64 {
	ids := map[string]int64{}
	for i, ind := range b.Indicators {
		ids[ind.Code] = int64(100 + i)
	}
	return ids
}

// reportsByIndicator groups reports by indicator code, in output order.
func reportsByIndicator(b *duban.Bundle, ids map[string]int64, rs []duban.Report) map[string][]duban.Report {
	codes := map[int64]string{}
	for code, id := range ids {
		codes[id] = code
	}
	out := map[string][]duban.Report{}
	for _, r := range rs {
		out[codes[r.IndicatorID]] = append(out[codes[r.IndicatorID]], r)
	}
	return out
}

func TestSimulateReportsIsDeterministic(t *testing.T) {
	b := decodeErqi(t)
	ids := erqiIDs(b)
	first := SimulateReports(b, ids, DefaultAsOf, DefaultSeed)
	if len(first) == 0 {
		t.Fatal("no reports simulated")
	}
	if again := SimulateReports(b, ids, DefaultAsOf, DefaultSeed); !reflect.DeepEqual(first, again) {
		t.Error("same inputs gave different reports")
	}
	if other := SimulateReports(b, ids, DefaultAsOf, DefaultSeed+1); reflect.DeepEqual(first, other) {
		t.Error("another seed gave identical reports")
	}
}

func TestSimulateReportsAreWellFormed(t *testing.T) {
	b := decodeErqi(t)
	ids := erqiIDs(b)
	nodes := nodeIndex(b)
	users := map[string]bool{}
	for _, u := range Users(b) {
		users[u.Username] = true
	}
	byCode := reportsByIndicator(b, ids, SimulateReports(b, ids, DefaultAsOf, DefaultSeed))
	for _, ind := range b.Indicators {
		rs := byCode[ind.Code]
		if len(rs) == 0 {
			t.Errorf("indicator %q: no reports", ind.Code)
			continue
		}
		wantUnit := leadUnit(nodes, ind.NodeCode)
		for i, r := range rs {
			p := checkReportShape(t, ind, r, wantUnit, users)
			if i > 0 && rs[i-1].Period >= r.Period {
				t.Errorf("indicator %q: period %s after %s", ind.Code, r.Period, rs[i-1].Period)
			}
			checkReportValue(t, ind, rs, i, p)
		}
	}
}

func checkReportShape(t *testing.T, ind duban.Indicator, r duban.Report, unit string, users map[string]bool) duban.Period {
	t.Helper()
	p, err := duban.ParsePeriod(ind.Cadence, r.Period)
	if err != nil {
		t.Fatalf("indicator %q: %v", ind.Code, err)
	}
	if p.End.After(DefaultAsOf) {
		t.Errorf("indicator %q: period %s ends after as-of %s", ind.Code, r.Period, DefaultAsOf)
	}
	if day := duban.DateOf(r.SubmittedAt.In(cst)); day.Before(p.Start) || day.After(p.End) {
		t.Errorf("indicator %q %s: submitted %s, outside the period", ind.Code, r.Period, day)
	}
	if r.State != duban.Approved || r.Version != 1 || r.UnitCode != unit || r.UnitCode == "" {
		t.Errorf("indicator %q %s: state %s version %d unit %q, want approved, 1, %q", ind.Code, r.Period, r.State, r.Version, r.UnitCode, unit)
	}
	if r.SubmittedBy != ReporterUsername(unit) || !users[r.SubmittedBy] {
		t.Errorf("indicator %q %s: submitted by %q, want the demo reporter of %q", ind.Code, r.Period, r.SubmittedBy, unit)
	}
	if r.Note == "" {
		t.Errorf("indicator %q %s: no note", ind.Code, r.Period)
	}
	return p
}

func checkReportValue(t *testing.T, ind duban.Indicator, rs []duban.Report, i int, p duban.Period) {
	t.Helper()
	r := rs[i]
	switch ind.Kind {
	case duban.MilestoneOnly:
		ahead := min(milestonesDue(ind, p.End)+1, len(ind.Milestones))
		if r.Value != nil || r.MilestonesDone > ahead || (i > 0 && r.MilestonesDone < rs[i-1].MilestonesDone) {
			t.Errorf("indicator %q %s: milestones done %d (due %d)", ind.Code, r.Period, r.MilestonesDone, milestonesDue(ind, p.End))
		}
	case duban.Level:
		if r.Value == nil || *r.Value < 5.5 || *r.Value > 8.5 {
			t.Errorf("indicator %q %s: level %v, want about 6–8", ind.Code, r.Period, r.Value)
		}
	default:
		v := *r.Value
		if v < 0 || v > *ind.Target || (i > 0 && v < *rs[i-1].Value) {
			t.Errorf("indicator %q %s: value %v, want non-decreasing within 0..%v", ind.Code, r.Period, v, *ind.Target)
		}
		if v == *ind.Target && i != len(rs)-1 {
			t.Errorf("indicator %q: reports continue after the target was reached in %s", ind.Code, r.Period)
		}
	}
}

func milestonesDue(ind duban.Indicator, d duban.Date) int {
	n := 0
	for _, m := range ind.Milestones {
		if !m.Date.After(d) {
			n++
		}
	}
	return n
}

func TestSimulateReportsRoadDeadlines(t *testing.T) {
	b := decodeErqi(t)
	ids := erqiIDs(b)
	byCode := reportsByIndicator(b, ids, SimulateReports(b, ids, DefaultAsOf, DefaultSeed))
	phase2 := byCode["dl-2q"]
	if len(phase2) != 1 || phase2[0].Period != "2021-01" || *phase2[0].Value != 3 {
		t.Errorf("二期 roads: want one report, 2021-01, 3 条; got %d reports", len(phase2))
	}
	phase3 := byCode["dl-3q"]
	if len(phase3) == 0 || *phase3[len(phase3)-1].Value >= 3 {
		t.Errorf("三期 roads: want unfinished by the 2021-06-30 deadline")
	}
}

// Buckets of a simple linear judgement of the latest report at as-of.
const (
	bucketDone      = "done"
	bucketOnTrack   = "on track"
	bucketBehind    = "behind"
	bucketFarBehind = "far behind"
	bucketOverdue   = "overdue"
	bucketMissing   = "missing"
)

func TestSimulateReportsGiveAMixOfStatuses(t *testing.T) {
	b := decodeErqi(t)
	ids := erqiIDs(b)
	nodes := nodeIndex(b)
	for _, seed := range []int64{DefaultSeed, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 42, 12345} {
		byCode := reportsByIndicator(b, ids, SimulateReports(b, ids, DefaultAsOf, seed))
		counts := map[string]int{}
		for _, ind := range b.Indicators {
			if ind.Kind != duban.Cumulative {
				continue
			}
			counts[linearBucket(ind, nodes[ind.NodeCode], byCode[ind.Code], DefaultAsOf)]++
		}
		for _, want := range []string{bucketDone, bucketOnTrack, bucketBehind, bucketFarBehind, bucketOverdue, bucketMissing} {
			if counts[want] == 0 {
				t.Errorf("seed %d: no indicator %s; got %v", seed, want, counts)
			}
		}
	}
}

func linearBucket(ind duban.Indicator, node *duban.Node, rs []duban.Report, asOf duban.Date) string {
	last := rs[len(rs)-1]
	v, target := *last.Value, *ind.Target
	switch {
	case v >= target:
		return bucketDone
	case asOf.After(node.Deadline):
		return bucketOverdue
	}
	due := duban.PeriodOf(ind.Cadence, asOf).Prev()
	if due.End.AddDays(10).Before(asOf) && last.Period < due.String() {
		return bucketMissing
	}
	elapsed := float64(node.Start.DaysUntil(asOf)+1) / float64(node.Start.DaysUntil(node.Deadline)+1)
	gap := 100 * (elapsed - v/target)
	switch {
	case gap <= 10:
		return bucketOnTrack
	case gap <= 30:
		return bucketBehind
	}
	return bucketFarBehind
}

func TestSimulateReportsMilestoneLaggards(t *testing.T) {
	b := decodeErqi(t)
	ids := erqiIDs(b)
	byCode := reportsByIndicator(b, ids, SimulateReports(b, ids, DefaultAsOf, DefaultSeed))
	var onTime, late int
	for _, ind := range b.Indicators {
		rs := byCode[ind.Code]
		if ind.Kind != duban.MilestoneOnly || len(rs) == 0 {
			continue
		}
		last := rs[len(rs)-1]
		p, _ := duban.ParsePeriod(ind.Cadence, last.Period)
		if last.MilestonesDone >= milestonesDue(ind, p.End) {
			onTime++
		} else {
			late++
		}
	}
	if onTime == 0 || late == 0 {
		t.Errorf("milestone indicators: %d on time, %d late; want both", onTime, late)
	}
}

func TestSimulatePeriodsFollowCadence(t *testing.T) {
	tests := []struct {
		cadence duban.Cadence
		start   string
		asOf    string
		want    []string
	}{
		{duban.Monthly, "2021-01-01", "2021-04-15", []string{"2021-01", "2021-02", "2021-03"}},
		{duban.Quarterly, "2021-01-01", "2021-07-15", []string{"2021-Q1", "2021-Q2"}},
		{duban.Weekly, "2021-07-05", "2021-07-20", []string{"2021-W27", "2021-W28"}},
		{duban.Monthly, "2021-05-10", "2021-05-31", []string{"2021-05"}},
		{duban.Monthly, "2021-05-10", "2021-05-30", nil},
	}
	for _, tt := range tests {
		b := syntheticBundle(tt.cadence, duban.MustDate(tt.start))
		rs := SimulateReports(b, map[string]int64{"i1": 7}, duban.MustDate(tt.asOf), DefaultSeed)
		var got []string
		for _, r := range rs {
			got = append(got, r.Period)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s from %s to %s: periods %v, want %v", tt.cadence, tt.start, tt.asOf, got, tt.want)
		}
		if none := SimulateReports(b, map[string]int64{}, duban.MustDate(tt.asOf), DefaultSeed); len(none) != 0 {
			t.Errorf("%s: %d reports for an indicator without an id", tt.cadence, len(none))
		}
	}
}

func syntheticBundle(c duban.Cadence, start duban.Date) *duban.Bundle {
	target, base := 100.0, 0.0
	return &duban.Bundle{
		Plan:  duban.Plan{Code: "p", Title: "p", Year: 2021, PeriodStart: duban.MustDate("2021-01-01"), PeriodEnd: duban.MustDate("2021-12-31")},
		Units: []duban.Unit{{Code: "u1", Name: "单位", Kind: duban.UnitDepartment}},
		Nodes: []duban.Node{{Code: "n1", Kind: duban.KindTask, Title: "任务", LeadUnit: "u1", Start: start, Deadline: duban.MustDate("2021-12-31")}},
		Indicators: []duban.Indicator{{Code: "i1", NodeCode: "n1", Name: "指标", Unit: "个", Target: &target, Baseline: &base,
			Comparator: duban.Equal, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: c}},
	}
}

func BenchmarkSimulateReports(b *testing.B) {
	bundle := decodeErqi(b)
	ids := erqiIDs(bundle)
	asOf := duban.MustDate("2021-12-31")
	for b.Loop() {
		SimulateReports(bundle, ids, asOf, DefaultSeed)
	}
}
