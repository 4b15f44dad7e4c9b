package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/web"
)

// The bulletin pages: the list of a plan's bulletins (通报) with their
// downloads, and for supervisors and administrators the form that issues
// one. They use the same bulletin service and role checks as the API.
func (h *Handler) routesBulletins() {
	h.mux.HandleFunc("GET /bulletins", h.member(h.bulletinsOfCurrentPlan))
	h.mux.HandleFunc("GET /plans/{id}/bulletins", h.member(h.bulletinList))
	h.mux.HandleFunc("POST /plans/{id}/bulletins", h.member(h.issueBulletin))
	h.mux.HandleFunc("GET /bulletins/{file}", h.member(h.bulletinFile))
	h.mux.HandleFunc("GET /plans/{id}/bulletins/preview.html", h.member(h.bulletinPreviewFile))
	h.mux.HandleFunc("GET /plans/{id}/ranking.xlsx", h.member(h.rankingXLSX))
}

// bulletins is the bulletin service, or an error when none is configured.
func (h *Handler) bulletins() (*bulletin.Service, error) {
	if h.cfg.Bulletins == nil {
		return nil, duban.Errorf(duban.ENOTFOUND, "本服务未启用通报 (bulletins are not enabled)")
	}
	return bulletin.NewService(h.cfg.Bulletins, h.cfg.Tracker).WithProjects(h.cfg.ProjectLedger), nil
}

// bulletinsOfCurrentPlan is the nav link: the bulletins of ?plan= or the
// first plan.
func (h *Handler) bulletinsOfCurrentPlan(w http.ResponseWriter, r *http.Request) {
	p, err := h.currentPlan(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/plans/%d/bulletins", p.ID), http.StatusSeeOther)
}

func init() {
	funcs["beijing"] = func(t time.Time) string { return t.In(duban.Beijing).Format("2006-01-02 15:04") }
}

type bulletinsView struct {
	page
	Plan      *duban.Plan
	Bulletins []duban.Bulletin
	Formats   []string
	Period    string // the form's default: the last month that has begun
	CanIssue  bool
	Force     bool           // issue on a period not yet ended
	Draft     *bulletin.Data // the preview awaiting confirmation
}

func (h *Handler) bulletinList(w http.ResponseWriter, r *http.Request) {
	v := bulletinsView{page: h.newPage(r, "bul.title"), Formats: []string{"html", "pdf", "docx", "xlsx"}}
	v.CanIssue = duban.CanIssueBulletin(v.User)
	v.Period = duban.PeriodOf(duban.Monthly, h.today()).String()
	if r.URL.Query().Get("done") == "1" {
		v.Notice = v.T("bul.done")
	}
	if err := h.loadBulletins(r, &v); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "bulletins", &v)
}

func (h *Handler) loadBulletins(r *http.Request, v *bulletinsView) error {
	id, err := idParam(r, "id")
	if err == nil {
		v.Plan, err = h.readablePlan(r, id)
	}
	svc, err := h.serviceIf(err)
	if err != nil {
		return err
	}
	v.Title = v.Plan.Title + " · " + v.Title
	v.Bulletins, err = svc.Store.ListBulletins(r.Context(), v.Plan.ID)
	return err
}

func (h *Handler) serviceIf(err error) (*bulletin.Service, error) {
	if err != nil {
		return nil, err
	}
	return h.bulletins()
}

// issueBulletin previews the bulletin of the posted period and, once
// confirmed (confirm=1), issues it, as of the period's end; a period not
// yet ended needs force.
func (h *Handler) issueBulletin(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	if !duban.CanIssueBulletin(u) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "只有督查室和管理员可以发布通报 (only supervisors and administrators issue bulletins)"))
		return
	}
	v := bulletinsView{page: h.newPage(r, "bul.title"), Formats: []string{"html", "pdf", "docx", "xlsx"}, CanIssue: true}
	v.Period, v.Force = strings.TrimSpace(r.PostFormValue("period")), r.PostFormValue("force") == "1"
	err := h.loadBulletins(r, &v)
	var asOf duban.Date
	if err == nil {
		asOf, err = bulletin.IssueAsOf(v.Period, duban.Date{}, h.today(), v.Force)
	}
	var svc *bulletin.Service
	if err == nil {
		svc, err = h.bulletins()
	}
	if err == nil && r.PostFormValue("confirm") != "1" {
		if v.Draft, err = svc.Draft(r.Context(), v.Plan.ID, v.Period, asOf, h.today()); err == nil {
			h.render(w, r, http.StatusOK, "bulletins", &v)
			return
		}
	}
	if err == nil {
		_, _, err = svc.Create(r.Context(), u, v.Plan.ID, v.Period, asOf)
	}
	if err != nil {
		h.showBulletinError(w, r, &v, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/plans/%d/bulletins?done=1", v.Plan.ID), http.StatusSeeOther)
}

func (h *Handler) showBulletinError(w http.ResponseWriter, r *http.Request, v *bulletinsView, err error) {
	if v.Plan == nil || duban.ErrorCode(err) == duban.EINTERNAL {
		h.fail(w, r, err)
		return
	}
	v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
	h.render(w, r, web.HTTPStatus(duban.ErrorCode(err)), "bulletins", v)
}

// periodAsOf is the day a bulletin on the period is made as of: its end,
// or today while the period runs; a period not yet begun is refused.
func periodAsOf(period string, today duban.Date) (duban.Date, error) {
	p, err := bulletin.ParsePeriod(period)
	switch {
	case err != nil:
		return duban.Date{}, err
	case p.Start.After(today):
		return duban.Date{}, duban.Invalid("通报期尚未开始 (the period has not begun)",
			duban.FieldError{Field: "period", Message: "不能晚于今天 " + today.String() + " (must not be after today)"})
	case p.End.After(today):
		return today, nil
	}
	return p.End, nil
}

// bulletinFile sends a stored bulletin: /bulletins/12.pdf. The HTML
// version opens in the browser, ready to print; the others download.
func (h *Handler) bulletinFile(w http.ResponseWriter, r *http.Request) {
	id, format, err := parseBulletinFile(r.PathValue("file"))
	svc, err := h.serviceIf(err)
	var b *duban.Bulletin
	var d *bulletin.Data
	if err == nil {
		b, d, err = svc.Load(r.Context(), id)
	}
	if err == nil {
		_, err = h.readablePlan(r, b.PlanID)
	}
	var buf bytes.Buffer
	if err == nil {
		err = bulletin.Render(r.Context(), &buf, format, d)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if format == "pdf" {
		w.Header().Set("X-Duban-Fonts", bulletin.FontHeader(buf.Bytes())) // which faces it printed with
	}
	w.Header().Set("Content-Type", bulletin.Formats[format])
	if format != "html" {
		name := fmt.Sprintf("bulletin-%s-%d.%s", b.Period, b.Seq, format)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	}
	_, _ = buf.WriteTo(w)
}

func parseBulletinFile(file string) (int64, string, error) {
	base, format, _ := strings.Cut(file, ".")
	id, err := strconv.ParseInt(base, 10, 64)
	if _, ok := bulletin.Formats[format]; err != nil || id < 1 || !ok {
		return 0, "", duban.Errorf(duban.ENOTFOUND, "通报不存在 (no such bulletin)")
	}
	return id, format, nil
}
