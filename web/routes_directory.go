package web

import (
	"context"
	"net/http"

	"github.com/duban-dev/duban"
)

// Directory lists responsible units and people.
type Directory interface {
	ListUnits(ctx context.Context) ([]duban.Unit, error)
	ListPeople(ctx context.Context) ([]duban.Person, error)
}

// AuditLog reads the append-only audit log.
type AuditLog interface {
	ListAuditEntries(ctx context.Context, f duban.AuditFilter) ([]duban.AuditEntry, int, error)
}

func (s *Server) routesDirectory() {
	s.handle("GET /api/v1/units", s.handleListUnits)
	s.handle("GET /api/v1/people", s.handleListPeople)
	s.handle("GET /api/v1/audit", s.handleListAudit)
}

// pageOf slices an in-memory list.
func pageOf[T any](items []T, p duban.Page) []T {
	end := min(p.Offset()+p.PerPage, len(items))
	return items[min(p.Offset(), end):end]
}

func (s *Server) handleListUnits(w http.ResponseWriter, r *http.Request) {
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	units, err := s.cfg.Directory.ListUnits(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(pageOf(units, page), len(units), page))
}

// handleListPeople needs a signed-in user: contact details are not public.
func (s *Server) handleListPeople(w http.ResponseWriter, r *http.Request) {
	if s.requireUser(w, r) == nil {
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	people, err := s.cfg.Directory.ListPeople(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(pageOf(people, page), len(people), page))
}

func (s *Server) handleListAudit(w http.ResponseWriter, r *http.Request) {
	if s.requireRole(w, r, duban.CanReadAudit) == nil {
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f, err := ParseAuditFilter(r.URL.Query())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f.Page = page
	entries, total, err := s.cfg.Audit.ListAuditEntries(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(entries, total, page))
}
