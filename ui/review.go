package ui

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

type reviewView struct {
	page
	Units map[string]string // unit code → name
	Queue []duban.Report
	Names map[int64]string // indicator id → name
	Total int
	// Checks hold each queued report's target, previous value and the
	// light it would give, by report id.
	Checks map[int64]reviewCheck
}

func (h *Handler) review(w http.ResponseWriter, r *http.Request) {
	if !duban.CanReview(userFrom(r)) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "当前角色无权审核 (your role may not review)"))
		return
	}
	v := reviewView{page: h.newPage(r, "review.title"), Units: h.unitNames(r)}
	switch r.URL.Query().Get("done") {
	case "approve":
		v.Notice = v.T("review.approved")
	case "return":
		v.Notice = v.T("review.returned")
	}
	var err error
	f := duban.ReportFilter{State: duban.Submitted, Page: duban.Page{PerPage: maxHistory}.Normalize()}
	if v.Queue, v.Total, err = h.cfg.Reports.ListReportsFiltered(r.Context(), f); err == nil {
		v.Names, err = h.indicatorNames(r.Context(), v.Queue)
	}
	if err == nil {
		v.Checks, err = h.reviewChecks(r.Context(), v.Queue)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "review", &v)
}

// indicatorNames names the indicators of reports, reading each plan once
// from the tracker.
func (h *Handler) indicatorNames(ctx context.Context, reps []duban.Report) (map[int64]string, error) {
	names, seen := map[int64]string{}, map[int64]bool{}
	for _, rep := range reps {
		if seen[rep.PlanID] {
			continue
		}
		seen[rep.PlanID] = true
		err := h.cfg.Tracker.View(ctx, rep.PlanID, h.today(), func(ps *tracker.PlanStatus) error {
			for _, ind := range ps.Indicators {
				names[ind.ID] = ind.Name
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}

func (h *Handler) reviewReport(w http.ResponseWriter, r *http.Request) {
	verdict := r.PathValue("verdict")
	if verdict != "approve" && verdict != "return" {
		h.notFound(w, r)
		return
	}
	if !duban.CanReview(userFrom(r)) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "当前角色无权审核 (your role may not review)"))
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.notFound(w, r)
		return
	}
	rep, err := h.cfg.Reports.ReviewReport(r.Context(), userFrom(r), id, verdict == "approve", strings.TrimSpace(r.PostFormValue("reason")))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.cfg.Tracker.ReportsChanged(*rep)
	http.Redirect(w, r, "/review?done="+verdict, http.StatusSeeOther)
}
