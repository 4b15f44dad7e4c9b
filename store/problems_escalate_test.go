package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// outboxEvents is the events waiting in the outbox, oldest first.
func outboxEvents(t *testing.T, db *store.DB) []duban.Message {
	t.Helper()
	items, err := db.DueDeliveries(context.Background(), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), 500)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]duban.Message, len(items))
	for i, it := range items {
		out[i] = it.Message
	}
	return out
}

func TestOverdueProblemsEscalateOncePerDayUpToTheTop(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		hook := duban.Webhook{Name: "群", Kind: duban.WebhookJSON, URL: "https://example.com/hook", Active: true}
		if err := db.CreateWebhook(ctx, &hook); err != nil {
			t.Fatal(err)
		}
		today := duban.MustDate("2021-07-15")
		raise := func(title string) *duban.Problem {
			p, err := db.CreateProblem(ctx, f.fgw, duban.ProblemInput{NodeID: f.node["P1"].ID, Category: "land", Title: title,
				NeedsUnit: "jsj", NeedsLeader: "p-li", Deadline: duban.MustDate("2021-07-20")}, today)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		late, solved := raise("用地指标未落实"), raise("施工用电未接入")
		if _, err := db.ApplyProblem(ctx, f.supervisor, late.ID, duban.ProblemAssign, duban.ProblemStep{}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ApplyProblem(ctx, f.supervisor, solved.ID, duban.ProblemClose, duban.ProblemStep{Text: "已接入"}); err != nil {
			t.Fatal(err)
		}
		system := &duban.User{Username: "system", Role: duban.RoleSupervisor}
		if _, err := db.EscalateOverdueProblems(ctx, f.fgw, today); duban.ErrorCode(err) != duban.EFORBIDDEN {
			t.Fatalf("a reporter escalated: %v", err)
		}
		run := func(day string) []duban.Problem {
			t.Helper()
			got, err := db.EscalateOverdueProblems(ctx, system, duban.MustDate(day))
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		if got := run("2021-07-20"); len(got) != 0 {
			t.Fatalf("escalated on the deadline itself: %+v", got)
		}
		got := run("2021-07-21")
		if len(got) != 1 || got[0].ID != late.ID || got[0].Level != 1 || got[0].Deadline != duban.MustDate("2021-07-28") {
			t.Fatalf("first escalation: %+v", got)
		}
		if again := run("2021-07-21"); len(again) != 0 {
			t.Fatalf("escalated twice on one day: %+v", again)
		}
		levels := []int{}
		for _, day := range []string{"2021-07-29", "2021-08-05", "2021-08-12", "2021-09-30"} {
			for _, p := range run(day) {
				levels = append(levels, p.Level)
			}
		}
		if len(levels) != 2 || levels[0] != 2 || levels[1] != duban.MaxProblemLevel {
			t.Fatalf("later escalations reached levels %v, want [2 3] and no further", levels)
		}
		p, err := db.FindProblem(ctx, late.ID)
		if err != nil || p.Level != duban.MaxProblemLevel || !p.Overdue(duban.MustDate("2021-09-30")) {
			t.Fatalf("after the top level: %v %+v", err, p)
		}
		audit, err := db.ListAudit(ctx, "problem", late.ID)
		if err != nil {
			t.Fatal(err)
		}
		escalations := 0
		for _, a := range audit {
			if a.Action == "problem.escalate" && a.Actor == "system" {
				escalations++
			}
		}
		if escalations != duban.MaxProblemLevel {
			t.Fatalf("audited escalations: %d", escalations)
		}
		count := map[string]int{}
		for _, m := range outboxEvents(t, db) {
			count[m.Event]++
			if m.Event == "problem.escalated" && m.Data["problem_id"] != float64(late.ID) {
				t.Errorf("escalation message of problem %v", m.Data["problem_id"])
			}
		}
		want := map[string]int{"problem.raised": 2, "problem.assigned": 1, "problem.escalated": 3}
		for ev, n := range want {
			if count[ev] != n {
				t.Errorf("%s messages: %d, want %d (all: %v)", ev, count[ev], n, count)
			}
		}
		if count["problem.closed"] != 0 || len(count) != len(want) {
			t.Errorf("unexpected messages: %v", count)
		}
	})
}

func TestAnswersAndDecisionsAreAnnounced(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		hook := duban.Webhook{Name: "群", Kind: duban.WebhookJSON, URL: "https://example.com/hook", Active: true}
		if err := db.CreateWebhook(ctx, &hook); err != nil {
			t.Fatal(err)
		}
		p, err := db.CreateProblem(ctx, f.fgw, duban.ProblemInput{NodeID: f.node["P1"].ID, Category: "funds", Title: "资金缺口",
			NeedsUnit: "jsj", Deadline: duban.MustDate("2021-07-31")}, duban.MustDate("2021-07-15"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ApplyProblem(ctx, f.jsj, p.ID, duban.ProblemAnswer, duban.ProblemStep{Text: "**已拨付**"}); err != nil {
			t.Fatal(err)
		}
		d, err := db.CreateDecision(ctx, f.supervisor, f.planID, duban.DecisionInput{Mechanism: "sdst", Period: "2021-W28",
			NodeID: f.node["P1"].ID, Text: "本周内协调解决用地", Owner: "jsj", Due: duban.MustDate("2021-07-22")})
		if err != nil {
			t.Fatal(err)
		}
		msgs := outboxEvents(t, db)
		if len(msgs) != 3 || msgs[0].Event != "problem.raised" || msgs[1].Event != "problem.answered" || msgs[2].Event != "decision.assigned" {
			t.Fatalf("messages: %+v", msgs)
		}
		answered, decided := msgs[1], msgs[2]
		if strings.Contains(answered.Text, "**已拨付**") || !strings.Contains(answered.Text, "已拨付") {
			t.Errorf("a unit's answer is not escaped in the message: %s", answered.Text)
		}
		if decided.Data["owner"] != "jsj" || decided.Data["decision_id"] != float64(d.ID) || !strings.Contains(decided.Text, "本周内协调解决用地") ||
			!strings.Contains(decided.Text, "2021-07-22") {
			t.Errorf("decision message: %+v", decided)
		}
	})
}
