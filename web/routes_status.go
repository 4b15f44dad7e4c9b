package web

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

func (s *Server) routesStatus() {
	s.handle("GET /api/v1/plans/{id}", s.handleGetPlan)
	s.handle("GET /api/v1/plans/{id}/dashboard", s.handleDashboard)
	s.handle("GET /api/v1/plans/{id}/nodes", s.handleListNodes)
	s.handle("GET /api/v1/plans/{id}/checks", s.handleChecks)
	s.handle("POST /api/v1/plans/{id}/supervise", s.handleSupervise)
}

func (s *Server) handleGetPlan(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	p, err := s.readablePlan(r, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// asOfParam reads as_of (YYYY-MM-DD), defaulting to today.
func (s *Server) asOfParam(r *http.Request) (duban.Date, error) {
	v := r.URL.Query().Get("as_of")
	if v == "" {
		return s.today(), nil
	}
	d, err := duban.ParseDate(v)
	if err != nil {
		return d, duban.Invalid("参数有误 (bad parameter)", duban.FieldError{Field: "as_of", Message: err.Error()})
	}
	return d, nil
}

// viewPlan runs fn on the plan's evaluated status, after checking the
// caller may read the plan.
func (s *Server) viewPlan(w http.ResponseWriter, r *http.Request, fn func(*tracker.PlanStatus) error) {
	id, err := idParam(r, "id")
	if err == nil {
		_, err = s.readablePlan(r, id)
	}
	var asOf duban.Date
	if err == nil {
		asOf, err = s.asOfParam(r)
	}
	if err == nil {
		err = s.cfg.Tracker.View(r.Context(), id, asOf, fn)
	}
	if err != nil {
		s.writeError(w, r, err)
	}
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	s.viewPlan(w, r, func(ps *tracker.PlanStatus) error {
		writeJSON(w, http.StatusOK, ps.Dashboard())
		return nil
	})
}

func (s *Server) handleListNodes(w http.ResponseWriter, r *http.Request) {
	f, err := tracker.ParseNodeFilter(r.URL.Query())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.viewPlan(w, r, func(ps *tracker.PlanStatus) error {
		rows := ps.NodeRows()
		if r.URL.Query().Get("view") == "tree" {
			writeJSON(w, http.StatusOK, map[string]any{"items": tracker.Tree(rows), "total": len(rows)})
			return nil
		}
		rows = f.Apply(rows)
		end := min(page.Offset()+page.PerPage, len(rows))
		writeJSON(w, http.StatusOK, newList(rows[min(page.Offset(), end):end], len(rows), page))
		return nil
	})
}

func (s *Server) handleChecks(w http.ResponseWriter, r *http.Request) {
	s.viewPlan(w, r, func(ps *tracker.PlanStatus) error {
		findings := ps.Check()
		if findings == nil {
			findings = []status.Finding{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"items": findings, "total": len(findings)})
		return nil
	})
}

// handleSupervise runs the notice rules: every red, overdue or unreported
// item without an open notice gets one.
func (s *Server) handleSupervise(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanIssueNotice)
	if u == nil {
		return
	}
	var inputs []duban.NoticeInput
	var open map[int64]bool
	planID, _ := idParam(r, "id")
	open, err := s.openNoticeIndicators(r, planID)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.viewPlan(w, r, func(ps *tracker.PlanStatus) error {
		inputs = ps.NoticeCandidates(func(id int64) bool { return open[id] })
		return nil
	})
	created := []noticeJSON{}
	for _, in := range inputs {
		n, err := s.cfg.Notices.CreateNotice(r.Context(), u, in)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		created = append(created, newNoticeJSON(n))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": created, "total": len(created)})
}

func (s *Server) openNoticeIndicators(r *http.Request, planID int64) (map[int64]bool, error) {
	open := map[int64]bool{}
	for page := 1; ; page++ {
		p := duban.Page{Page: page, PerPage: duban.MaxPerPage}
		list, total, err := s.cfg.Notices.ListNotices(r.Context(), duban.NoticeFilter{PlanID: planID, OpenOnly: true, Page: p})
		if err != nil {
			return nil, err
		}
		for _, n := range list {
			open[n.IndicatorID] = true
		}
		if page*p.PerPage >= total {
			return open, nil
		}
	}
}
