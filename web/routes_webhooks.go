package web

import (
	"net/http"

	"github.com/duban-dev/duban"
)

func (s *Server) routesWebhooks() {
	s.handle("GET /api/v1/webhooks", s.handleListWebhooks)
	s.handle("POST /api/v1/webhooks", s.handleCreateWebhook)
	s.handle("PATCH /api/v1/webhooks/{id}", s.handleUpdateWebhook)
	s.handle("GET /api/v1/webhooks/{id}/deliveries", s.handleWebhookDeliveries)
}

func (s *Server) handleListWebhooks(w http.ResponseWriter, r *http.Request) {
	if s.requireRole(w, r, duban.CanAdminister) == nil {
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	list, err := s.cfg.Webhooks.ListWebhooks(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(pageOf(list, page), len(list), page))
}

func (s *Server) handleCreateWebhook(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanAdminister)
	if u == nil {
		return
	}
	var in duban.WebhookInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := s.cfg.WebhookPolicy.CheckURL(r.Context(), in.URL); err != nil {
		s.writeError(w, r, err)
		return
	}
	hook, err := s.cfg.Webhooks.AddWebhook(r.Context(), u, in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, hook)
}

func (s *Server) handleUpdateWebhook(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanAdminister)
	if u == nil {
		return
	}
	var p duban.WebhookPatch
	id, ok := s.idAndJSON(w, r, &p)
	if !ok {
		return
	}
	if err := s.checkNewURL(r, id, p.URL); err != nil {
		s.writeError(w, r, err)
		return
	}
	hook, err := s.cfg.Webhooks.UpdateWebhook(r.Context(), u, id, p)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, hook)
}

func (s *Server) handleWebhookDeliveries(w http.ResponseWriter, r *http.Request) {
	if s.requireRole(w, r, duban.CanAdminister) == nil {
		return
	}
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
	list, total, err := s.cfg.Webhooks.ListWebhookDeliveries(r.Context(), id, page)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(list, total, page))
}

// checkNewURL checks a patched URL unless it is the redacted form of the
// stored one, which the store keeps as it is.
func (s *Server) checkNewURL(r *http.Request, id int64, url *string) error {
	if url == nil {
		return nil
	}
	if old, err := s.cfg.Webhooks.FindWebhook(r.Context(), id); err == nil && *url == duban.RedactURL(old.URL) {
		return nil
	}
	return s.cfg.WebhookPolicy.CheckURL(r.Context(), *url)
}
