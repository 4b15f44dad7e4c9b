package projects_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/demo/demodb"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

var asOf = duban.MustDate("2021-07-15")

func demoStore(t testing.TB) (*store.DB, int64) {
	t.Helper()
	return demoStoreAt(t, asOf)
}

// demoStoreAt loads the demo as it stands on day, with the store's clock there.
func demoStoreAt(t testing.TB, day duban.Date) (*store.DB, int64) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return day.Time().Add(10 * time.Hour) }
	planID, _, err := demodb.Load(ctx, db, "x", day, demo.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	return db, planID
}

func TestDemoLedgerAddsUp(t *testing.T) {
	db, planID := demoStore(t)
	svc := projects.NewService(db, tracker.NewService(db))
	l, _, err := svc.Ledger(context.Background(), planID, asOf)
	if err != nil {
		t.Fatal(err)
	}
	c := l.Counts
	if c.Total != 270 || l.Stated == nil || l.Stated.Target != 270 || c.Simulated != 245 {
		t.Fatalf("counts %+v stated %+v", c, l.Stated)
	}
	for _, ch := range l.Checks {
		if !ch.OK && !strings.Contains(ch.ZH, "最新报送") {
			t.Errorf("check failed: %s", ch.ZH)
		}
	}
	if c.Started+c.NotStarted != 270 || c.Behind == 0 || c.Warning == 0 || c.Started < 100 || c.WithProblems == 0 {
		t.Fatalf("the demo lacks variety: %+v", c)
	}
	behind, late, staged := 0, 0, 0
	for _, r := range l.Rows {
		if r.Behind() {
			behind++
		}
		for _, s := range r.Steps {
			if s.LateDays > projects.RedAfterDays {
				late++
				if !r.Status.Worse(status.Warning) {
					t.Errorf("%s has a step %d days late but is %s", r.Code, s.LateDays, r.Status)
				}
			}
		}
		if r.IndicatorID == 0 || r.Pipeline == nil || len(r.Findings) == 0 {
			t.Fatalf("incomplete row %+v", r)
		}
		if r.Completed != nil && r.YearPlan > 0 && r.Rate != *r.Completed/r.YearPlan {
			t.Fatalf("rate of %s", r.Code)
		}
		if r.Stage != r.PlanStage {
			staged++
		}
	}
	if behind != c.Behind || late == 0 || staged == 0 {
		t.Fatalf("behind %d/%d, late steps %d, stage moved by reports %d", behind, c.Behind, late, staged)
	}
	assertRedSplitsByCause(t, l)
}

// assertRedSplitsByCause: the ledger's red count is the projects whose
// investment indicator is red (what the plan's counts show) plus those red
// for late steps alone, and no project forecast to miss its year is green.
func assertRedSplitsByCause(t *testing.T, l *projects.Ledger) {
	t.Helper()
	byInvestment, bySteps := 0, 0
	for _, r := range l.Rows {
		switch {
		case r.InvestmentStatus == status.Lagging || r.InvestmentStatus == status.Overdue:
			byInvestment++
		case r.Behind():
			bySteps++
		}
		if r.Forecast != nil && r.Forecast.Short && (r.Status == status.OnTrack || r.Status == status.NotStarted) {
			t.Errorf("%s is forecast short of its year but shows %s", r.Code, r.Status)
		}
	}
	if bySteps != l.Counts.BehindBySteps || byInvestment+bySteps != l.Counts.Behind || bySteps == 0 {
		t.Fatalf("red %d = %d by investment + %d by steps; counted %d by steps", l.Counts.Behind, byInvestment, bySteps, l.Counts.BehindBySteps)
	}
}

func TestMainFindingIsTheWorst(t *testing.T) {
	r := projects.Row{Findings: []projects.Finding{
		{Status: status.Warning, ZH: "投资"}, {Status: status.Lagging, ZH: "竣工"}, {Status: status.Lagging, ZH: "投产"}}}
	if m := r.MainFinding(); m == nil || m.ZH != "竣工" {
		t.Fatalf("main %v", m)
	}
	if o := r.OtherFindings(); len(o) != 2 || o[0].ZH != "投资" || o[1].ZH != "投产" {
		t.Fatalf("others %v", o)
	}
	if (&projects.Row{}).MainFinding() != nil || (&projects.Row{}).OtherFindings() != nil {
		t.Fatal("findings of a row without any")
	}
}
