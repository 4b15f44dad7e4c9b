package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// TestListNoticesByLevelAndOverdue: the level filter and the overdue-reply
// filter select exactly what Notice.ReplyOverdue and the level say, on
// both stores.
func TestListNoticesByLevelAndOverdue(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		early := f.notice() // reply due 2021-07-22
		late := f.notice()
		late.ReplyDue = duban.MustDate("2021-08-30")
		late.Level = duban.LevelSupervise
		a, b, c := f.mustNotice(t, early), f.mustNotice(t, late), f.mustNotice(t, early)
		if _, err := db.ApplyNotice(ctx, f.jsj, c.ID, duban.ActSign, "", duban.Date{}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ApplyNotice(ctx, f.jsj, a.ID, duban.ActSign, "", duban.Date{}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ApplyNotice(ctx, f.jsj, a.ID, duban.ActReply, "已整改", duban.Date{}); err != nil {
			t.Fatal(err)
		}
		ids := func(fl duban.NoticeFilter) []int64 {
			fl.PlanID, fl.Page = f.planID, duban.Page{PerPage: 50}.Normalize()
			list, total, err := db.ListNotices(ctx, fl)
			if err != nil || total != len(list) {
				t.Fatalf("list %+v: %v (total %d of %d)", fl, err, total, len(list))
			}
			var out []int64
			for _, n := range list {
				out = append(out, n.ID)
			}
			return out
		}
		assertEqual(t, "level 督办", ids(duban.NoticeFilter{Level: duban.LevelSupervise}), []int64{b.ID})
		// On 2021-08-01 the replied notice a is not overdue, the signed c is,
		// and b is not yet due.
		assertEqual(t, "overdue on 08-01", ids(duban.NoticeFilter{OverdueOn: duban.MustDate("2021-08-01")}), []int64{c.ID})
		assertEqual(t, "overdue on 07-22", ids(duban.NoticeFilter{OverdueOn: duban.MustDate("2021-07-22")}), []int64(nil))
		assertEqual(t, "overdue on 09-01", ids(duban.NoticeFilter{OverdueOn: duban.MustDate("2021-09-01")}), []int64{c.ID, b.ID})
	})
}
