package bulletin

import (
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// beijing is the time zone the days of submission are counted in.
var beijing = time.FixedZone("CST", 8*3600)

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
		d := duban.DateOf(r.SubmittedAt.In(beijing))
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
func noticeStats(notices []duban.Notice, per duban.Period, asOf duban.Date, names map[string]string) Notices {
	var s Notices
	for _, n := range notices {
		issued := duban.DateOf(n.CreatedAt.In(beijing))
		if issued.After(asOf) {
			continue
		}
		if !issued.Before(per.Start) && !issued.After(per.End) {
			s.Issued++
		}
		updated := duban.DateOf(n.UpdatedAt.In(beijing))
		if (n.State == duban.NoticeReplied || n.State == duban.NoticeClosed) && !updated.Before(per.Start) && !updated.After(asOf) {
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

func noticeFacts(notices []duban.Notice, asOf duban.Date) []rank.NoticeFact {
	var out []rank.NoticeFact
	for _, n := range notices {
		if duban.DateOf(n.CreatedAt.In(beijing)).After(asOf) {
			continue
		}
		out = append(out, rank.NoticeFact{Unit: n.UnitCode, ReplyOverdue: n.ReplyOverdue(asOf)})
	}
	return out
}
