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
	s.handle("POST /api/v1/plans/{id}/escalate", s.handleEscalate)
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

// readablePlanAsOf reads the plan id of the path and the as_of parameter,
// after checking the caller may read the plan.
func (s *Server) readablePlanAsOf(r *http.Request) (int64, duban.Date, error) {
	id, err := idParam(r, "id")
	if err == nil {
		_, err = s.readablePlan(r, id)
	}
	if err != nil {
		return id, duban.Date{}, err
	}
	asOf, err := s.asOfParam(r)
	return id, asOf, err
}

// viewPlan runs fn on the plan's evaluated status, after checking the
// caller may read the plan.
func (s *Server) viewPlan(w http.ResponseWriter, r *http.Request, fn func(*tracker.PlanStatus) error) {
	id, asOf, err := s.readablePlanAsOf(r)
	if err == nil {
		err = s.cfg.Tracker.View(r.Context(), id, asOf, fn)
	}
	if err != nil {
		s.writeError(w, r, err)
	}
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	s.servePage(w, r, tracker.PageDashboard)
}

// servePage writes a plan's encoded page (the dashboard, the tree), served
// as stored when the plan's stored state has it, after checking the caller
// may read the plan.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, page string) {
	id, asOf, err := s.readablePlanAsOf(r)
	var body []byte
	if err == nil {
		body, err = s.cfg.Tracker.Page(r.Context(), id, asOf, page)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeEncoded(w, http.StatusOK, body)
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
	if r.URL.Query().Get("view") == "tree" {
		s.servePage(w, r, tracker.PageTree)
		return
	}
	s.viewPlan(w, r, func(ps *tracker.PlanStatus) error {
		rows := f.Apply(ps.NodeRows())
		writeJSON(w, http.StatusOK, newList(pageOf(rows, page), len(rows), page))
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
	s.noticeJob(w, r, func(planID int64, asOf duban.Date) ([]duban.Notice, error) {
		return s.cfg.Tracker.Supervise(r.Context(), s.cfg.Notices, u, planID, asOf)
	})
}

// handleEscalate raises every notice of the plan whose reply is overdue one
// level, as the server also does every hour.
func (s *Server) handleEscalate(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanIssueNotice)
	if u == nil {
		return
	}
	s.noticeJob(w, r, func(planID int64, asOf duban.Date) ([]duban.Notice, error) {
		return s.cfg.Notices.EscalateOverdue(r.Context(), u, planID, asOf)
	})
}

// noticeJob runs a notice job on the plan of the path as of the as_of
// parameter (today by default) and answers the notices it changed.
func (s *Server) noticeJob(w http.ResponseWriter, r *http.Request, job func(int64, duban.Date) ([]duban.Notice, error)) {
	planID, err := idParam(r, "id")
	if err == nil {
		_, err = s.readablePlan(r, planID)
	}
	var asOf duban.Date
	if err == nil {
		asOf, err = s.asOfParam(r)
	}
	var list []duban.Notice
	if err == nil {
		list, err = job(planID, asOf)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": noticesJSON(list), "total": len(list)})
}
