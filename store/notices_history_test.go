package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// Every event keeps the reply deadline it left, and migration 0007 fills
// it for events written before from their audit entries.
func TestNoticeEventsKeepReplyDue(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		in := f.notice()
		in.ReplyDue = duban.MustDate("2021-07-16")
		n := f.mustNotice(t, in)
		db.Now = func() time.Time { return clock.Add(time.Hour) }
		if _, err := db.ApplyNotice(ctx, f.supervisor, n.ID, duban.ActEscalate, "", duban.MustDate("2021-07-30")); err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return clock.Add(2 * time.Hour) }
		if _, err := db.ApplyNotice(ctx, f.jsj, n.ID, duban.ActSign, "", duban.Date{}); err != nil {
			t.Fatal(err)
		}
		want := []string{"issue 2021-07-16", "escalate 2021-07-30", "sign 2021-07-30"}
		assertEqual(t, "events as written", eventDues(t, db, n.ID), want)

		if err := store.Exec(ctx, db, "UPDATE notice_events SET reply_due = NULL"); err != nil {
			t.Fatal(err)
		}
		migration, err := store.MigrationSQL(db, "0007_notice_history")
		if err != nil {
			t.Fatal(err)
		}
		backfill := migration[strings.Index(migration, "UPDATE"):]
		if err := store.Exec(ctx, db, backfill); err != nil {
			t.Fatalf("backfill: %v", err)
		}
		assertEqual(t, "events filled by the migration", eventDues(t, db, n.ID), want)

		byNotice, err := db.ListPlanNoticeEvents(ctx, f.planID)
		if err != nil || len(byNotice[n.ID]) != 3 {
			t.Fatalf("plan events: %v, %v", byNotice, err)
		}
	})
}

func eventDues(t *testing.T, db *store.DB, noticeID int64) []string {
	t.Helper()
	events, err := db.ListNoticeEvents(context.Background(), noticeID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range events {
		out = append(out, e.Action+" "+e.ReplyDue.String())
	}
	return out
}
