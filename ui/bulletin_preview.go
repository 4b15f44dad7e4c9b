package ui

import (
	"bytes"
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
)

// bulletinPreviewFile shows the whole bulletin of ?period= as it would be
// issued, marked 预览稿 and without a number, for the supervisor to read
// before confirming. Nothing is stored.
func (h *Handler) bulletinPreviewFile(w http.ResponseWriter, r *http.Request) {
	if !duban.CanIssueBulletin(userFrom(r)) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "只有督查室和管理员可以发布通报 (only supervisors and administrators issue bulletins)"))
		return
	}
	q := r.URL.Query()
	id, err := idParam(r, "id")
	if err == nil {
		_, err = h.readablePlan(r, id)
	}
	var asOf duban.Date
	if err == nil {
		asOf, err = bulletin.IssueAsOf(q.Get("period"), duban.Date{}, h.today(), q.Get("force") == "1")
	}
	svc, err := h.serviceIf(err)
	var d *bulletin.Data
	if err == nil {
		d, err = svc.Draft(r.Context(), id, q.Get("period"), asOf, h.today())
	}
	var buf bytes.Buffer
	if err == nil {
		err = bulletin.Render(r.Context(), &buf, "html", d)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", bulletin.Formats["html"])
	w.Header().Set("Cache-Control", "no-store")
	_, _ = buf.WriteTo(w)
}
