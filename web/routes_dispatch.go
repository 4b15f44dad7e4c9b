package web

import (
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
)

func (s *Server) routesDispatch() {
	s.handle("GET /api/v1/plans/{id}/dispatch", s.handleDispatch)
	s.handle("GET /api/v1/plans/{id}/decisions", s.handleListDecisions)
	s.handle("POST /api/v1/plans/{id}/decisions", s.handleCreateDecision)
	s.handle("POST /api/v1/decisions/{id}/done", s.handleDecisionDone)
}

func (s *Server) handleDispatch(w http.ResponseWriter, r *http.Request) {
	if s.requireUser(w, r) == nil {
		return
	}
	id, asOf, err := s.readablePlanAsOf(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	d, err := s.cfg.ProjectLedger.Dispatch(r.Context(), s.cfg.Projects, id, r.URL.Query().Get("mechanism"), asOf)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleListDecisions(w http.ResponseWriter, r *http.Request) {
	if s.requireUser(w, r) == nil {
		return
	}
	planID, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := r.URL.Query()
	f := duban.DecisionFilter{PlanID: planID, Owner: q.Get("owner"), OpenOnly: q.Get("open") == "true", Page: page}
	if v := q.Get("node"); v != "" {
		if f.NodeID, err = strconv.ParseInt(v, 10, 64); err != nil {
			s.writeError(w, r, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "node", Message: "须为编号 (an id)"}))
			return
		}
	}
	list, total, err := s.cfg.Projects.ListDecisions(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(list, total, page))
}

func (s *Server) handleCreateDecision(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var in duban.DecisionInput
	planID, ok := s.idAndJSON(w, r, &in)
	if !ok {
		return
	}
	d, err := s.cfg.Projects.CreateDecision(r.Context(), u, planID, in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.cfg.ProjectLedger.Changed(planID)
	writeJSON(w, http.StatusCreated, d)
}

func (s *Server) handleDecisionDone(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var req struct {
		Result string `json:"result"`
	}
	id, ok := s.idAndJSON(w, r, &req)
	if !ok {
		return
	}
	d, err := s.cfg.Projects.CompleteDecision(r.Context(), u, id, req.Result)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.cfg.ProjectLedger.Changed(d.PlanID)
	writeJSON(w, http.StatusOK, d)
}
