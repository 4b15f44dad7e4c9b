package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/web"
)

// The audit log page (操作日志): every entry in words, newest first, for
// the roles that may read the log, filtered by who, what and which days.
func (h *Handler) routesAudit() {
	h.mux.HandleFunc("GET /audit", h.member(h.auditPage))
}

// auditParams are the query parameters the form and the page links keep.
var auditParams = []string{"actor", "action", "from", "to", "entity", "entity_id", "per_page"}

type auditView struct {
	page
	Form   map[string]string // the filter as typed
	Groups []actionGroup
	Rows   []auditRow
	Total  int
	Pager  pager
}

func (h *Handler) auditPage(w http.ResponseWriter, r *http.Request) {
	if !duban.CanReadAudit(userFrom(r)) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "当前角色无权查看操作日志 (your role may not read the audit log)"))
		return
	}
	q := r.URL.Query()
	v := &auditView{page: h.newPage(r, "log.title"), Form: map[string]string{}}
	kept := url.Values{} // the non-empty filters, for the page links
	for _, k := range auditParams {
		if v.Form[k] = q.Get(k); v.Form[k] != "" {
			kept.Set(k, v.Form[k])
		}
	}
	v.Groups = actionGroups(v.Lang, q.Get("action"))
	f, err := auditFilter(q)
	if err == nil {
		var entries []duban.AuditEntry
		entries, v.Total, err = h.cfg.Audit.ListAuditEntries(r.Context(), f)
		v.Rows, v.Pager = auditRows(v.Lang, entries, h.auditItems(r, entries)), pagerOf("/audit", kept, f.Page, v.Total)
	}
	code := duban.ErrorCode(err)
	switch {
	case err == nil:
		h.render(w, r, http.StatusOK, "audit", v)
	case code == duban.EINVALID:
		v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
		h.render(w, r, web.HTTPStatus(code), "audit", v)
	default:
		h.fail(w, r, err)
	}
}

// auditItems names the indicators a page of entries is about, by id; one
// that cannot be read keeps its record number.
func (h *Handler) auditItems(r *http.Request, entries []duban.AuditEntry) map[int64]string {
	items := map[int64]string{}
	for _, e := range entries {
		if e.Entity != "indicator" || e.EntityID == 0 {
			continue
		}
		if _, seen := items[e.EntityID]; seen {
			continue
		}
		items[e.EntityID] = ""
		if t, err := h.cfg.Reports.FindReportTarget(r.Context(), e.EntityID); err == nil {
			items[e.EntityID] = duban.ItemLabel(t.Node.Title, t.Indicator.Name)
		}
	}
	return items
}

// auditFilter reads the filter as the API does, and the page.
func auditFilter(q url.Values) (duban.AuditFilter, error) {
	f, err := web.ParseAuditFilter(q)
	p, perr := pageOf(q)
	f.Page = p
	if err != nil {
		return f, err
	}
	return f, perr
}

// pageOf reads page and per_page, both positive; per_page is capped.
func pageOf(q url.Values) (duban.Page, error) {
	var p duban.Page
	var errs []duban.FieldError
	for _, x := range []struct {
		name string
		dst  *int
	}{{"page", &p.Page}, {"per_page", &p.PerPage}} {
		s := q.Get(x.name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			errs = append(errs, duban.FieldError{Field: x.name, Message: "须为正整数 (must be a positive integer)"})
		}
		*x.dst = n
	}
	if errs != nil {
		return p.Normalize(), duban.Invalid("分页参数有误 (bad pagination)", errs...)
	}
	return p.Normalize(), nil
}

// logField is one input of the filter form with its value and error.
type logField struct {
	Name, Type, Label, Value, Err string
}

// Field is the filter form's input for the named parameter.
func (v *auditView) Field(name, typ string) logField {
	return logField{Name: name, Type: typ, Label: v.T("log." + name), Value: v.Form[name], Err: v.FieldError(name)}
}
