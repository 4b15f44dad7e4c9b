package web

import (
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
)

func (s *Server) routesProblems() {
	s.handle("GET /api/v1/plans/{id}/problems", s.handleListProblems)
	s.handle("POST /api/v1/plans/{id}/problems", s.handleRaiseProblem)
	s.handle("GET /api/v1/problems/{id}", s.handleGetProblem)
	s.handle("POST /api/v1/problems/{id}/{action}", s.handleProblemAction)
}

func (s *Server) handleListProblems(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
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
	f := duban.ProblemFilter{PlanID: planID, UnitCode: q.Get("unit"), State: duban.ProblemState(q.Get("state")),
		OpenOnly: q.Get("open") == "true", Page: page}
	if f.State != "" && !f.State.Valid() {
		s.writeError(w, r, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "state", Message: "须为 open、assigned、answered 或 closed"}))
		return
	}
	if v := q.Get("node"); v != "" {
		if f.NodeID, err = strconv.ParseInt(v, 10, 64); err != nil {
			s.writeError(w, r, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "node", Message: "须为编号 (an id)"}))
			return
		}
	}
	if scope := duban.UnitScope(u); scope != "" {
		f.UnitCode = scope
	}
	list, total, err := s.cfg.Projects.ListProblems(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(list, total, page))
}

func (s *Server) handleRaiseProblem(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var in duban.ProblemInput
	planID, ok := s.idAndJSON(w, r, &in)
	if !ok {
		return
	}
	if n, err := s.cfg.Projects.FindNode(r.Context(), in.NodeID); err == nil && n.PlanID != planID {
		s.writeError(w, r, duban.Invalid("事项不属于该计划 (not an item of the plan)", duban.FieldError{Field: "node_id", Message: "不属于计划 " + itoa(planID)}))
		return
	}
	p, err := s.cfg.Projects.CreateProblem(r.Context(), u, in, s.today())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.cfg.ProjectLedger.Changed(p.PlanID)
	writeJSON(w, http.StatusCreated, p)
}

func (s *Server) handleGetProblem(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	id, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	p, err := s.cfg.Projects.FindProblem(r.Context(), id)
	if err == nil && !duban.SeesProblem(u, p) {
		err = duban.Errorf(duban.ENOTFOUND, "问题不存在 (problem not found): %d", id)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) handleProblemAction(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	act := duban.ProblemAction(r.PathValue("action"))
	switch act {
	case duban.ProblemAssign, duban.ProblemAnswer, duban.ProblemClose, duban.ProblemEscalate:
	default:
		s.writeError(w, r, duban.Errorf(duban.ENOTFOUND, "未知操作 (unknown action): %s", act))
		return
	}
	id, err := idParam(r, "id")
	var step duban.ProblemStep
	if err == nil && r.ContentLength != 0 {
		err = decodeJSON(w, r, &step)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	p, err := s.cfg.Projects.ApplyProblem(r.Context(), u, id, act, step)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.cfg.ProjectLedger.Changed(p.PlanID)
	writeJSON(w, http.StatusOK, p)
}
