package ui

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

type workspaceView struct {
	page
	Plan         *duban.Plan
	Unit         string // code; "" for every unit (supervisors)
	UnitName     string
	Units        []duban.Unit
	Due          []dueItem
	Returned     []duban.Report
	Drafts       []duban.Report
	Names        map[int64]string // indicator id → name
	UploadErrors []string         // row errors of a refused workbook
}

// dueItem is an item the unit reports on, with the period it should
// report now: a missing period first, else defaultPeriod's.
type dueItem struct {
	tracker.ItemStatus
	Name     string
	Period   string
	Label    string
	Reported bool
}

func (h *Handler) workspace(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	if u.Role != duban.RoleReporter && !duban.CanReview(u) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "当前角色不能填报 (your role does not report)"))
		return
	}
	v := workspaceView{page: h.newPage(r, "ws.title"), Unit: u.UnitCode, Names: map[int64]string{}}
	if u.Role != duban.RoleReporter {
		v.Unit = r.URL.Query().Get("unit")
	}
	switch r.URL.Query().Get("saved") {
	case "draft":
		v.Notice = v.T("ws.saved_draft")
	case "submitted":
		v.Notice = v.T("ws.saved_submitted")
	}
	v.uploadedNotice(r.URL.Query())
	if err := h.loadWorkspace(r, &v); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "workspace", &v)
}

func (h *Handler) loadWorkspace(r *http.Request, v *workspaceView) error {
	ctx := r.Context()
	plan, err := h.currentPlan(r)
	if err != nil {
		return err
	}
	v.Plan = plan
	if v.Units, err = h.cfg.Directory.ListUnits(ctx); err != nil {
		return err
	}
	for _, u := range v.Units {
		if u.Code == v.Unit {
			v.UnitName = u.Name
		}
	}
	today := h.today()
	err = h.cfg.Tracker.View(ctx, plan.ID, today, func(ps *tracker.PlanStatus) error {
		v.Due = dueItems(ps, v.Unit, today)
		v.Names = ps.ItemLabels()
		return nil
	})
	if err != nil {
		return err
	}
	page := duban.Page{PerPage: maxHistory}.Normalize()
	f := duban.ReportFilter{PlanID: plan.ID, UnitCode: v.Unit, State: duban.Returned, Page: page}
	if v.Returned, _, err = h.cfg.Reports.ListReportsFiltered(ctx, f); err != nil {
		return err
	}
	var later []duban.Report
	for _, st := range []duban.ReportState{duban.Submitted, duban.Approved} {
		f.State = st
		reps, _, err := h.cfg.Reports.ListReportsFiltered(ctx, f)
		if err != nil {
			return err
		}
		later = append(later, reps...)
	}
	v.Returned = uncorrected(v.Returned, later)
	f.State = duban.Draft
	v.Drafts, _, err = h.cfg.Reports.ListReportsFiltered(ctx, f)
	return err
}

// currentPlan is ?plan= or the first plan.
func (h *Handler) currentPlan(r *http.Request) (*duban.Plan, error) {
	if q := r.URL.Query().Get("plan"); q != "" {
		id, err := strconv.ParseInt(q, 10, 64)
		if err != nil {
			return nil, duban.Errorf(duban.ENOTFOUND, "计划不存在 (plan not found)")
		}
		return h.readablePlan(r, id)
	}
	plans, _, err := h.cfg.Plans.ListPlans(r.Context(), duban.PlanFilter{Page: duban.Page{PerPage: 1}})
	if err != nil {
		return nil, err
	}
	if len(plans) == 0 {
		return nil, duban.Errorf(duban.ENOTFOUND, "尚无计划 (no plans yet)")
	}
	return h.readablePlan(r, plans[0].ID)
}

func dueItems(ps *tracker.PlanStatus, unit string, today duban.Date) []dueItem {
	inds := map[int64]duban.Indicator{}
	for _, ind := range ps.Indicators {
		inds[ind.ID] = ind
	}
	var out []dueItem
	for _, it := range ps.Items() {
		if (unit != "" && it.LeadUnit != unit) || it.Status == status.Done {
			continue
		}
		ind := inds[it.IndicatorID]
		d := dueItem{ItemStatus: it, Name: duban.ItemLabel(it.NodeTitle, ind.Name), Period: it.Missing}
		if d.Period == "" {
			d.Period = defaultPeriod(ind.Cadence, today, laterDay(ps.Plan.PeriodStart, it.Start))
			d.Reported = len(it.Period) == len(d.Period) && it.Period >= d.Period // approved then or later
		}
		d.Label = status.PeriodLabel(ind.Cadence, d.Period)
		out = append(out, d)
	}
	sortByUrgency(out)
	return out
}

// sortByUrgency puts what the unit owes first: overdue reports, then the
// ones due, then those already in; the plan's order within each.
func sortByUrgency(items []dueItem) {
	slices.SortStableFunc(items, func(a, b dueItem) int { return a.urgency() - b.urgency() })
}

func (d *dueItem) urgency() int {
	switch {
	case d.Missing != "":
		return 0
	case !d.Reported:
		return 1
	}
	return 2
}

// uncorrected keeps the returned reports that no later version of the same
// item and period (submitted or approved) has corrected yet.
func uncorrected(returned, later []duban.Report) []duban.Report {
	type key struct {
		ind    int64
		period string
	}
	newest := map[key]int{}
	for _, r := range later {
		k := key{r.IndicatorID, r.Period}
		newest[k] = max(newest[k], r.Version)
	}
	out := returned[:0:0]
	for _, r := range returned {
		if newest[key{r.IndicatorID, r.Period}] <= r.Version {
			out = append(out, r)
		}
	}
	return out
}
