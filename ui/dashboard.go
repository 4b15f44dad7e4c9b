package ui

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

type dashboardView struct {
	page
	Plan       *duban.Plan
	AsOf       duban.Date
	D          tracker.Dashboard
	H          status.Headline
	Statuses   []status.Status
	Units      []unitRow
	Indicators []indicatorOption
	Trend      *trend
	Chosen     bool // an item was picked for the trend; else the default rule
	Charts     chartData
	Names      map[string]string // unit code → name
	Rank       *rankCard         // 争先排名; nil without bulletins
	Projects   *projectsCard     // 重大项目 and likely to miss; nil without projects
	Outside    *outsideAreas     // items under no area; nil when there are none
}

type unitRow struct {
	Code, Name string
	tracker.Summary
}

type indicatorOption struct {
	ID       int64
	Name     string
	Selected bool
}

// trend is one indicator's progress against 序时进度 at each month end.
type trend struct {
	Name   string
	Kind   duban.IndicatorKind
	Points []trendPoint
}

type trendPoint struct {
	Date     duban.Date
	Actual   float64
	Expected float64
	Status   status.Status
}

// chartData is what app.js draws; the page shows the same data in tables.
type chartData struct {
	Areas   barChart  `json:"areas"`
	Ranking barChart  `json:"ranking"`
	Trend   lineChart `json:"trend"`
}

type series struct {
	Name   string    `json:"name"`
	Colour string    `json:"colour"`
	Data   []float64 `json:"data"`
}

type barChart struct {
	chartMeta
	Labels []string `json:"labels"`
	Full   []string `json:"full,omitempty"` // the labels' full names where the axis shows short ones
	Series []series `json:"series"`
}

type lineChart struct {
	chartMeta
	Labels []string `json:"labels"`
	Series []series `json:"series"`
}

func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("screen") == "1" {
		h.memberScreen(w, r)
		return
	}
	v := dashboardView{page: h.newPage(r, "dash.title"), Statuses: status.Statuses, Chosen: r.URL.Query().Get("indicator") != ""}
	names := h.unitNames(r)
	v.Names = names
	var subject tracker.Subject
	var hasTrend bool
	err := h.viewPlan(r, func(p *duban.Plan, ps *tracker.PlanStatus) error {
		v.Plan, v.AsOf, v.D = p, ps.AsOf, ps.Dashboard()
		v.H = status.NewHeadline(ps.Rollup, ps.Nodes)
		v.Outside = outsideOf(ps)
		v.knowIndicators(ps.Indicators)
		var code string
		v.Indicators, code = indicatorOptions(ps, r.URL.Query().Get("indicator"))
		subject, hasTrend = ps.Subject(code)
		return nil
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Title = v.Plan.Title + " · " + v.Title
	v.Units = rankUnits(v.D.Units, names)
	if hasTrend {
		if v.Trend, err = h.trend(r.Context(), subject, v.AsOf); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	v.Charts = v.charts()
	if v.Rank, err = h.ranking(r, v.Plan.ID, v.AsOf); err != nil {
		h.fail(w, r, err)
		return
	}
	v.Projects = h.projectsCard(r, &v.page, v.Plan.ID, v.AsOf)
	if v.Rank != nil {
		v.Charts.Ranking = v.Rank.scoreChart(v.T("rank.score"), chartMeta{Title: v.T("chart.score.title"), Axis: v.T("chart.score.axis")})
	}
	h.render(w, r, http.StatusOK, "dashboard", &v)
}

// indicatorOptions lists the plan's indicators for the trend picker and
// returns the chosen one's code (by default the one defaultTrendCode picks).
func indicatorOptions(ps *tracker.PlanStatus, chosen string) ([]indicatorOption, string) {
	var opts []indicatorOption
	code, def := "", ""
	if chosen == "" {
		def = defaultTrendCode(ps)
	}
	for _, ind := range ps.Indicators {
		sel := strconv.FormatInt(ind.ID, 10) == chosen || (def != "" && ind.Code == def)
		if sel {
			code = ind.Code
		}
		opts = append(opts, indicatorOption{ID: ind.ID, Name: ind.Name, Selected: sel})
	}
	return opts, code
}

func rankUnits(units []tracker.UnitSummary, names map[string]string) []unitRow {
	rows := make([]unitRow, 0, len(units))
	for _, u := range units {
		name := names[u.Code]
		if name == "" {
			name = u.Code
		}
		rows = append(rows, unitRow{Code: u.Code, Name: name, Summary: u.Summary})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Gap != rows[j].Gap {
			return rows[i].Gap < rows[j].Gap // least behind first
		}
		return rows[i].Progress > rows[j].Progress
	})
	return rows
}

// trend judges the item at every month end up to the as-of date from its
// own reports (tracker.Subject.At), not by evaluating the plan each time.
func (h *Handler) trend(ctx context.Context, subj tracker.Subject, asOf duban.Date) (*trend, error) {
	reps, _, err := h.cfg.Reports.ListReportsFiltered(ctx, duban.ReportFilter{IndicatorID: subj.Indicator.ID,
		Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		return nil, err
	}
	t := &trend{Name: subj.Indicator.Name, Kind: subj.Indicator.Kind}
	for _, d := range monthEnds(subj.Plan.PeriodStart, asOf) {
		res := subj.At(reps, d)
		t.Points = append(t.Points, trendPoint{Date: d, Actual: res.Actual, Expected: res.Expected, Status: res.Status})
	}
	return t, nil
}

// monthEnds lists the last day of each month from start, ending with asOf.
func monthEnds(start, asOf duban.Date) []duban.Date {
	var out []duban.Date
	if start.IsZero() || asOf.Before(start) {
		return []duban.Date{asOf}
	}
	for m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC); ; m = m.AddDate(0, 1, 0) {
		end := duban.DateOf(m.AddDate(0, 1, -1))
		if !end.Before(asOf) {
			return append(out, asOf)
		}
		out = append(out, end)
	}
}

func (v *dashboardView) charts() chartData {
	var c chartData
	for _, a := range v.D.Areas {
		c.Areas.Labels = append(c.Areas.Labels, a.Title)
	}
	if v.Outside != nil {
		c.Areas.Labels = append(c.Areas.Labels, v.T("dash.outside"))
	}
	for _, s := range v.Statuses {
		ser := series{Name: v.Word(s), Colour: s.Hex()}
		for _, a := range v.D.Areas {
			ser.Data = append(ser.Data, float64(a.Counts[string(s)]))
		}
		if v.Outside != nil {
			ser.Data = append(ser.Data, float64(v.Outside.Counts[string(s)]))
		}
		c.Areas.Series = append(c.Areas.Series, ser)
	}
	prog := series{Name: v.T("dash.progress"), Colour: "#1565c0"}
	exp := series{Name: v.T("dash.expected"), Colour: "#9e9e9e"}
	for _, u := range v.Units {
		c.Ranking.Labels = append(c.Ranking.Labels, u.Name)
		prog.Data, exp.Data = append(prog.Data, round1(u.Progress*100)), append(exp.Data, round1(u.Expected*100))
	}
	c.Ranking.Series = []series{prog, exp}
	c.Areas.chartMeta = chartMeta{Title: v.T("chart.areas.title"), Axis: v.T("chart.areas.axis")}
	c.Ranking.chartMeta = chartMeta{Title: v.T("chart.ranking.title"), Axis: v.T("chart.progress.axis"), Unit: "%", Max: 100}
	if v.Trend != nil {
		c.Trend.chartMeta = v.Trend.meta(&v.page)
		act := series{Name: v.T("dash.actual"), Colour: "#1565c0"}
		exp := series{Name: v.T("dash.expected"), Colour: "#9e9e9e"}
		for _, p := range v.Trend.Points {
			c.Trend.Labels = append(c.Trend.Labels, p.Date.String())
			act.Data, exp.Data = append(act.Data, round1(p.Actual*100)), append(exp.Data, round1(p.Expected*100))
		}
		c.Trend.Series = []series{act, exp}
	}
	return c
}

// meta names the trend chart: a milestone item's progress is the share of
// its milestones reached, any other item's the share of its target.
func (t *trend) meta(p *page) chartMeta {
	axis := p.T("chart.progress.axis")
	if t.Kind == duban.MilestoneOnly {
		axis = p.T("chart.milestones.axis")
	}
	return chartMeta{Title: t.Name + p.T("chart.trend.title"), Axis: axis, Unit: "%", Max: 100}
}

func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

// outsideAreas are the items under no area (the Erqi plan's 地区生产总值增速
// hangs under its goal): the headline counts them, so the pages that break
// the plan down by area show them as a part of their own and the parts add
// up to the headline.
type outsideAreas struct {
	Items  []tracker.ItemStatus
	Counts map[string]int // by status, like tracker.Summary.Counts
	Worst  status.Status
}

// outsideOf lists the plan's items under no area; nil when the plan has no
// areas (nothing is broken down by area) or every item is in one.
func outsideOf(ps *tracker.PlanStatus) *outsideAreas {
	area, hasArea := map[string]string{}, false
	for _, n := range ps.Nodes { // pre-order: a parent comes before its children
		a := area[n.ParentCode]
		if n.Kind == duban.KindArea {
			a, hasArea = n.Code, true
		}
		area[n.Code] = a
	}
	if !hasArea {
		return nil
	}
	o := &outsideAreas{Counts: map[string]int{}}
	for _, it := range ps.Items() {
		if area[it.Node] != "" {
			continue
		}
		o.Items = append(o.Items, it)
		o.Counts[string(it.Status)]++
		if o.Worst == "" || it.Status.Worse(o.Worst) {
			o.Worst = it.Status
		}
	}
	if len(o.Items) == 0 {
		return nil
	}
	return o
}
