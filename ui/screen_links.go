package ui

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// Display links: an administrator creates a long-lived, read-only link to
// one plan's wall screen and may revoke it. The link opens that screen and
// its data and nothing else; no session is made.

func (h *Handler) routesScreen() {
	h.mux.HandleFunc("GET /plans/{id}/screen.json", h.member(h.memberScreenJSON))
	h.mux.HandleFunc("GET /display/{token}", h.displayScreen)
	h.mux.HandleFunc("GET /display/{token}/data.json", h.displayScreenJSON)
	h.mux.HandleFunc("GET /plans/{id}/display-links", h.admin(h.displayLinks))
	h.mux.HandleFunc("POST /plans/{id}/display-links", h.admin(h.createDisplayLink))
	h.mux.HandleFunc("POST /plans/{id}/display-links/{link}/revoke", h.admin(h.revokeDisplayLink))
}

func tokenHash(token string) []byte {
	s := sha256.Sum256([]byte(token))
	return s[:]
}

// viewByLink runs fn on the plan of a display link, as of today but never
// after the plan's end.
func (h *Handler) viewByLink(r *http.Request, fn func(*duban.Plan, *tracker.PlanStatus) error) error {
	if h.cfg.Displays == nil {
		return duban.Errorf(duban.ENOTFOUND, "页面不存在 (page not found)")
	}
	l, err := h.cfg.Displays.FindDisplayLink(r.Context(), tokenHash(r.PathValue("token")))
	if err != nil {
		return err
	}
	p, err := h.cfg.Plans.FindPlan(r.Context(), l.PlanID)
	if err != nil {
		return err
	}
	asOf := h.today()
	if !p.PeriodEnd.IsZero() && asOf.After(p.PeriodEnd) {
		asOf = p.PeriodEnd
	}
	return h.cfg.Tracker.View(r.Context(), p.ID, asOf, func(ps *tracker.PlanStatus) error { return fn(p, ps) })
}

func (h *Handler) displayScreen(w http.ResponseWriter, r *http.Request) {
	v, err := h.screenOf(r, func(fn func(*duban.Plan, *tracker.PlanStatus) error) error { return h.viewByLink(r, fn) })
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Referrer-Policy", "no-referrer") // the token is in the path
	v.DataURL = r.URL.Path + "/data.json"
	h.render(w, r, http.StatusOK, "screen", v)
}

func (h *Handler) displayScreenJSON(w http.ResponseWriter, r *http.Request) {
	v, err := h.screenOf(r, func(fn func(*duban.Plan, *tracker.PlanStatus) error) error { return h.viewByLink(r, fn) })
	h.writeScreenJSON(w, r, v, err)
}

type displayLinksView struct {
	page
	Plan  *duban.Plan
	Links []duban.DisplayLink
	New   string // the URL of a link just created, shown once
}

func (h *Handler) displayLinks(w http.ResponseWriter, r *http.Request) {
	h.renderDisplayLinks(w, r, "")
}

func (h *Handler) renderDisplayLinks(w http.ResponseWriter, r *http.Request, created string) {
	v := displayLinksView{page: h.newPage(r, "screen.links"), New: created}
	id, err := idParam(r, "id")
	if err == nil && h.cfg.Displays == nil {
		err = duban.Errorf(duban.ENOTFOUND, "页面不存在 (page not found)")
	}
	if err == nil {
		v.Plan, err = h.readablePlan(r, id)
	}
	if err == nil {
		v.Links, err = h.cfg.Displays.ListDisplayLinks(r.Context(), id)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if created != "" {
		v.Notice = v.T("screen.created")
	}
	h.render(w, r, http.StatusOK, "displaylinks", &v)
}

func (h *Handler) createDisplayLink(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err == nil && h.cfg.Displays == nil {
		err = duban.Errorf(duban.ENOTFOUND, "页面不存在 (page not found)")
	}
	if err == nil {
		_, err = h.readablePlan(r, id)
	}
	raw := make([]byte, 32)
	if err == nil {
		_, err = rand.Read(raw)
	}
	token := base64.RawURLEncoding.EncodeToString(raw)
	if err == nil {
		l := duban.DisplayLink{PlanID: id, Label: strings.TrimSpace(r.PostFormValue("label")), CreatedBy: userFrom(r).Username}
		err = h.cfg.Displays.CreateDisplayLink(r.Context(), &l, tokenHash(token))
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	h.renderDisplayLinks(w, r, scheme+"://"+r.Host+"/display/"+token)
}

func (h *Handler) revokeDisplayLink(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	var link int64
	if err == nil {
		link, err = idParam(r, "link")
	}
	if err == nil && h.cfg.Displays == nil {
		err = duban.Errorf(duban.ENOTFOUND, "页面不存在 (page not found)")
	}
	if err == nil {
		err = h.cfg.Displays.RevokeDisplayLink(r.Context(), link)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/plans/"+strconv.FormatInt(id, 10)+"/display-links?revoked=1", http.StatusSeeOther)
}
