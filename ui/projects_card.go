package ui

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/forecast"
	"github.com/duban-dev/duban/projects"
)

// projectsCard is the dashboard's card of the major projects: the counts,
// a small map and the items likely to miss their target at the current
// pace (projects' investment and every cumulative indicator).
type projectsCard struct {
	*page
	PlanID int64
	AsOf   duban.Date
	Counts projects.Counts
	Stated *projects.Stated
	Risks  []projects.Risk
	More   int
	Map    projects.Map
	Names  map[string]string
	// Problems is the plan's open problems (the viewer's scope).
	Problems *openProblemsBox
}

// riskRows is how many likely-to-miss items the dashboard lists.
const riskRows = 8

// projectsCard builds the card, or nil when the pages have no project
// service or the plan has no projects; a failure is logged, not shown, so
// the dashboard still opens.
func (h *Handler) projectsCard(r *http.Request, p *page, planID int64, asOf duban.Date) *projectsCard {
	if h.cfg.ProjectLedger == nil {
		return nil
	}
	l, in, err := h.cfg.ProjectLedger.Ledger(r.Context(), planID, asOf)
	if err != nil {
		h.cfg.Logger.Error("projects card", "plan", planID, "err", err)
		return nil
	}
	if l.Counts.Total == 0 {
		return nil
	}
	c := &projectsCard{page: p, PlanID: planID, AsOf: asOf, Counts: l.Counts, Stated: l.Stated, Map: p.localMap(projects.MapOf(l)), Names: h.unitNames(r)}
	risks := projects.ForecastOf(in).LikelyMiss
	c.Risks, c.More = risks[:min(riskRows, len(risks))], max(0, len(risks)-riskRows)
	c.Problems = h.openProblems(r, p, planID, 0)
	return c
}

// forecastOf is the year-end forecast of one indicator, nil when there is
// none (no project service, not a cumulative count, nothing approved).
func (h *Handler) forecastOf(r *http.Request, planID int64, asOf duban.Date, indicatorID int64) *forecast.Result {
	if h.cfg.ProjectLedger == nil {
		return nil
	}
	_, in, err := h.cfg.ProjectLedger.Ledger(r.Context(), planID, asOf)
	if err != nil {
		h.cfg.Logger.Error("forecast", "plan", planID, "err", err)
		return nil
	}
	if f, ok := projects.Forecasts(in)[indicatorID]; ok {
		return &f
	}
	return nil
}
