package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// TestProblemMessagesNameUnitsAndPeople: the messages of a problem, its
// automatic escalation included, address the needed unit and leader and
// the actor by name, never by code or username.
func TestProblemMessagesNameUnitsAndPeople(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		hook := duban.Webhook{Name: "群", Kind: duban.WebhookJSON, URL: "https://example.com/hook", Active: true}
		if err := db.CreateWebhook(ctx, &hook); err != nil {
			t.Fatal(err)
		}
		p, err := db.CreateProblem(ctx, f.fgw, duban.ProblemInput{NodeID: f.node["P1"].ID, Category: "land", Title: "用地指标未落实",
			NeedsUnit: "jsj", NeedsLeader: "p-li", Deadline: duban.MustDate("2021-07-20")}, duban.MustDate("2021-07-15"))
		if err != nil {
			t.Fatal(err)
		}
		system := &duban.User{Username: "system", DisplayName: "自动督办 (automatic supervision)", Role: duban.RoleSupervisor}
		if got, err := db.EscalateOverdueProblems(ctx, system, duban.MustDate("2021-07-21")); err != nil || len(got) != 1 || got[0].ID != p.ID {
			t.Fatalf("escalated %+v, %v", got, err)
		}
		seen := 0
		for _, m := range outboxEvents(t, db) {
			if !strings.HasPrefix(m.Event, "problem.") {
				continue
			}
			seen++
			if !strings.Contains(m.Text, "**需协调**：二七区住房和城乡建设局、李明") {
				t.Errorf("%s does not name the unit and leader it needs:\n%s", m.Event, m.Text)
			}
			for _, code := range []string{"jsj", "p-li", "system", "automatic supervision"} {
				if strings.Contains(m.Text, code) {
					t.Errorf("%s shows %q:\n%s", m.Event, code, m.Text)
				}
			}
			if m.Event == "problem.escalated" && !strings.Contains(m.Text, "自动督办 升级") {
				t.Errorf("the escalation does not say who escalated:\n%s", m.Text)
			}
		}
		if seen != 2 {
			t.Fatalf("problem messages: %d, want raised and escalated", seen)
		}
	})
}
