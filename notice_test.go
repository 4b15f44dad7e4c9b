package duban

import "testing"

func TestNoticeLifecycle(t *testing.T) {
	n := &Notice{Year: 2021, Seq: 12, State: NoticeIssued, Level: LevelRemind, ReplyDue: MustDate("2021-07-25")}
	if n.Number() != "督办〔2021〕12号" {
		t.Fatalf("number %s", n.Number())
	}
	if err := n.Apply(ActClose, "", Date{}); ErrorCode(err) != ECONFLICT {
		t.Fatalf("closing an unreplied notice: %v", err)
	}
	if !n.ReplyOverdue(MustDate("2021-07-26")) || n.ReplyOverdue(MustDate("2021-07-25")) {
		t.Fatal("reply overdue is wrong around the deadline")
	}
	if err := n.Apply(ActEscalate, "", MustDate("2021-08-05")); err != nil || n.Level != LevelSupervise || n.ReplyDue.String() != "2021-08-05" {
		t.Fatalf("escalate: %v level %d", err, n.Level)
	}
	steps := []struct {
		act  NoticeAction
		text string
		want NoticeState
	}{{ActSign, "", NoticeSigned}, {ActReply, "已完成改造 160 个", NoticeReplied}, {ActClose, "", NoticeClosed}}
	for _, s := range steps {
		if err := n.Apply(s.act, s.text, Date{}); err != nil || n.State != s.want {
			t.Fatalf("%s: %v, state %s", s.act, err, n.State)
		}
	}
	if err := n.Apply(ActEscalate, "", MustDate("2021-09-01")); ErrorCode(err) != ECONFLICT {
		t.Fatalf("escalating a closed notice: %v", err)
	}
}

func TestNoticeEscalationStopsAtInterview(t *testing.T) {
	n := &Notice{State: NoticeSigned, Level: LevelCirculate, ReplyDue: MustDate("2021-07-01")}
	if err := n.Apply(ActEscalate, "", MustDate("2021-07-10")); err != nil || n.Level != LevelInterview || n.Level.Label() != "约谈" {
		t.Fatalf("to interview: %v", err)
	}
	if err := n.Apply(ActEscalate, "", MustDate("2021-07-20")); ErrorCode(err) != ECONFLICT {
		t.Fatalf("beyond interview: %v", err)
	}
	if err := n.Apply(ActReply, "", Date{}); ErrorCode(err) != EINVALID {
		t.Fatalf("empty reply: %v", err)
	}
}
