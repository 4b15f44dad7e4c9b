package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestEscalateOverdue(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustWebhook(t, "wecom", true)
		at := func(level duban.NoticeLevel, due string) duban.NoticeInput {
			in := f.notice()
			in.Level, in.ReplyDue = level, duban.MustDate(due)
			return in
		}
		overdue := f.mustNotice(t, at(duban.LevelRemind, "2021-07-16"))
		signed := f.mustNotice(t, at(duban.LevelCirculate, "2021-07-16"))
		if _, err := db.ApplyNotice(ctx, f.jsj, signed.ID, duban.ActSign, "", duban.Date{}); err != nil {
			t.Fatal(err)
		}
		dueToday := f.mustNotice(t, at(duban.LevelRemind, "2021-07-20"))
		replied := f.mustNotice(t, at(duban.LevelRemind, "2021-07-16"))
		if _, err := db.ApplyNotice(ctx, f.jsj, replied.ID, duban.ActReply, "已整改", duban.Date{}); err != nil {
			t.Fatal(err)
		}
		top := f.mustNotice(t, at(duban.LevelInterview, "2021-07-16"))
		before := tableCounts(t, db)
		untouched := map[int64]*duban.Notice{}
		for _, id := range []int64{dueToday.ID, replied.ID, top.ID} {
			untouched[id], _ = db.FindNotice(ctx, id)
		}

		today := duban.MustDate("2021-07-20")
		_, err := db.EscalateOverdue(ctx, f.jsj, f.planID, today)
		wantCode(t, err, duban.EFORBIDDEN)
		got, err := db.EscalateOverdue(ctx, f.supervisor, f.planID, today)
		if err != nil {
			t.Fatal(err)
		}
		levels := map[int64]duban.NoticeLevel{}
		for _, n := range got {
			levels[n.ID] = n.Level
			if n.State != duban.NoticeIssued || n.ReplyDue != duban.MustDate("2021-07-27") {
				t.Errorf("notice %d: state %s, due %s; want issued, due 2021-07-27", n.ID, n.State, n.ReplyDue)
			}
		}
		assertEqual(t, "escalated levels", levels, map[int64]duban.NoticeLevel{
			overdue.ID: duban.LevelSupervise, signed.ID: duban.LevelInterview})
		after := tableCounts(t, db)
		for table, added := range map[string]int{"audit_log": 2, "notice_events": 2, "outbox": 2} {
			if after[table]-before[table] != added {
				t.Errorf("%s grew by %d, want %d", table, after[table]-before[table], added)
			}
		}
		for id, want := range untouched {
			n, _ := db.FindNotice(ctx, id)
			assertEqual(t, "a notice not to escalate", n, want)
		}
		events, _ := db.ListNoticeEvents(ctx, overdue.ID)
		last := events[len(events)-1]
		if last.Action != "escalate" || last.Actor != "dcs.li" || last.Text != duban.EscalationNote {
			t.Errorf("last event %+v", last)
		}
		again, err := db.EscalateOverdue(ctx, f.supervisor, 0, today)
		if err != nil || len(again) != 0 {
			t.Fatalf("second run escalated %d (err %v), want none", len(again), err)
		}
	})
}

// The periodic round leaves the notices of a plan whose year has ended
// alone unless asked, as the notice rules do; asked, it raises them.
func TestEscalateOverdueRoundSkipsClosedYears(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		in := f.notice()
		in.Level, in.ReplyDue = duban.LevelRemind, duban.MustDate("2021-12-20")
		n := f.mustNotice(t, in)
		afterYear := duban.MustDate("2022-01-10")
		if got, err := db.EscalateOverdueRound(ctx, f.supervisor, afterYear, false); err != nil || got != 0 {
			t.Fatalf("round after the plan's year: %d escalated (%v), want none", got, err)
		}
		if got, err := db.EscalateOverdueRound(ctx, f.supervisor, duban.MustDate("2021-12-28"), false); err != nil || got != 1 {
			t.Fatalf("round within the year: %d escalated (%v), want 1", got, err)
		}
		if got, err := db.EscalateOverdueRound(ctx, f.supervisor, afterYear, true); err != nil || got != 1 {
			t.Fatalf("round after the year with closed years: %d escalated (%v), want 1", got, err)
		}
		if found, _ := db.FindNotice(ctx, n.ID); found.Level != duban.LevelCirculate {
			t.Fatalf("notice level %s, want 通报 after two escalations", found.Level.Label())
		}
	})
}
