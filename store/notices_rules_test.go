package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// redStatuses stores every indicator of the plan as red, as of the day.
func redStatuses(t *testing.T, db *store.DB, planID int64, day duban.Date) int {
	t.Helper()
	ctx := context.Background()
	b, err := db.ExportBundle(ctx, planID)
	if err != nil {
		t.Fatal(err)
	}
	var rows []duban.IndicatorStatus
	for _, ind := range b.Indicators {
		rows = append(rows, duban.IndicatorStatus{IndicatorID: ind.ID, PlanID: planID, Status: "lagging", Progress: 0.25, AsOf: day})
	}
	if err := db.SaveIndicatorStatuses(ctx, planID, rows, "test"); err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// A round found by two servers at once: the second to write finds every
// item listed by the first (the unique open listing) and issues nothing,
// without an error.
func TestRuleNoticeConflictIsAlreadyIssued(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		planID := mustImport(t, db, richBundle())
		hook := duban.Webhook{Name: "json", Kind: duban.WebhookJSON, URL: "https://example.org/hook", Active: true}
		if err := db.CreateWebhook(ctx, &hook); err != nil {
			t.Fatal(err)
		}
		day := duban.MustDate("2021-07-15")
		red := redStatuses(t, db, planID, day)
		round := duban.RuleRound{AsOf: day}
		items, err := store.RuleItemsFor(ctx, db, round)
		if err != nil || len(items) == 0 || len(items) > red {
			t.Fatalf("candidates: %d (%v), want the red items with a lead unit, at most %d", len(items), err, red)
		}
		second := duban.GroupRuleItems(duban.PolicyPerUnit, day, items)
		supervisor := &duban.User{Username: "dc", Role: duban.RoleSupervisor}
		first, err := db.IssueRuleNotices(ctx, supervisor, round)
		if err != nil || first.Items != len(items) || first.Notices != len(second) {
			t.Fatalf("first round: %+v (%v), want %d items in %d notices", first, err, len(items), len(second))
		}
		got, err := store.WriteRuleNotices(ctx, db, "server-2", day, second)
		if err != nil || got != (duban.RoundResult{}) {
			t.Fatalf("the same round written again: %+v, %v; want nothing and no error", got, err)
		}
		list, total, _ := db.ListNotices(ctx, duban.NoticeFilter{})
		if total != first.Notices {
			t.Fatalf("%d notices stored, want %d", total, first.Notices)
		}
		due, err := db.DueDeliveries(ctx, clock.Add(time.Hour), 100)
		if err != nil || len(due) != first.Notices {
			t.Fatalf("%d webhook messages due (%v), want one per notice: %d", len(due), err, first.Notices)
		}
		events, err := db.ListNoticeEvents(ctx, list[0].ID)
		if err != nil || len(events) != 1 || events[0].Action != "issue" || list[0].ReplyDue != day.AddDays(duban.RuleReplyDays) {
			t.Fatalf("events of %s: %+v (%v); reply due %s", list[0].Number(), events, err, list[0].ReplyDue)
		}
	})
}

func TestRuleRoundRefusesReporters(t *testing.T) {
	db := mustOpen(t, sqliteDSN(t))
	_, err := db.IssueRuleNotices(context.Background(), &duban.User{Username: "r", Role: duban.RoleReporter}, duban.RuleRound{})
	wantCode(t, err, duban.EFORBIDDEN)
}

// notice_items has no foreign keys (migration 0031): a plan import that
// drops an indicator drops its items itself, and the rest stay listed.
func TestImportDroppingIndicatorDropsItsNoticeItems(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		planID := mustImport(t, db, richBundle())
		day := duban.MustDate("2021-07-15")
		redStatuses(t, db, planID, day)
		got, err := db.IssueRuleNotices(ctx, &duban.User{Username: "dc", Role: duban.RoleSupervisor}, duban.RuleRound{AsOf: day})
		if err != nil || got.Items < 2 {
			t.Fatalf("round: %+v (%v), want at least two items", got, err)
		}
		b, err := db.ExportBundle(ctx, planID)
		if err != nil {
			t.Fatal(err)
		}
		var dropped int64
		for i, ind := range b.Indicators {
			n, err := store.QueryInt(ctx, db, fmt.Sprintf("SELECT COUNT(*) FROM notice_items WHERE indicator_id = %d", ind.ID))
			if err != nil {
				t.Fatal(err)
			}
			if n == 1 {
				dropped = ind.ID
				b.Indicators = slices.Delete(b.Indicators, i, i+1)
				break
			}
		}
		if dropped == 0 {
			t.Fatal("no listed indicator to drop")
		}
		if _, err := db.ImportBundle(ctx, b, "me"); err != nil {
			t.Fatalf("import without indicator %d: %v", dropped, err)
		}
		left, err := store.QueryInt(ctx, db, "SELECT COUNT(*) FROM notice_items")
		if err != nil || left != got.Items-1 {
			t.Fatalf("%d notice items left (%v), want %d", left, err, got.Items-1)
		}
		orphans, err := store.QueryInt(ctx, db, fmt.Sprintf("SELECT COUNT(*) FROM notice_items WHERE indicator_id = %d", dropped))
		if err != nil || orphans != 0 {
			t.Fatalf("%d items of the dropped indicator left (%v)", orphans, err)
		}
	})
}
