package ui

import (
	"net/http"
	"sort"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/forecast"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

type indicatorView struct {
	page
	Target    *duban.ReportTarget
	Result    status.Result
	HasResult bool
	AsOf      duban.Date
	Unit      string
	Reports   []duban.Report
	Notices   []duban.Notice
	Audit     []auditRow
	Files     []attachmentRow
	CanReport bool
	Charts    map[string]lineChart
	Forecast  *forecast.Result // year-end forecast; nil without the project service or a forecast
	Problems  *openProblemsBox // the node's open problems; nil without the project pages
}

// maxHistory bounds the reports, notices and audit entries an item page
// reads.
const maxHistory = 200

func (h *Handler) indicator(w http.ResponseWriter, r *http.Request) {
	v, err := h.loadIndicator(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "indicator", v)
}

func (h *Handler) loadIndicator(r *http.Request) (*indicatorView, error) {
	id, err := idParam(r, "id")
	if err != nil {
		return nil, err
	}
	t, err := h.cfg.Reports.FindReportTarget(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if _, err := h.readablePlan(r, t.Plan.ID); err != nil {
		return nil, err
	}
	v := &indicatorView{page: h.newPage(r, "item.title"), Target: t, Unit: h.unitNames(r)[t.Node.LeadUnit]}
	v.Title = t.Indicator.Name + " · " + v.Title
	v.knowIndicators([]duban.Indicator{t.Indicator})
	v.CanReport = v.User != nil && duban.CanReport(v.User, &t.Node)
	if v.AsOf, err = h.asOf(r); err != nil {
		return nil, err
	}
	err = h.cfg.Tracker.View(r.Context(), t.Plan.ID, v.AsOf, func(ps *tracker.PlanStatus) error {
		v.Result, v.HasResult = ps.Rollup.Result(t.Indicator.Code)
		return nil
	})
	if err != nil {
		return nil, err
	}
	v.Forecast = h.forecastOf(r, t.Plan.ID, v.AsOf, id)
	v.Problems = h.openProblems(r, &v.page, t.Plan.ID, t.Node.ID)
	return v, h.loadHistory(r, v)
}

// loadHistory reads the item's reports, its notices and (for roles that
// may read it) their audit entries.
func (h *Handler) loadHistory(r *http.Request, v *indicatorView) error {
	ctx, id := r.Context(), v.Target.Indicator.ID
	page := duban.Page{PerPage: maxHistory}.Normalize()
	f := duban.ReportFilter{IndicatorID: id, Page: page}
	if !duban.SeesUnit(v.User, v.Target.Node.LeadUnit) {
		f.State = duban.Approved // another unit's working data stays with it
	}
	reps, _, err := h.cfg.Reports.ListReportsFiltered(ctx, f)
	if err != nil {
		return err
	}
	reps = duban.ViewReports(v.User, reps)
	v.Reports = reps
	if v.User != nil {
		v.Files = attachmentsOf(reps) // files are for signed-in users, as in the API
	}
	v.Charts = map[string]lineChart{"history": historyChart(v)}
	if v.User == nil {
		return nil // the public sees the item, not the office's notices
	}
	notices, _, err := h.cfg.Notices.ListNotices(ctx, duban.NoticeFilter{PlanID: v.Target.Plan.ID, UnitCode: duban.UnitScope(v.User), Page: page})
	if err != nil {
		return err
	}
	for _, n := range notices {
		if n.IndicatorID == id {
			v.Notices = append(v.Notices, n)
		}
	}
	if !duban.CanReadAudit(v.User) {
		return nil
	}
	return h.loadAudit(r, v)
}

func (h *Handler) loadAudit(r *http.Request, v *indicatorView) error {
	type ref struct {
		entity string
		id     int64
	}
	refs := []ref{{"indicator", v.Target.Indicator.ID}}
	for i, rep := range v.Reports {
		if i == 20 {
			break
		}
		refs = append(refs, ref{"report", rep.ID})
	}
	for _, n := range v.Notices {
		refs = append(refs, ref{"notice", n.ID})
	}
	var all []duban.AuditEntry
	for _, x := range refs {
		entries, _, err := h.cfg.Audit.ListAuditEntries(r.Context(), duban.AuditFilter{Entity: x.entity, EntityID: x.id, Page: duban.Page{PerPage: 50}})
		if err != nil {
			return err
		}
		all = append(all, entries...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID > all[j].ID })
	t := v.Target
	v.Audit = auditRows(v.Lang, all, map[int64]string{t.Indicator.ID: duban.ItemLabel(t.Node.Title, t.Indicator.Name)})
	return nil
}

// historyChart plots the latest approved value of each period against the
// target, in the item's unit; a milestone item plots the milestones reached
// against those due by each period's end.
func historyChart(v *indicatorView) lineChart {
	ind := &v.Target.Indicator
	latest := latestApproved(v.Reports, ind.Kind == duban.MilestoneOnly)
	periods := make([]string, 0, len(latest))
	for p := range latest {
		periods = append(periods, p)
	}
	sort.Strings(periods)
	if ind.Kind == duban.MilestoneOnly {
		return milestoneChart(v, ind, periods, latest)
	}
	unit := ""
	if ind.Unit != "" {
		unit = "（" + ind.Unit + "）"
	}
	c := lineChart{chartMeta: chartMeta{Title: v.T("chart.history.title") + unit, Axis: v.T("chart.history.axis") + unit}, Labels: periodNames(v.Lang, periods)}
	val := series{Name: v.T("item.value"), Colour: "#1565c0"}
	tgt := series{Name: v.T("item.target"), Colour: "#9e9e9e"}
	for _, p := range periods {
		val.Data = append(val.Data, *latest[p].Value)
		if ind.Target != nil {
			tgt.Data = append(tgt.Data, *ind.Target)
		}
	}
	c.Series = []series{val}
	if ind.Target != nil {
		c.Series = append(c.Series, tgt)
	}
	return c
}

// periodNames are the periods' names in the page's language, for a
// chart's axis: 2021年第2季度, not 2021-Q2, on a Chinese page.
func periodNames(lang string, periods []string) []string {
	names := make([]string, len(periods))
	for i, p := range periods {
		names[i] = periodName(lang, p)
	}
	return names
}

// latestApproved keeps the latest approved version of each period's
// report: with a value, or any for a milestone item.
func latestApproved(reps []duban.Report, milestones bool) map[string]duban.Report {
	latest := map[string]duban.Report{}
	for _, rep := range reps {
		if rep.State != duban.Approved || (rep.Value == nil && !milestones) {
			continue
		}
		if old, ok := latest[rep.Period]; !ok || rep.Version > old.Version {
			latest[rep.Period] = rep
		}
	}
	return latest
}

func milestoneChart(v *indicatorView, ind *duban.Indicator, periods []string, latest map[string]duban.Report) lineChart {
	c := lineChart{chartMeta: chartMeta{Title: v.T("chart.ms.title"), Axis: v.T("chart.ms.axis")}, Labels: periodNames(v.Lang, periods)}
	done := series{Name: v.T("chart.ms.done"), Colour: "#1565c0"}
	due := series{Name: v.T("chart.ms.due"), Colour: "#9e9e9e"}
	for _, p := range periods {
		done.Data = append(done.Data, float64(latest[p].MilestonesDone))
		n := 0
		if per, err := duban.ParsePeriod(ind.Cadence, p); err == nil {
			for _, m := range ind.Milestones {
				if !m.Date.After(per.End) {
					n++
				}
			}
		}
		due.Data = append(due.Data, float64(n))
	}
	c.Series = []series{done, due}
	return c
}
