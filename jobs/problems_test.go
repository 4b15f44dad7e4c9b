package jobs_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/jobs"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
)

// TestRunOnceEscalatesOverdueProblems raises a problem, lets its deadline
// pass and runs the jobs: the problem goes up one level once that day, the
// plan is reported changed, and a run on the same day does nothing more.
func TestRunOnceEscalatesOverdueProblems(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, duban.Beijing)
	clock := func() time.Time { return now }
	db.Now = clock
	b, err := planfile.Decode("erqi-2021.yaml", bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	planID, err := db.ImportBundle(ctx, b, "test")
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := db.ListNodes(ctx, planID)
	if err != nil {
		t.Fatal(err)
	}
	var project *duban.Node
	for i := range nodes {
		if nodes[i].Kind == duban.KindProject && nodes[i].LeadUnit != "" {
			project = &nodes[i]
			break
		}
	}
	if project == nil {
		t.Fatal("the demo plan has no project with a lead unit")
	}
	p, err := db.CreateProblem(ctx, jobs.System, duban.ProblemInput{NodeID: project.ID, Category: "land", Title: "用地指标未落实",
		NeedsUnit: project.LeadUnit, Deadline: duban.MustDate("2021-07-16")}, duban.DateOf(now))
	if err != nil {
		t.Fatal(err)
	}
	changed := map[int64]int{}
	runner := jobs.New(jobs.Config{Notices: db, Rules: db, Sessions: db, Statuses: db, Leader: db, Now: clock,
		Problems: db, ProblemsChanged: func(id int64) { changed[id]++ }})
	if res := mustRun(t, runner); res.ProblemsEscalated != 0 || len(changed) != 0 {
		t.Fatalf("before the deadline: %+v, changed %v", res, changed)
	}
	now = now.AddDate(0, 0, 2)
	if res := mustRun(t, runner); res.ProblemsEscalated != 1 || changed[planID] != 1 {
		t.Fatalf("after the deadline: %+v, changed %v", res, changed)
	}
	if res := mustRun(t, runner); res.ProblemsEscalated != 0 || changed[planID] != 1 {
		t.Fatalf("second run that day: %+v, changed %v", res, changed)
	}
	got, err := db.FindProblem(ctx, p.ID)
	if err != nil || got.Level != 1 || got.Deadline != duban.DateOf(now).AddDays(duban.ProblemEscalationDays) {
		t.Fatalf("escalated problem: %v %+v", err, got)
	}
}
