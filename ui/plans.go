package ui

import (
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// idParam reads a positive integer path value.
func idParam(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, duban.Errorf(duban.ENOTFOUND, "页面不存在 (page not found)")
	}
	return id, nil
}

// readablePlan finds a plan the viewer may read; a private plan is "not
// found" to the public.
func (h *Handler) readablePlan(r *http.Request, id int64) (*duban.Plan, error) {
	p, err := h.cfg.Plans.FindPlan(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !duban.CanReadPlan(userFrom(r), p) {
		return nil, duban.Errorf(duban.ENOTFOUND, "计划 %d 不存在 (plan not found)", id)
	}
	return p, nil
}

// asOf reads ?as_of=, defaulting to today.
func (h *Handler) asOf(r *http.Request) (duban.Date, error) {
	v := r.URL.Query().Get("as_of")
	if v == "" {
		return h.today(), nil
	}
	d, err := duban.ParseDate(v)
	if err != nil || d.IsZero() {
		return d, duban.Invalid("截至日期不是有效日期 (as_of: not a valid date)",
			duban.FieldError{Field: "as_of", Message: "应为 YYYY-MM-DD (want YYYY-MM-DD)"})
	}
	return d, nil
}

// viewPlan checks the plan is readable and runs fn on its status.
func (h *Handler) viewPlan(r *http.Request, fn func(*duban.Plan, *tracker.PlanStatus) error) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	p, err := h.readablePlan(r, id)
	if err != nil {
		return err
	}
	asOf, err := h.asOf(r)
	if err != nil {
		return err
	}
	return h.cfg.Tracker.View(r.Context(), id, asOf, func(ps *tracker.PlanStatus) error { return fn(p, ps) })
}

type homeView struct {
	page
	Plans []duban.PlanSummary
}

func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	plans, _, err := h.cfg.Plans.ListPlans(r.Context(), duban.PlanFilter{Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(plans) == 1 && r.URL.Query().Get("all") == "" {
		http.Redirect(w, r, "/plans/"+strconv.FormatInt(plans[0].ID, 10), http.StatusSeeOther)
		return
	}
	v := homeView{page: h.newPage(r, "home.title"), Plans: plans}
	h.render(w, r, http.StatusOK, "home", &v)
}

// unitNames maps unit codes to short names for display.
func (h *Handler) unitNames(r *http.Request) map[string]string {
	units, err := h.cfg.Directory.ListUnits(r.Context())
	if err != nil {
		h.cfg.Logger.Error("list units", "err", err)
		return map[string]string{}
	}
	return unitNameMap(units)
}

// unitNameMap maps unit codes to the names pages show: the short name
// where a unit has one.
func unitNameMap(units []duban.Unit) map[string]string {
	names := make(map[string]string, len(units))
	for _, u := range units {
		names[u.Code] = or(u.ShortName, u.Name)
	}
	return names
}
