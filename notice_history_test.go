package duban

import (
	"fmt"
	"testing"
	"time"
)

func TestNoticeAsOf(t *testing.T) {
	day := func(d string) time.Time { return MustDate(d).Time().Add(12 * time.Hour) }
	n := Notice{ID: 1, State: NoticeReplied, Level: LevelSupervise, ReplyDue: MustDate("2021-07-20"),
		Reply: "已整改", CreatedAt: day("2021-06-01"), UpdatedAt: day("2021-07-10")}
	events := []NoticeEvent{
		{At: day("2021-06-01"), Action: "issue", ToState: NoticeIssued, Level: LevelRemind, ReplyDue: MustDate("2021-06-08")},
		{At: day("2021-06-03"), Action: "sign", ToState: NoticeSigned, Level: LevelRemind, ReplyDue: MustDate("2021-06-08")},
		{At: day("2021-06-10"), Action: "escalate", ToState: NoticeIssued, Level: LevelSupervise, ReplyDue: MustDate("2021-07-20")},
		{At: day("2021-07-10"), Action: "reply", ToState: NoticeReplied, Level: LevelSupervise, ReplyDue: MustDate("2021-07-20")},
	}
	cases := []struct {
		name   string
		events []NoticeEvent
		end    time.Time
		ok     bool
		want   string // state level due reply
	}{
		{"before it was issued", events, day("2021-05-31"), false, ""},
		{"signed", events, day("2021-06-05"), true, "signed 1 2021-06-08 "},
		{"escalated, reply not yet given", events, day("2021-07-01"), true, "issued 2 2021-07-20 "},
		{"now", events, day("2021-08-01"), true, "replied 2 2021-07-20 已整改"},
		{"no history: as it stands", nil, day("2021-06-05"), true, "replied 2 2021-07-20 已整改"},
	}
	for _, c := range cases {
		past, ok := n.AsOf(c.events, c.end)
		if ok != c.ok {
			t.Errorf("%s: ok = %v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		got := fmt.Sprintf("%s %d %s %s", past.State, past.Level, past.ReplyDue, past.Reply)
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if !RepliedWithin(events, MustDate("2021-07-01"), MustDate("2021-07-31"), time.UTC) ||
		RepliedWithin(events, MustDate("2021-06-01"), MustDate("2021-06-30"), time.UTC) {
		t.Error("RepliedWithin")
	}
}
