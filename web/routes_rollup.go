package web

import (
	"net/http"

	"github.com/duban-dev/duban"
)

func (s *Server) routesRollup() {
	s.handle("GET /api/v1/rollup", s.handleRollup)
}

// rollupJSON is the national rollup: status counts by province or area
// over every stored indicator status.
type rollupJSON struct {
	By     duban.RollupBy      `json:"by"`
	AsOf   *duban.Date         `json:"as_of"`
	Items  []duban.RollupGroup `json:"items"`
	Total  int                 `json:"total"`
	Counts map[string]int      `json:"counts"` // all groups together
}

// handleRollup answers leaders, supervisors and administrators. as_of is
// optional: without it each indicator's latest stored status counts.
func (s *Server) handleRollup(w http.ResponseWriter, r *http.Request) {
	if s.requireRole(w, r, duban.CanReadRollup) == nil {
		return
	}
	if s.cfg.Rollup == nil {
		s.writeError(w, r, duban.Errorf(duban.ENOTFOUND, "未启用全国汇总 (rollup not configured)"))
		return
	}
	by := duban.RollupBy(r.URL.Query().Get("by"))
	if by == "" {
		by = duban.RollupByProvince
	}
	var asOf duban.Date
	if v := r.URL.Query().Get("as_of"); v != "" {
		var err error
		if asOf, err = s.asOfParam(r); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	groups, err := s.cfg.Rollup.Rollup(r.Context(), by, asOf)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := rollupJSON{By: by, Items: groups, Counts: map[string]int{}}
	if !asOf.IsZero() {
		out.AsOf = &asOf
	}
	for _, g := range groups {
		out.Total += g.Items
		for k, n := range g.Counts {
			out.Counts[k] += n
		}
	}
	writeJSON(w, http.StatusOK, out)
}
