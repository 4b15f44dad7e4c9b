package web

import (
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
)

func (s *Server) routesProjects() {
	if s.cfg.Projects == nil {
		return
	}
	if s.cfg.ProjectLedger == nil {
		if st, ok := s.cfg.Projects.(projects.Store); ok {
			s.cfg.ProjectLedger = projects.NewService(st, s.cfg.Tracker)
		}
	}
	s.handle("GET /api/v1/plans/{id}/projects", s.handleLedger)
	s.handle("GET /api/v1/plans/{id}/projects/map", s.handleProjectMap)
	s.handle("GET /api/v1/plans/{id}/forecast", s.handleForecast)
	s.handle("GET /api/v1/projects/{id}", s.handleGetProject)
	s.handle("POST /api/v1/projects/{id}/steps", s.handleSaveSteps)
	s.handle("GET /api/v1/plans/{id}/prep-steps", s.handleGetPrepSteps)
	s.handle("POST /api/v1/plans/{id}/prep-steps", s.handleSetPrepSteps)
	s.routesProblems()
	s.routesDispatch()
	s.routesProjectsXLSX()
}

// planLedger reads the plan's id and as_of, checks the caller may read the
// plan and builds (or reuses) its ledger.
func (s *Server) planLedger(w http.ResponseWriter, r *http.Request) (*projects.Ledger, *projects.Input, bool) {
	id, asOf, err := s.readablePlanAsOf(r)
	var l *projects.Ledger
	var in *projects.Input
	if err == nil {
		l, in, err = s.cfg.ProjectLedger.Ledger(r.Context(), id, asOf)
	}
	if err != nil {
		s.writeError(w, r, err)
		return nil, nil, false
	}
	return l, in, true
}

// ledgerBody is a page of ledger rows with the counts of the whole ledger
// and of the rows the filter kept.
type ledgerBody struct {
	Items    []projects.Row   `json:"items"`
	Total    int              `json:"total"` // rows the filter kept
	Page     int              `json:"page"`
	PerPage  int              `json:"per_page"`
	Counts   projects.Counts  `json:"counts"`   // of the whole ledger
	Filtered projects.Counts  `json:"filtered"` // of the rows the filter kept
	Stated   *projects.Stated `json:"stated,omitempty"`
	Checks   []projects.Check `json:"checks"`
	Method   string           `json:"forecast_method"`
	MethodEN string           `json:"forecast_method_en"`
}

func (s *Server) handleLedger(w http.ResponseWriter, r *http.Request) {
	f, err := projects.ParseFilter(r.URL.Query())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l, _, ok := s.planLedger(w, r)
	if !ok {
		return
	}
	rows := f.Apply(l.Rows)
	if r.URL.Query().Get("sort") == "status" {
		rows = projects.Sorted(rows)
	}
	body := ledgerBody{Total: len(rows), Page: page.Page, PerPage: page.PerPage, Counts: l.Counts,
		Filtered: projects.CountRows(rows), Stated: l.Stated, Checks: l.Checks, Method: l.Method, MethodEN: l.MethodEN}
	body.Items = rows[min(page.Offset(), len(rows)):min(page.Offset()+page.PerPage, len(rows))]
	if body.Items == nil {
		body.Items = []projects.Row{}
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) handleProjectMap(w http.ResponseWriter, r *http.Request) {
	l, _, ok := s.planLedger(w, r)
	if ok {
		writeJSON(w, http.StatusOK, projects.MapOf(l))
	}
}

func (s *Server) handleForecast(w http.ResponseWriter, r *http.Request) {
	_, in, ok := s.planLedger(w, r)
	if ok {
		writeJSON(w, http.StatusOK, projects.ForecastOf(in))
	}
}

// projectBody is one project with its problems and decisions.
type projectBody struct {
	projects.Row
	Problems  []duban.Problem  `json:"problems"`
	Decisions []duban.Decision `json:"decisions"`
}

func (s *Server) handleGetProject(w http.ResponseWriter, r *http.Request) {
	body, err := s.project(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) project(r *http.Request) (*projectBody, error) {
	id, err := idParam(r, "id")
	if err != nil {
		return nil, err
	}
	n, err := s.cfg.Projects.FindNode(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if _, err := s.readablePlan(r, n.PlanID); err != nil {
		return nil, err
	}
	asOf, err := s.asOfParam(r)
	if err != nil {
		return nil, err
	}
	l, _, err := s.cfg.ProjectLedger.Ledger(r.Context(), n.PlanID, asOf)
	if err != nil {
		return nil, err
	}
	row := projects.Find(l, id)
	if row == nil {
		return nil, duban.Errorf(duban.ENOTFOUND, "项目不存在 (project not found): %d", id)
	}
	b := &projectBody{Row: *row, Problems: []duban.Problem{}, Decisions: []duban.Decision{}}
	if u := userFrom(r); u != nil {
		f := duban.ProblemFilter{NodeID: id, UnitCode: duban.UnitScope(u), Page: duban.Page{PerPage: duban.MaxPerPage}}
		if b.Problems, _, err = s.cfg.Projects.ListProblems(r.Context(), f); err != nil {
			return nil, err
		}
		df := duban.DecisionFilter{NodeID: id, Page: duban.Page{PerPage: duban.MaxPerPage}}
		if b.Decisions, _, err = s.cfg.Projects.ListDecisions(r.Context(), df); err != nil {
			return nil, err
		}
	}
	return b, nil
}

type stepsRequest struct {
	Steps []duban.ProjectStepInput `json:"steps"`
}

func (s *Server) handleSaveSteps(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var req stepsRequest
	id, ok := s.idAndJSON(w, r, &req)
	if !ok {
		return
	}
	steps, err := s.cfg.Projects.SaveProjectSteps(r.Context(), u, id, req.Steps)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.projectsChanged(r, id)
	writeJSON(w, http.StatusOK, map[string]any{"steps": steps})
}

// projectsChanged drops the cached ledger of the node's plan.
func (s *Server) projectsChanged(r *http.Request, nodeID int64) {
	if n, err := s.cfg.Projects.FindNode(r.Context(), nodeID); err == nil {
		s.cfg.ProjectLedger.Changed(n.PlanID)
	}
}

func (s *Server) handleGetPrepSteps(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err == nil {
		_, err = s.readablePlan(r, id)
	}
	var names []string
	if err == nil {
		names, err = s.cfg.Projects.PrepSteps(r.Context(), id)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"names": names})
}

func (s *Server) handleSetPrepSteps(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var req struct {
		Names []string `json:"names"`
	}
	id, ok := s.idAndJSON(w, r, &req)
	if !ok {
		return
	}
	if err := s.cfg.Projects.SetPrepSteps(r.Context(), u, id, req.Names); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.cfg.ProjectLedger.Changed(id)
	writeJSON(w, http.StatusOK, map[string]any{"names": req.Names})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
