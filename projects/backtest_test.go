package projects_test

import (
	"fmt"
	"math"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/demo/demodb"
	"github.com/duban-dev/duban/projects"
)

// backtest is the forecast's record on the demo's simulated year: for each
// month m from March to November, forecast every cumulative indicator and
// project investment from the approved reports of months ≤ m and compare
// with the simulated value at the end of the year.
type backtest struct {
	cases, covered, rightCall, missed int
	absErr                            []float64 // |forecast − actual| / target
}

func runBacktest(t *testing.T, month time.Month) backtest {
	b, err := demodb.Plan(demo.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for i := range b.Indicators {
		b.Indicators[i].ID = int64(i + 1)
		ids[b.Indicators[i].Code] = b.Indicators[i].ID
	}
	for i := range b.Nodes {
		b.Nodes[i].ID = int64(i + 1)
	}
	yearEnd := duban.MustDate("2021-12-31")
	planIDs, projectIDs := demodb.SplitProjectIDs(ids)
	investment := demo.ProjectReports(b, projectIDs, yearEnd, demo.DefaultSeed)
	demo.WithStages(investment, demo.ProjectRuns(b, yearEnd, demo.DefaultSeed), projectIDs) // a report carries only the stages reached by its period's end
	reports := append(demo.SimulateReports(b, planIDs, yearEnd, demo.DefaultSeed), investment...)
	final := map[int64]float64{}
	for _, r := range reports {
		if r.Value != nil {
			final[r.IndicatorID] = *r.Value // reports come oldest first per indicator
		}
	}
	asOf := duban.EndOfMonth(2021, month)
	var seen []duban.Report
	for _, r := range reports {
		p, err := duban.ParsePeriod(cadenceOf(b, r.IndicatorID), r.Period)
		if err == nil && !p.End.After(asOf) {
			seen = append(seen, r)
		}
	}
	in := &projects.Input{Plan: b.Plan, AsOf: asOf, Nodes: b.Nodes, Indicators: b.Indicators, Reports: seen}
	var bt backtest
	for id, f := range projects.Forecasts(in) {
		actual, ok := final[id]
		if !ok || f.Target == 0 {
			continue
		}
		bt.cases++
		if actual >= f.Low-1e-9 && actual <= f.High+1e-9 {
			bt.covered++
		}
		if actual < f.Target {
			bt.missed++
		}
		if f.Short == (actual < f.Target) {
			bt.rightCall++
		}
		bt.absErr = append(bt.absErr, math.Abs(f.Value-actual)/f.Target)
	}
	return bt
}

func cadenceOf(b *duban.Bundle, id int64) duban.Cadence { return b.Indicators[id-1].Cadence }

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// TestForecastBacktest holds the forecast to its record on the simulated
// year and prints the table the README quotes (go test -run Backtest -v).
func TestForecastBacktest(t *testing.T) {
	fmt.Fprintln(os.Stdout, "| data up to | forecasts | median abs. error (share of target) | actual in 80% interval | miss / no-miss called right | actually missed |")
	fmt.Fprintln(os.Stdout, "|---|---|---|---|---|---|")
	for _, m := range []time.Month{3, 5, 7, 9, 11} {
		bt := runBacktest(t, m)
		if bt.cases < 150 { // the plan's indicators and the projects past 开工 and not finished
			t.Fatalf("month %d: only %d forecasts", m, bt.cases)
		}
		call := float64(bt.rightCall) / float64(bt.cases)
		cover := float64(bt.covered) / float64(bt.cases)
		fmt.Fprintf(os.Stdout, "| 2021-%02d | %d | %.1f%% | %.0f%% | %.0f%% | %.0f%% |\n", m, bt.cases, median(bt.absErr)*100, cover*100, call*100,
			100*float64(bt.missed)/float64(bt.cases))
		if m >= 7 && call < 0.8 {
			t.Errorf("month %d: the miss/no-miss call is right only %.0f%% of the time", m, call*100)
		}
	}
}
