package bulletin

import (
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// leadUnits maps each node to its lead unit, or its nearest ancestor's, as
// the status rollup attributes items.
func leadUnits(nodes []duban.Node) map[string]string {
	m := make(map[string]string, len(nodes))
	for _, n := range nodes { // pre-order: parents first
		m[n.Code] = n.LeadUnit
		if n.LeadUnit == "" {
			m[n.Code] = m[n.ParentCode]
		}
	}
	return m
}

// reportFacts lists the reports that fell due in the period by the as-of
// date: for every reportable item not yet done, each period of its cadence
// within its dates whose due day (the period's end plus the profile's grace
// days) lies in the bulletin period. A report counts from the day its first
// version was submitted (Beijing time).
func reportFacts(ps *tracker.PlanStatus, items []tracker.ItemStatus, reports []duban.Report, per duban.Period) []rank.ReportFact {
	first := firstSubmissions(reports)
	inds := map[string]*duban.Indicator{}
	for i := range ps.Indicators {
		inds[ps.Indicators[i].Code] = &ps.Indicators[i]
	}
	units := leadUnits(ps.Nodes)
	last := per.End
	if ps.AsOf.Before(last) {
		last = ps.AsOf
	}
	grace := ps.Profile.GraceDays
	var out []rank.ReportFact
	for _, it := range items {
		ind := inds[it.Indicator]
		if ind == nil || !reportable(ind) || it.Status == status.Done || units[it.Node] == "" {
			continue
		}
		from, to := per.Start.AddDays(-grace), last.AddDays(-grace)
		for _, p := range duban.PeriodsBetween(ind.Cadence, from, to) {
			due := p.End.AddDays(grace)
			if due.Before(per.Start) || due.After(last) || p.End.Before(it.Start) || p.Start.After(it.Deadline) {
				continue
			}
			out = append(out, rank.ReportFact{Unit: units[it.Node], Due: due, Submitted: first[factKey{ind.ID, p.String()}]})
		}
	}
	return out
}

func reportable(ind *duban.Indicator) bool {
	if ind.Kind == duban.MilestoneOnly {
		return len(ind.Milestones) > 0
	}
	return ind.Target != nil
}

type factKey struct {
	indicator int64
	period    string
}

// firstSubmissions is the day of the first submitted version of each
// indicator's report for each period; drafts do not count.
func firstSubmissions(reports []duban.Report) map[factKey]duban.Date {
	m := map[factKey]duban.Date{}
	for _, r := range reports {
		if r.State == duban.Draft || r.SubmittedAt.IsZero() {
			continue
		}
		k := factKey{r.IndicatorID, r.Period}
		d := duban.DateOf(r.SubmittedAt.In(duban.Beijing))
		if old, ok := m[k]; !ok || d.Before(old) {
			m[k] = d
		}
	}
	return m
}

// noticeStats counts notices issued and replied in the period and those
// awaiting a reply past their deadline at the as-of date. Notices issued
// after the as-of date are left out. A notice's reply is dated by its last
// update, and its state is the one stored now.
// pastNotice is a notice as it stood at the end of the as-of day, with
// its history (nil for a notice written without one).
type pastNotice struct {
	duban.Notice
	events []duban.NoticeEvent
}

// noticesAsOf returns the notices issued by the end of asOf (Beijing time),
// each as it stood then.
func noticesAsOf(notices []duban.Notice, events map[int64][]duban.NoticeEvent, asOf duban.Date) []pastNotice {
	end := dayEnd(asOf)
	var out []pastNotice
	for _, n := range notices {
		if past, ok := n.AsOf(events[n.ID], end); ok {
			out = append(out, pastNotice{past, events[n.ID]})
		}
	}
	return out
}

// dayEnd is the last instant of the day in Beijing.
func dayEnd(d duban.Date) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, duban.Beijing).Add(-time.Nanosecond)
}

func noticeStats(notices []pastNotice, per duban.Period, asOf duban.Date, names map[string]string) Notices {
	var s Notices
	for _, n := range notices {
		issued := duban.DateOf(n.CreatedAt.In(duban.Beijing))
		if !issued.Before(per.Start) && !issued.After(per.End) {
			s.Issued++
		}
		if repliedWithin(n, per.Start, asOf) {
			s.Replied++
		}
		if n.ReplyOverdue(asOf) {
			s.Overdue++
			s.Late = append(s.Late, NoticeRow{Number: n.Number(), UnitName: nameOf(names, n.UnitCode),
				Level: n.Level.Label(), Issue: n.Issue, ReplyDue: n.ReplyDue})
		}
	}
	return s
}

// repliedWithin reports a reply from first to last; a notice without a
// history counts when it stands replied or closed since a day in range.
func repliedWithin(n pastNotice, first, last duban.Date) bool {
	if n.events != nil {
		return duban.RepliedWithin(n.events, first, last, duban.Beijing)
	}
	updated := duban.DateOf(n.UpdatedAt.In(duban.Beijing))
	return (n.State == duban.NoticeReplied || n.State == duban.NoticeClosed) && !updated.Before(first) && !updated.After(last)
}

func noticeFacts(notices []pastNotice, asOf duban.Date) []rank.NoticeFact {
	out := make([]rank.NoticeFact, 0, len(notices))
	for _, n := range notices {
		out = append(out, rank.NoticeFact{Unit: n.UnitCode, ReplyOverdue: n.ReplyOverdue(asOf)})
	}
	return out
}
