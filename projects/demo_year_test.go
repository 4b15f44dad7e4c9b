package projects_test

import (
	"context"
	"math"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/tracker"
)

// preShare bounds what a project may report spent before 开工: 前期
// (land, design), a few per cent of its year, never building.
const preShare = 0.10

// TestDemoYearIsConsistent holds the demo plan as shipped to one coherent
// year: at each of several days, loaded as `duban demo` would load it, no
// project's stage contradicts its investment or its dates, and the ledger's
// counts are counts of its rows. Across the days, nothing goes backwards.
func TestDemoYearIsConsistent(t *testing.T) {
	type seen struct {
		stage     duban.ProjectStage
		completed float64
	}
	before := map[string]seen{}
	for _, day := range []string{"2021-02-28", "2021-04-30", "2021-07-15", "2021-09-30", "2021-12-31"} {
		l := demoLedgerAt(t, duban.MustDate(day))
		for i := range l.Rows {
			r := &l.Rows[i]
			checkRow(t, day, r)
			done := 0.0
			if r.Completed != nil {
				done = *r.Completed
			}
			if b, ok := before[r.Code]; ok && (r.Stage.Rank() < b.stage.Rank() || done < b.completed) {
				t.Errorf("%s %s went back: stage %s→%s, investment %.0f→%.0f", day, r.Code, b.stage, r.Stage, b.completed, done)
			}
			before[r.Code] = seen{r.Stage, done}
		}
		checkCounts(t, day, l)
	}
}

func demoLedgerAt(t *testing.T, day duban.Date) *projects.Ledger {
	t.Helper()
	ctx := context.Background()
	db, planID := demoStoreAt(t, day)
	l, _, err := projects.NewService(db, tracker.NewService(db)).Ledger(ctx, planID, day)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// checkRow: investment within the year's plan, only 前期 spent before 开工,
// all of it (at least FinishedShare) once finished, no 开工 before its
// 前期手续, stages reached in pipeline order, nothing dated after the day.
func checkRow(t *testing.T, day string, r *projects.Row) {
	t.Helper()
	asOf := duban.MustDate(day)
	if r.Completed != nil && *r.Completed > r.YearPlan+1e-6 {
		t.Errorf("%s %s: %.0f completed of a year's %.0f", day, r.Code, *r.Completed, r.YearPlan)
	}
	if !r.Started() && r.Rate > preShare {
		t.Errorf("%s %s: %.0f%% of the year's investment spent at stage %s, before 开工", day, r.Code, r.Rate*100, r.Stage)
	}
	if duban.Finished(r.Pipeline, r.Stage) && r.Rate < projects.FinishedShare {
		t.Errorf("%s %s: reported %s with %.0f%% of the year's investment", day, r.Code, r.Stage, r.Rate*100)
	}
	if r.Stage.Rank() < r.PlanStage.Rank() {
		t.Errorf("%s %s: stage %s behind the %s the plan starts it at", day, r.Code, r.Stage, r.PlanStage)
	}
	if r.Forecast != nil && (!r.Started() || (r.Completed != nil && *r.Completed >= r.YearPlan)) {
		t.Errorf("%s %s: forecast %q at stage %s with %.0f%% spent", day, r.Code, r.Forecast.Warning, r.Stage, r.Rate*100)
	}
	var lastStage duban.Date
	reachedAll := true
	for _, s := range r.Steps {
		if s.Done && s.Actual.After(asOf) {
			t.Errorf("%s %s: %s done on %s, after the day", day, r.Code, s.Label, s.Actual)
		}
		switch s.Kind {
		case duban.StepPrep:
			if r.Started() && (!s.Done || (!r.StartActual.IsZero() && s.Actual.After(r.StartActual))) {
				t.Errorf("%s %s: 开工 on %s but %s done %v on %s", day, r.Code, r.StartActual, s.Label, s.Done, s.Actual)
			}
		case duban.StepStage:
			if duban.ProjectStage(s.Name).Rank() <= r.PlanStage.Rank() && !s.Actual.IsZero() && s.Actual.Year() == 2021 {
				t.Errorf("%s %s: %s, reached before the year, dated %s", day, r.Code, s.Label, s.Actual)
			}
			if s.Done && !reachedAll {
				t.Errorf("%s %s: %s reached after a stage before it was not", day, r.Code, s.Label)
			}
			reachedAll = reachedAll && s.Done
			if !s.Actual.IsZero() && s.Actual.Before(lastStage) {
				t.Errorf("%s %s: %s reached on %s, before the stage before it (%s)", day, r.Code, s.Label, s.Actual, lastStage)
			}
			lastStage = maxDay(lastStage, s.Actual)
		}
	}
}

func maxDay(a, b duban.Date) duban.Date {
	if b.After(a) {
		return b
	}
	return a
}

// checkCounts: every count of the ledger's head is a count of its rows,
// and its checks pass, the reported count of projects under way included.
func checkCounts(t *testing.T, day string, l *projects.Ledger) {
	t.Helper()
	c := l.Counts
	var started, behind, finished int
	var completed float64
	stages := map[string]int{}
	for i := range l.Rows {
		r := &l.Rows[i]
		if r.Started() {
			started++
		}
		if r.Behind() {
			behind++
		}
		if duban.Finished(r.Pipeline, r.Stage) {
			finished++
		}
		if r.Completed != nil {
			completed += *r.Completed
		}
		stages[string(r.Stage)]++
	}
	if c.Total != len(l.Rows) || c.Total != 270 || c.Started != started || c.NotStarted != c.Total-started || c.Behind != behind ||
		math.Abs(c.Completed-completed) > 1e-6 || len(stages) != len(c.ByStage) {
		t.Errorf("%s: counts %+v, rows: %d, %d started, %d behind, %.0f completed", day, c, len(l.Rows), started, behind, completed)
	}
	for s, n := range stages {
		if c.ByStage[s] != n {
			t.Errorf("%s: stage %s counted %d, %d rows", day, s, c.ByStage[s], n)
		}
	}
	checkReportedCount(t, day, l)
	for _, ch := range l.Checks {
		if !ch.OK {
			t.Errorf("%s: check failed: %s", day, ch.ZH)
		}
	}
	if day == "2021-12-31" && (finished == 0 || started == c.Total) {
		t.Errorf("%s: the year ends with %d of %d started and %d finished: no variety", day, started, c.Total, finished)
	}
}

// checkReportedCount: the plan's count of projects under way, as the demo
// reports it, is the ledger's count of started projects, less those that
// started after the count's period and more those whose stage the ledger
// knows only from an older report.
func checkReportedCount(t *testing.T, day string, l *projects.Ledger) {
	t.Helper()
	s := l.Stated
	if s == nil || s.Reported == nil {
		t.Fatalf("%s: no reported count of projects under way: %+v", day, s)
	}
	p, err := duban.ParsePeriod(duban.Monthly, s.Period)
	if err != nil {
		t.Fatal(err)
	}
	since, stale := 0, 0
	for i := range l.Rows {
		r := &l.Rows[i]
		if r.Started() && r.StartActual.After(p.End) {
			since++
		}
		if !r.Started() && r.Period < s.Period {
			stale++
		}
	}
	got := int(*s.Reported)
	if got < l.Counts.Started-since || got > l.Counts.Started+stale {
		t.Errorf("%s: %d reported for %s, the ledger has %d started (%d since, %d on older reports)", day, got, s.Period, l.Counts.Started, since, stale)
	}
}
