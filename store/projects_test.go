package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func datePtr(s string) *duban.Date { d := duban.MustDate(s); return &d }

func TestProjectStepsRolesAndAudit(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		p1 := f.node["P1"].ID
		plan := []duban.ProjectStepInput{
			{Kind: duban.StepStage, Name: "started", Planned: datePtr("2021-03-31")},
			{Kind: duban.StepPrep, Name: "环评", Planned: datePtr("2021-02-28")},
		}
		if _, err := db.SaveProjectSteps(ctx, f.fgw, p1, plan); duban.ErrorCode(err) != duban.EINVALID {
			t.Fatalf("a reporter set planned dates: %v", err)
		}
		if _, err := db.SaveProjectSteps(ctx, f.supervisor, p1, plan); err != nil {
			t.Fatal(err)
		}
		done := []duban.ProjectStepInput{{Kind: duban.StepPrep, Name: "环评", Actual: datePtr("2021-03-05")}}
		if _, err := db.SaveProjectSteps(ctx, f.jsj, p1, done); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("another unit reported a step: %v", err)
		}
		steps, err := db.SaveProjectSteps(ctx, f.fgw, p1, done)
		if err != nil {
			t.Fatal(err)
		}
		if len(steps) != 2 || steps[0].Kind != duban.StepStage || steps[1].Actual != duban.MustDate("2021-03-05") ||
			steps[1].Planned != duban.MustDate("2021-02-28") {
			t.Fatalf("steps after the report: %+v", steps)
		}
		all, err := db.ProjectSteps(ctx, f.planID)
		if err != nil || len(all[p1]) != 2 {
			t.Fatalf("ProjectSteps: %v %+v", err, all)
		}
		if _, err := db.SaveProjectSteps(ctx, f.supervisor, f.node["T1"].ID, plan); duban.ErrorCode(err) != duban.ENOTFOUND {
			t.Fatalf("steps on a task: %v", err)
		}
		audit, err := db.ListAudit(ctx, "node", p1)
		if err != nil || len(audit) != 2 || audit[1].Action != "project.steps" {
			t.Fatalf("audit: %v %+v", err, audit)
		}
	})
}

func TestPrepStepsPerPlan(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		got, err := db.PrepSteps(ctx, f.planID)
		if err != nil || len(got) != len(duban.DefaultPrepSteps) {
			t.Fatalf("default: %v %v", got, err)
		}
		if err := db.SetPrepSteps(ctx, f.fgw, f.planID, []string{"立项"}); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("reporter configured the plan: %v", err)
		}
		if err := db.SetPrepSteps(ctx, f.supervisor, f.planID, []string{"立项", "立项"}); duban.ErrorCode(err) != duban.EINVALID {
			t.Fatalf("duplicate accepted: %v", err)
		}
		if err := db.SetPrepSteps(ctx, f.supervisor, f.planID, []string{"立项", "用地", "能评"}); err != nil {
			t.Fatal(err)
		}
		if got, _ = db.PrepSteps(ctx, f.planID); len(got) != 3 || got[2] != "能评" {
			t.Fatalf("configured: %v", got)
		}
	})
}

func TestProblemLifecycle(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		in := duban.ProblemInput{NodeID: f.node["P1"].ID, Category: "land", Title: "用地指标未落实",
			NeedsUnit: "jsj", NeedsLeader: "p-li", Deadline: duban.MustDate("2021-07-31")}
		if _, err := db.CreateProblem(ctx, f.jsj, in, today); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("another unit raised a problem: %v", err)
		}
		bad := in
		bad.Deadline, bad.Category = duban.MustDate("2021-07-01"), "weather"
		if _, err := db.CreateProblem(ctx, f.fgw, bad, today); len(duban.ErrorFields(err)) != 2 {
			t.Fatalf("bad input: %v", err)
		}
		p, err := db.CreateProblem(ctx, f.fgw, in, today)
		if err != nil {
			t.Fatal(err)
		}
		if p.UnitCode != "fgw" || p.NeedsUnit != "jsj" || p.NeedsLeader != "p-li" || p.State != duban.ProblemOpen || p.NodeCode != "P1" {
			t.Fatalf("created: %+v", p)
		}
		if _, err := db.ApplyProblem(ctx, f.fgw, p.ID, duban.ProblemAssign, duban.ProblemStep{}); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("reporter assigned: %v", err)
		}
		if _, err := db.ApplyProblem(ctx, f.supervisor, p.ID, duban.ProblemAssign, duban.ProblemStep{NeedsUnit: "jsj"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ApplyProblem(ctx, f.fgw, p.ID, duban.ProblemAnswer, duban.ProblemStep{Text: "x"}); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("the raising unit answered its own problem: %v", err)
		}
		if _, err := db.ApplyProblem(ctx, f.jsj, p.ID, duban.ProblemAnswer, duban.ProblemStep{Text: "已协调用地指标"}); err != nil {
			t.Fatal(err)
		}
		esc, err := db.ApplyProblem(ctx, f.supervisor, p.ID, duban.ProblemEscalate, duban.ProblemStep{Deadline: duban.MustDate("2021-08-15")})
		if err != nil || esc.Level != 1 || esc.State != duban.ProblemAssigned {
			t.Fatalf("escalate: %v %+v", err, esc)
		}
		if _, err := db.ApplyProblem(ctx, f.jsj, p.ID, duban.ProblemAnswer, duban.ProblemStep{Text: "已落实"}); err != nil {
			t.Fatal(err)
		}
		closed, err := db.ApplyProblem(ctx, f.fgw, p.ID, duban.ProblemClose, duban.ProblemStep{})
		if err != nil || closed.State != duban.ProblemClosed {
			t.Fatalf("close: %v %+v", err, closed)
		}
		if _, err := db.ApplyProblem(ctx, f.supervisor, p.ID, duban.ProblemAssign, duban.ProblemStep{}); duban.ErrorCode(err) != duban.ECONFLICT {
			t.Fatalf("acted on a closed problem: %v", err)
		}
		open, n, err := db.ListProblems(ctx, duban.ProblemFilter{PlanID: f.planID, OpenOnly: true})
		if err != nil || n != 0 || len(open) != 0 {
			t.Fatalf("open after close: %v %d", err, n)
		}
		mine, n, _ := db.ListProblems(ctx, duban.ProblemFilter{PlanID: f.planID, UnitCode: "jsj"})
		if n != 1 || mine[0].ID != p.ID {
			t.Fatalf("asked of jsj: %d", n)
		}
		audit, _ := db.ListAudit(ctx, "problem", p.ID)
		if len(audit) != 6 {
			t.Fatalf("audit entries: %d", len(audit))
		}
	})
}

func TestDispatchDecisions(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		in := duban.DecisionInput{Mechanism: "sdst", Period: "2021-W28", NodeID: f.node["P1"].ID, Text: "本周内协调解决用地",
			Owner: "jsj", Due: duban.MustDate("2021-07-22")}
		if _, err := db.CreateDecision(ctx, f.fgw, f.planID, in); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("reporter recorded a decision: %v", err)
		}
		bad := in
		bad.Owner = "nobody"
		if _, err := db.CreateDecision(ctx, f.supervisor, f.planID, bad); duban.ErrorCode(err) != duban.EINVALID {
			t.Fatalf("unknown owner: %v", err)
		}
		d, err := db.CreateDecision(ctx, f.supervisor, f.planID, in)
		if err != nil || d.Mechanism != "sdst" || d.Owner != "jsj" || d.State != duban.DecisionOpen || !d.Overdue(duban.MustDate("2021-07-23")) {
			t.Fatalf("create: %v %+v", err, d)
		}
		if _, err := db.CompleteDecision(ctx, f.fgw, d.ID, "x"); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("another unit completed it: %v", err)
		}
		done, err := db.CompleteDecision(ctx, f.jsj, d.ID, "已协调")
		if err != nil || done.State != duban.DecisionDone || done.DoneAt == nil {
			t.Fatalf("complete: %v %+v", err, done)
		}
		list, n, err := db.ListDecisions(ctx, duban.DecisionFilter{PlanID: f.planID, OpenOnly: true})
		if err != nil || n != 0 || len(list) != 0 {
			t.Fatalf("open decisions: %v %d", err, n)
		}
	})
}
