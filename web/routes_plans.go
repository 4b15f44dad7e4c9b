package web

import (
	"net/http"

	"github.com/duban-dev/duban"
)

func (s *Server) routesPlans() {
	s.handle("GET /api/v1/plans", s.handleListPlans)
	s.handle("GET /api/v1/plans/{id}/indicators", s.handleListIndicators)
}

// planSummaryJSON is a plan as listed by the API.
type planSummaryJSON struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Title  string `json:"title"`
	Year   int    `json:"year"`
	Public bool   `json:"public"`
}

func (s *Server) handleListPlans(w http.ResponseWriter, r *http.Request) {
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	plans, total, err := s.cfg.Plans.ListPlans(r.Context(), duban.PlanFilter{PublicOnly: !canReadPrivate(r), Page: page})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]planSummaryJSON, len(plans))
	for i, p := range plans {
		items[i] = planSummaryJSON(p)
	}
	writeJSON(w, http.StatusOK, newList(items, total, page))
}

// indicatorJSON is an indicator as listed by the API.
type indicatorJSON struct {
	ID         int64            `json:"id"`
	NodeID     int64            `json:"node_id"`
	Code       string           `json:"code"`
	Name       string           `json:"name"`
	Unit       string           `json:"unit"`
	Baseline   *float64         `json:"baseline"`
	Target     *float64         `json:"target"`
	Comparator duban.Comparator `json:"comparator"`
	Tolerance  float64          `json:"tolerance,omitempty"`
	Kind       string           `json:"kind"`
	Cadence    string           `json:"cadence"`
	Deadline   *string          `json:"deadline"`
	Commitment string           `json:"commitment"`
}

func newIndicatorJSON(row duban.IndicatorRow) indicatorJSON {
	j := indicatorJSON{
		ID: row.ID, NodeID: row.NodeID, Code: row.Code, Name: row.Name, Unit: row.Unit,
		Baseline: row.Baseline, Target: row.Target, Comparator: row.Comparator, Tolerance: row.Tolerance,
		Kind: string(row.Kind), Cadence: string(row.Cadence), Commitment: string(row.Commitment),
	}
	if !row.Deadline.IsZero() {
		d := row.Deadline.String()
		j.Deadline = &d
	}
	return j
}

func (s *Server) handleListIndicators(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if _, err := s.readablePlan(r, id); err != nil {
		s.writeError(w, r, err)
		return
	}
	rows, total, err := s.cfg.Plans.ListIndicators(r.Context(), duban.IndicatorFilter{PlanID: id, Page: page})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]indicatorJSON, len(rows))
	for i, row := range rows {
		items[i] = newIndicatorJSON(row)
	}
	writeJSON(w, http.StatusOK, newList(items, total, page))
}

// readablePlan finds a plan the caller may read; a private plan is "not
// found" to callers who may not read it, so its existence does not leak.
func (s *Server) readablePlan(r *http.Request, id int64) (*duban.Plan, error) {
	p, err := s.cfg.Plans.FindPlan(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !duban.CanReadPlan(userFrom(r), p) {
		return nil, duban.Errorf(duban.ENOTFOUND, "计划 %d 不存在 (plan not found)", id)
	}
	return p, nil
}
