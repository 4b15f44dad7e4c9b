package bulletin

import (
	"fmt"
	"sort"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// Input is what a bulletin is built from: the plan evaluated as of the
// bulletin's as-of date, the period, the units, every report version of the
// plan (for punctuality), its notices and the previous bulletin's data.
type Input struct {
	Status  *tracker.PlanStatus
	Period  duban.Period
	Units   []duban.Unit
	Reports []duban.Report
	Notices []duban.Notice
	// NoticeEvents is each notice's history by notice id, so that notices
	// count as they stood on the as-of day, not as they stand now.
	NoticeEvents map[int64][]duban.NoticeEvent
	Previous     *Data
	Profile      rank.Profile
	// Projects, when set, adds the open problems and the forecast.
	Projects *projects.Input
	People   []duban.Person // names the leaders problems ask for
}

// Build assembles the bulletin's data.
func Build(in Input) *Data {
	ps := in.Status
	names := unitNames(in.Units)
	d := &Data{
		PlanID: ps.Plan.ID, PlanTitle: ps.Plan.Title, Issuer: issuer(&ps.Plan),
		Period: in.Period.String(), PeriodLabel: PeriodLabel(in.Period), AsOf: ps.AsOf,
		Profile: ps.Profile.Label, Lights: map[string]status.Status{},
	}
	dash := ps.Dashboard()
	d.Totals = summary(dash.Totals)
	h := status.NewHeadline(ps.Rollup, ps.Nodes)
	d.Headline = &h
	for _, a := range dash.Areas {
		d.Areas = append(d.Areas, Area{Code: a.Code, Title: a.Title, Summary: summary(a.Summary)})
	}
	items := ps.Items()
	units := leadUnits(ps.Nodes)
	for i := range items {
		items[i].LeadUnit = units[items[i].Node]
	}
	d.lists(items, indicatorNames(ps.Indicators), names)
	past := noticesAsOf(in.Notices, in.NoticeEvents, ps.AsOf)
	d.Notices = noticeStats(past, in.Period, ps.AsOf, names)
	d.Ranking = rank.Score(rank.Input{
		Items: rankItems(items), Reports: reportFacts(ps, items, in.Reports, in.Period),
		Notices: noticeFacts(past, ps.AsOf), Names: names,
	}, in.Profile)
	if in.Previous != nil {
		d.Changes = compare(in.Previous, d, items, names)
	}
	d.Outlook = outlook(in.Projects, names, personNames(in.People))
	return d
}

func issuer(p *duban.Plan) string {
	if p.Bulletin != nil && p.Bulletin.Issuer != "" {
		return p.Bulletin.Issuer
	}
	return p.Issuer
}

// PeriodLabel names a period in Chinese: 2021年6月, 2021年第二季度, 2021年第28周.
func PeriodLabel(p duban.Period) string {
	switch p.Cadence {
	case duban.Quarterly:
		q := (int(p.Start.Month()) + 2) / 3
		return fmt.Sprintf("%d年第%s季度", p.Start.Year(), []string{"一", "二", "三", "四"}[q-1])
	case duban.Weekly:
		y, w := p.Start.Time().ISOWeek()
		return fmt.Sprintf("%d年第%d周", y, w)
	}
	return fmt.Sprintf("%d年%d月", p.Start.Year(), int(p.Start.Month()))
}

func summary(s tracker.Summary) Summary {
	return Summary{Items: s.Items, Progress: s.Progress, Expected: s.Expected, Gap: s.Gap, Counts: s.Counts}
}

func unitNames(units []duban.Unit) map[string]string {
	m := make(map[string]string, len(units))
	for _, u := range units {
		m[u.Code] = u.Name
		if u.ShortName != "" {
			m[u.Code] = u.ShortName
		}
	}
	return m
}

func indicatorNames(inds []duban.Indicator) map[string]string {
	m := make(map[string]string, len(inds))
	for _, in := range inds {
		m[in.Code] = in.Name
	}
	return m
}

func nameOf(names map[string]string, code string) string {
	if n := names[code]; n != "" {
		return n
	}
	return code
}

// lists fills the red, overdue and unreported lists (worst gap first) and
// the lights.
func (d *Data) lists(items []tracker.ItemStatus, indNames, names map[string]string) {
	for _, it := range items {
		d.Lights[it.Indicator] = it.Status
		row := Item{Indicator: it.Indicator, Node: it.Node, Title: it.NodeTitle, Name: indNames[it.Indicator],
			Unit: it.LeadUnit, UnitName: nameOf(names, it.LeadUnit), Status: it.Status, Actual: it.Actual,
			Expected: it.Expected, Deadline: it.Deadline, Note: it.Explanation.ZH}
		switch it.Status {
		case status.Lagging:
			d.Red = append(d.Red, row)
		case status.Overdue:
			d.Overdue = append(d.Overdue, row)
		case status.NotReported:
			d.Unreported = append(d.Unreported, row)
		}
	}
	for _, list := range [][]Item{d.Red, d.Overdue} {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Expected-list[i].Actual > list[j].Expected-list[j].Actual })
	}
}

func rankItems(items []tracker.ItemStatus) []rank.Item {
	out := make([]rank.Item, 0, len(items))
	for _, it := range items {
		out = append(out, rank.Item{Unit: it.LeadUnit, Status: it.Status, Actual: it.Actual, Expected: it.Expected})
	}
	return out
}
