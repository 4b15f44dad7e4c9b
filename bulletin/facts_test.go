package bulletin

import (
	"maps"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

func f64(v float64) *float64 { return &v }

// small is a plan with three monthly items: T1 (zjj), T2 (jtj) and T3
// (jyj, done); the area A1 leads nothing itself.
func small(t *testing.T, reports []duban.Report, asOf string) *tracker.PlanStatus {
	t.Helper()
	plan := duban.Plan{ID: 1, Code: "p", Title: "计划", Year: 2021,
		PeriodStart: duban.MustDate("2021-01-01"), PeriodEnd: duban.MustDate("2021-12-31")}
	nodes := []duban.Node{
		{ID: 1, Code: "A1", Kind: duban.KindArea, Title: "领域"},
		{ID: 2, Code: "T1", ParentCode: "A1", Kind: duban.KindTask, Title: "任务一", LeadUnit: "zjj", Deadline: duban.MustDate("2021-12-31")},
		{ID: 3, Code: "T2", ParentCode: "A1", Kind: duban.KindTask, Title: "任务二", LeadUnit: "jtj", Deadline: duban.MustDate("2021-12-31")},
		{ID: 4, Code: "T3", ParentCode: "A1", Kind: duban.KindTask, Title: "任务三", LeadUnit: "jyj", Deadline: duban.MustDate("2021-12-31")},
	}
	ind := func(id int64, code string) duban.Indicator {
		return duban.Indicator{ID: id, Code: code, NodeCode: code, Name: code, Unit: "个", Target: f64(10), Baseline: f64(0),
			Comparator: duban.AtLeast, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly}
	}
	ps, err := tracker.Evaluate(&duban.Snapshot{Plan: plan, Nodes: nodes,
		Indicators: []duban.Indicator{ind(1, "T1"), ind(2, "T2"), ind(3, "T3")}, Reports: reports}, duban.MustDate(asOf))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func rep(ind int64, period string, v float64, submitted string) duban.Report {
	at, _ := time.ParseInLocation("2006-01-02 15:04", submitted, duban.Beijing)
	return duban.Report{PlanID: 1, IndicatorID: ind, Period: period, Version: 1, Value: f64(v), State: duban.Approved, SubmittedAt: at}
}

func TestReportFacts(t *testing.T) {
	reports := []duban.Report{
		rep(1, "2021-05", 4, "2021-06-10 23:30"), // due 06-10 (May end + 10 grace days): on time, Beijing time
		rep(1, "2021-06", 5, "2021-07-11 09:00"), // due 07-10: late
		rep(2, "2021-05", 4, "2021-06-11 08:00"), // late
		rep(3, "2021-05", 10, "2021-05-31 10:00"),
	}
	ps := small(t, reports, "2021-07-15")
	june := duban.PeriodOf(duban.Monthly, duban.MustDate("2021-06-01"))
	july := duban.PeriodOf(duban.Monthly, duban.MustDate("2021-07-01"))
	tests := []struct {
		name string
		per  duban.Period
		want []rank.ReportFact
	}{
		// May reports fall due in June; T3 is done and owes nothing.
		{"june", june, []rank.ReportFact{
			{Unit: "zjj", Due: duban.MustDate("2021-06-10"), Submitted: duban.MustDate("2021-06-10")},
			{Unit: "jtj", Due: duban.MustDate("2021-06-10"), Submitted: duban.MustDate("2021-06-11")},
		}},
		// June reports fall due on 10 July, before the as-of date; July's are not yet due.
		{"july to the 15th", july, []rank.ReportFact{
			{Unit: "zjj", Due: duban.MustDate("2021-07-10"), Submitted: duban.MustDate("2021-07-11")},
			{Unit: "jtj", Due: duban.MustDate("2021-07-10")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := reportFacts(ps, ps.Items(), reports, tt.per)
			if len(got) != len(tt.want) {
				t.Fatalf("facts = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("fact %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
	if got := reportFacts(ps, ps.Items(), reports, june); !got[0].OnTime() || got[1].OnTime() {
		t.Fatalf("on time = %v, %v", got[0].OnTime(), got[1].OnTime())
	}
}

func TestNoticeStats(t *testing.T) {
	at := func(s string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02", s, duban.Beijing)
		return t.Add(9 * time.Hour)
	}
	notice := func(seq int, unit string, state duban.NoticeState, created, updated, due string) duban.Notice {
		return duban.Notice{Year: 2021, Seq: seq, UnitCode: unit, State: state, Level: duban.LevelRemind, Issue: "滞后",
			CreatedAt: at(created), UpdatedAt: at(updated), ReplyDue: duban.MustDate(due)}
	}
	notices := []duban.Notice{
		notice(1, "zjj", duban.NoticeIssued, "2021-06-02", "2021-06-02", "2021-06-09"),  // issued in June, late
		notice(2, "jtj", duban.NoticeReplied, "2021-06-03", "2021-06-08", "2021-06-10"), // replied in June
		notice(3, "jtj", duban.NoticeSigned, "2021-05-20", "2021-05-21", "2021-07-30"),  // open, not late
		notice(4, "zjj", duban.NoticeClosed, "2021-05-02", "2021-05-09", "2021-05-10"),  // closed in May
		notice(5, "jyj", duban.NoticeIssued, "2021-07-02", "2021-07-02", "2021-07-03"),  // after the as-of date
	}
	june := duban.PeriodOf(duban.Monthly, duban.MustDate("2021-06-01"))
	past := noticesAsOf(notices, nil, duban.MustDate("2021-06-30"))
	s := noticeStats(past, june, duban.MustDate("2021-06-30"), map[string]string{"zjj": "住建局"})
	if s.Issued != 2 || s.Replied != 1 || s.Overdue != 1 || len(s.Late) != 1 ||
		s.Late[0].Number != "督办〔2021〕1号" || s.Late[0].UnitName != "住建局" {
		t.Fatalf("stats = %+v", s)
	}
	facts := noticeFacts(past, duban.MustDate("2021-06-30"))
	if len(facts) != 4 || !facts[0].ReplyOverdue || facts[1].ReplyOverdue {
		t.Fatalf("facts = %+v", facts)
	}
}

// A June bulletin built in August counts each notice as it stood on 30
// June: one replied only in July was still late then; one escalated in
// July was late against its June deadline; one replied in June and closed
// in July counts as replied in June.
func TestNoticeStatsReplayHistory(t *testing.T) {
	at := func(s string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02", s, duban.Beijing)
		return t.Add(9 * time.Hour)
	}
	ev := func(id int64, day, action string, to duban.NoticeState, level duban.NoticeLevel, due string) duban.NoticeEvent {
		return duban.NoticeEvent{NoticeID: id, At: at(day), Action: action, ToState: to, Level: level, ReplyDue: duban.MustDate(due)}
	}
	notices := []duban.Notice{
		{ID: 6, Year: 2021, Seq: 6, UnitCode: "zjj", State: duban.NoticeReplied, Level: duban.LevelRemind,
			CreatedAt: at("2021-06-05"), UpdatedAt: at("2021-07-05"), ReplyDue: duban.MustDate("2021-06-12"), Reply: "已整改"},
		{ID: 7, Year: 2021, Seq: 7, UnitCode: "jtj", State: duban.NoticeIssued, Level: duban.LevelSupervise,
			CreatedAt: at("2021-06-01"), UpdatedAt: at("2021-07-02"), ReplyDue: duban.MustDate("2021-07-20")},
		{ID: 8, Year: 2021, Seq: 8, UnitCode: "jyj", State: duban.NoticeClosed, Level: duban.LevelRemind,
			CreatedAt: at("2021-06-02"), UpdatedAt: at("2021-07-03"), ReplyDue: duban.MustDate("2021-06-20")},
	}
	events := map[int64][]duban.NoticeEvent{
		6: {ev(6, "2021-06-05", "issue", duban.NoticeIssued, duban.LevelRemind, "2021-06-12"),
			ev(6, "2021-07-05", "reply", duban.NoticeReplied, duban.LevelRemind, "2021-06-12")},
		7: {ev(7, "2021-06-01", "issue", duban.NoticeIssued, duban.LevelRemind, "2021-06-05"),
			ev(7, "2021-07-02", "escalate", duban.NoticeIssued, duban.LevelSupervise, "2021-07-20")},
		8: {ev(8, "2021-06-02", "issue", duban.NoticeIssued, duban.LevelRemind, "2021-06-20"),
			ev(8, "2021-06-15", "reply", duban.NoticeReplied, duban.LevelRemind, "2021-06-20"),
			ev(8, "2021-07-03", "close", duban.NoticeClosed, duban.LevelRemind, "2021-06-20")},
	}
	june := duban.PeriodOf(duban.Monthly, duban.MustDate("2021-06-01"))
	asOf := duban.MustDate("2021-06-30")
	s := noticeStats(noticesAsOf(notices, events, asOf), june, asOf, nil)
	late := map[string]string{}
	for _, r := range s.Late {
		late[r.Number] = r.Level + " " + r.ReplyDue.String()
	}
	want := map[string]string{"督办〔2021〕6号": "提醒 2021-06-12", "督办〔2021〕7号": "提醒 2021-06-05"}
	if s.Issued != 3 || s.Replied != 1 || s.Overdue != 2 || !maps.Equal(late, want) {
		t.Fatalf("stats = %+v, late %v; want 3 issued, 1 replied, late %v", s, late, want)
	}
	if now := noticeStats(noticesAsOf(notices, nil, asOf), june, asOf, nil); now.Overdue != 0 {
		t.Fatalf("without the history %d are late; the test must tell the two apart", now.Overdue)
	}
}

func TestCompareWithThePreviousBulletin(t *testing.T) {
	may := []duban.Report{rep(1, "2021-05", 4, "2021-06-01 09:00"), rep(2, "2021-05", 4, "2021-06-01 09:00")}
	june := append(may, rep(1, "2021-06", 10, "2021-07-01 09:00"))
	first := Build(Input{Status: small(t, may, "2021-06-30"), Period: duban.PeriodOf(duban.Monthly, duban.MustDate("2021-06-01")),
		Profile: rank.DefaultProfile})
	second := Build(Input{Status: small(t, june, "2021-07-15"), Period: duban.PeriodOf(duban.Monthly, duban.MustDate("2021-07-01")),
		Profile: rank.DefaultProfile, Previous: first})
	c := second.Changes
	if c == nil || c.Previous != "2021年6月" {
		t.Fatalf("changes = %+v", c)
	}
	var t1 *Change
	for i := range c.Lights {
		if c.Lights[i].Indicator == "T1" {
			t1 = &c.Lights[i]
		}
	}
	if t1 == nil || t1.To != status.Done || !t1.Better() {
		t.Fatalf("T1 reached its target but its change is %+v (all: %+v)", t1, c.Lights)
	}
	ranks := map[string]int{}
	for _, r := range first.Ranking.Rows {
		ranks[r.Unit] = r.Rank
	}
	for _, m := range c.Moves {
		if ranks[m.Unit] != m.From || m.From == m.To {
			t.Errorf("move %+v does not start from the first bulletin's rank %d", m, ranks[m.Unit])
		}
	}
	if first.Changes != nil {
		t.Fatal("the first bulletin has nothing to compare with")
	}
}
