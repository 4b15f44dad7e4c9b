package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// notice is a valid notice on node T1 (lead unit jsj) and its indicator.
func (f *tracking) notice() duban.NoticeInput {
	return duban.NoticeInput{PlanID: f.planID, NodeID: f.node["T1"].ID, IndicatorID: f.ind["ind-4"].ID,
		Trigger: duban.TriggerLagging, Issue: "进度滞后于序时进度", Action: "制定赶超措施", ReplyDue: duban.MustDate("2021-07-22")}
}

func (f *tracking) mustNotice(t testing.TB, in duban.NoticeInput) *duban.Notice {
	t.Helper()
	n, err := f.db.CreateNotice(context.Background(), f.supervisor, in)
	if err != nil {
		t.Fatalf("CreateNotice: %v", err)
	}
	return n
}

func TestNoticeNumbering(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		f := mustTracking(t, db)
		var numbers []string
		for range 3 {
			numbers = append(numbers, f.mustNotice(t, f.notice()).Number())
		}
		db.Now = func() time.Time { return time.Date(2022, 1, 4, 9, 0, 0, 0, time.UTC) }
		next := f.notice()
		next.ReplyDue = duban.MustDate("2022-01-10")
		numbers = append(numbers, f.mustNotice(t, next).Number(), f.mustNotice(t, next).Number())

		other := richBundle()
		other.Plan.Code = "erqi-2022"
		otherID := mustImport(t, db, other)
		otherNodes, _ := db.ListNodes(context.Background(), otherID)
		numbers = append(numbers, f.mustNotice(t, duban.NoticeInput{PlanID: otherID, NodeID: otherNodes[1].ID,
			Issue: "问题", Action: "要求", ReplyDue: next.ReplyDue}).Number())
		assertEqual(t, "numbers", numbers, []string{"督办〔2021〕1号", "督办〔2021〕2号", "督办〔2021〕3号",
			"督办〔2022〕1号", "督办〔2022〕2号", "督办〔2022〕1号"})
	})
}

func TestCreateNotice(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		hook := f.mustWebhook(t, "wecom", true)
		f.mustWebhook(t, "off", false)
		n := f.mustNotice(t, f.notice())
		want := duban.Notice{ID: n.ID, PlanID: f.planID, Year: 2021, Seq: 1, NodeID: f.node["T1"].ID,
			IndicatorID: f.ind["ind-4"].ID, UnitCode: "jsj", Trigger: duban.TriggerLagging, Level: duban.LevelRemind,
			State: duban.NoticeIssued, Issue: "进度滞后于序时进度", Action: "制定赶超措施", ReplyDue: duban.MustDate("2021-07-22"),
			CreatedBy: "dcs.li", CreatedAt: clock, UpdatedAt: clock}
		assertEqual(t, "created", *n, want)
		found, err := db.FindNotice(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "found", *found, want)

		due, err := db.DueDeliveries(ctx, clock, 10)
		if err != nil || len(due) != 1 {
			t.Fatalf("due: %d items, %v; want one, to the active webhook", len(due), err)
		}
		m := due[0].Message
		if due[0].Webhook.ID != hook.ID || m.Event != "notice.issued" || m.Title != "督办〔2021〕1号：老旧小区改造" ||
			m.Data["number"] != "督办〔2021〕1号" {
			t.Errorf("outbox item %+v", due[0])
		}
		for _, part := range []string{"二七区住房和城乡建设局", "提醒", "进度滞后于序时进度", "制定赶超措施", "2021-07-22"} {
			if !strings.Contains(m.Text, part) {
				t.Errorf("message text %q lacks %q", m.Text, part)
			}
		}
		entries, _ := db.ListAudit(ctx, "notice", n.ID)
		if len(entries) != 1 || entries[0].Action != "notice.issue" || entries[0].Before != nil {
			t.Errorf("audit = %+v", entries)
		}
	})
}

func TestCreateNoticeRejectsAndWritesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustWebhook(t, "wecom", true)
		counts := tableCounts(t, db)
		with := func(change func(*duban.NoticeInput)) duban.NoticeInput {
			in := f.notice()
			change(&in)
			return in
		}
		cases := []struct {
			name   string
			actor  *duban.User
			in     duban.NoticeInput
			code   string
			fields []string
		}{
			{"a reporter", f.jsj, f.notice(), duban.EFORBIDDEN, nil},
			{"a leader", f.leader, f.notice(), duban.EFORBIDDEN, nil},
			{"unknown plan", f.admin, with(func(in *duban.NoticeInput) { in.PlanID = 999999 }), duban.ENOTFOUND, nil},
			{"empty texts and no deadline", f.admin, with(func(in *duban.NoticeInput) {
				in.Issue, in.Action, in.ReplyDue = " ", "", duban.Date{}
			}), duban.EINVALID, []string{"issue", "action", "reply_due"}},
			{"deadline in the past", f.admin, with(func(in *duban.NoticeInput) { in.ReplyDue = today.AddDays(-1) }),
				duban.EINVALID, []string{"reply_due"}},
			{"bad level and trigger", f.admin, with(func(in *duban.NoticeInput) { in.Level, in.Trigger = 5, "whim" }),
				duban.EINVALID, []string{"level", "trigger"}},
			{"node of no plan", f.admin, with(func(in *duban.NoticeInput) { in.NodeID = 999999 }),
				duban.EINVALID, []string{"node_id", "indicator_id"}},
			{"node without lead unit", f.admin, with(func(in *duban.NoticeInput) {
				in.NodeID, in.IndicatorID = f.node["I1"].ID, f.ind["ind-1"].ID
			}), duban.EINVALID, []string{"node_id"}},
			{"indicator of another node", f.admin, with(func(in *duban.NoticeInput) { in.IndicatorID = f.ind["ind-2"].ID }),
				duban.EINVALID, []string{"indicator_id"}},
		}
		for _, c := range cases {
			_, err := db.CreateNotice(ctx, c.actor, c.in)
			wantCode(t, err, c.code)
			var fields []string
			for _, fe := range duban.ErrorFields(err) {
				fields = append(fields, fe.Field)
			}
			assertEqual(t, c.name+": fields", fields, c.fields)
			assertEqual(t, c.name+": row counts", tableCounts(t, db), counts)
		}
	})
}

func TestNoticeLifecycle(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustWebhook(t, "wecom", true)
		n := f.mustNotice(t, f.notice())
		steps := []struct {
			actor *duban.User
			act   duban.NoticeAction
			text  string
			due   string
			code  string
			state duban.NoticeState
			level duban.NoticeLevel
		}{
			{f.fgw, duban.ActSign, "", "", duban.EFORBIDDEN, "", 0},
			{f.jsj, duban.ActClose, "", "", duban.EFORBIDDEN, "", 0},
			{f.jsj, duban.ActSign, "", "", "", duban.NoticeSigned, 1},
			{f.jsj, duban.ActSign, "", "", duban.ECONFLICT, "", 0},
			{f.supervisor, duban.ActEscalate, "", "2021-07-20", duban.EINVALID, "", 0},
			{f.supervisor, duban.ActEscalate, "逾期未反馈", "2021-07-29", "", duban.NoticeIssued, 2},
			{f.jsj, duban.ActReply, "", "", duban.EINVALID, "", 0},
			{f.jsj, duban.ActReply, "已制定赶超方案", "", "", duban.NoticeReplied, 2},
			{f.supervisor, duban.ActClose, "", "", "", duban.NoticeClosed, 2},
			{f.admin, duban.ActEscalate, "", "2021-08-30", duban.ECONFLICT, "", 0},
		}
		for i, s := range steps {
			got, err := db.ApplyNotice(ctx, s.actor, n.ID, s.act, s.text, duban.MustDate(s.due))
			if s.code != "" {
				wantCode(t, err, s.code)
				continue
			}
			if err != nil {
				t.Fatalf("step %d %s: %v", i, s.act, err)
			}
			stored, _ := db.FindNotice(ctx, n.ID)
			assertEqual(t, "stored after "+string(s.act), stored, got)
			if got.State != s.state || got.Level != s.level {
				t.Errorf("step %d %s: state %s level %d", i, s.act, got.State, got.Level)
			}
		}
		final, _ := db.FindNotice(ctx, n.ID)
		if final.Reply != "已制定赶超方案" || final.ReplyDue.String() != "2021-07-29" {
			t.Errorf("final notice %+v", final)
		}
		events, err := db.ListNoticeEvents(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		var trail []string
		for _, e := range events {
			trail = append(trail, e.Action+":"+string(e.FromState)+">"+string(e.ToState)+":"+e.Actor)
		}
		assertEqual(t, "events", trail, []string{"issue:>issued:dcs.li", "sign:issued>signed:jsj.zhang",
			"escalate:signed>issued:dcs.li", "reply:issued>replied:jsj.zhang", "close:replied>closed:dcs.li"})
		if events[2].Level != duban.LevelSupervise || events[2].Text != "逾期未反馈" {
			t.Errorf("escalation event %+v", events[2])
		}
		due, _ := db.DueDeliveries(ctx, clock, 10)
		var sent []string
		for _, it := range due {
			sent = append(sent, it.Message.Event)
		}
		assertEqual(t, "outbox events", sent, []string{"notice.issued", "notice.sign", "notice.escalate", "notice.reply", "notice.close"})
		if audit, _ := db.ListAudit(ctx, "notice", n.ID); len(audit) != 5 {
			t.Errorf("audit entries %d, want 5", len(audit))
		}
	})
}

func TestListNotices(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		first := f.mustNotice(t, f.notice())
		p1 := duban.NoticeInput{PlanID: f.planID, NodeID: f.node["P1"].ID, Issue: "未开工", Action: "尽快开工",
			ReplyDue: duban.MustDate("2021-07-30"), Level: duban.LevelSupervise}
		second := f.mustNotice(t, p1)
		third := f.mustNotice(t, f.notice())
		for _, act := range []duban.NoticeAction{duban.ActReply, duban.ActClose} {
			if _, err := db.ApplyNotice(ctx, f.admin, first.ID, act, "已整改", duban.Date{}); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			name   string
			filter duban.NoticeFilter
			want   []int64
			total  int
		}{
			{"plan, newest first", duban.NoticeFilter{PlanID: f.planID}, []int64{third.ID, second.ID, first.ID}, 3},
			{"open only", duban.NoticeFilter{PlanID: f.planID, OpenOnly: true}, []int64{third.ID, second.ID}, 2},
			{"by unit", duban.NoticeFilter{UnitCode: "fgw"}, []int64{second.ID}, 1},
			{"by state", duban.NoticeFilter{State: duban.NoticeClosed}, []int64{first.ID}, 1},
			{"second page", duban.NoticeFilter{Page: duban.Page{Page: 2, PerPage: 2}}, []int64{first.ID}, 3},
			{"other plan", duban.NoticeFilter{PlanID: f.planID + 1}, []int64{}, 0},
		}
		for _, c := range cases {
			list, total, err := db.ListNotices(ctx, c.filter)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			ids := []int64{}
			for _, n := range list {
				ids = append(ids, n.ID)
			}
			assertEqual(t, c.name, ids, c.want)
			if total != c.total {
				t.Errorf("%s: total %d, want %d", c.name, total, c.total)
			}
		}
		_, err := db.FindNotice(ctx, 999999)
		wantCode(t, err, duban.ENOTFOUND)
	})
}
