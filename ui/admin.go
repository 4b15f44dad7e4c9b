package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/web"
)

// UserList lists accounts for the admin page.
type UserList interface {
	ListUsers(ctx context.Context) ([]duban.User, error)
}

func (h *Handler) routesAdmin() {
	h.mux.HandleFunc("GET /admin", h.admin(h.adminPage))
	h.mux.HandleFunc("POST /admin/users", h.admin(h.createUser))
	h.mux.HandleFunc("POST /admin/plans", h.admin(h.importPlan))
	h.mux.HandleFunc("GET /admin/plans/{id}/export", h.admin(h.exportPlan))
	h.mux.HandleFunc("GET /admin/import-text", h.admin(h.importTextForm))
	h.mux.HandleFunc("POST /admin/import-text", h.admin(h.importText))
	h.mux.HandleFunc("POST /admin/import-text/create", h.admin(h.importTextCreate))
}

// admin wraps a page for administrators.
func (h *Handler) admin(next http.HandlerFunc) http.HandlerFunc {
	return h.member(func(w http.ResponseWriter, r *http.Request) {
		if !duban.CanAdminister(userFrom(r)) {
			h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "只有管理员可以访问 (administrators only)"))
			return
		}
		next(w, r)
	})
}

type adminView struct {
	page
	Plans  []duban.PlanSummary
	Units  []duban.Unit
	People []duban.Person
	Users  []duban.User
	Names  map[string]string // unit code → name
	Roles  []duban.Role
	Form   map[string]string
}

func (h *Handler) adminPage(w http.ResponseWriter, r *http.Request) {
	v := h.newAdmin(r)
	if d := r.URL.Query().Get("done"); d != "" {
		v.Notice = v.T("admin.done." + d)
	}
	h.showAdmin(w, r, v, http.StatusOK)
}

func (h *Handler) newAdmin(r *http.Request) *adminView {
	return &adminView{page: h.newPage(r, "admin.title"), Form: map[string]string{},
		Roles: []duban.Role{duban.RoleReporter, duban.RoleSupervisor, duban.RoleReader, duban.RoleAdmin}}
}

func (h *Handler) showAdmin(w http.ResponseWriter, r *http.Request, v *adminView, code int) {
	ctx := r.Context()
	var err error
	v.Plans, _, err = h.cfg.Plans.ListPlans(ctx, duban.PlanFilter{Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err == nil {
		v.Units, err = h.cfg.Directory.ListUnits(ctx)
		v.Names = unitNameMap(v.Units)
	}
	if err == nil {
		v.People, err = h.cfg.Directory.ListPeople(ctx)
	}
	if err == nil && h.cfg.UserList != nil {
		v.Users, err = h.cfg.UserList.ListUsers(ctx)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, code, "admin", v)
}

// showFormError re-shows the admin page with a form's error; internal
// errors go to the error page.
func (h *Handler) showFormError(w http.ResponseWriter, r *http.Request, v *adminView, err error) {
	if duban.ErrorCode(err) == duban.EINTERNAL {
		h.fail(w, r, err)
		return
	}
	v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
	h.showAdmin(w, r, v, web.HTTPStatus(duban.ErrorCode(err)))
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) {
	v := h.newAdmin(r)
	for _, k := range []string{"username", "display_name", "role", "unit"} {
		v.Form[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	u := &duban.User{Username: v.Form["username"], DisplayName: v.Form["display_name"],
		Role: duban.Role(v.Form["role"]), UnitCode: v.Form["unit"]}
	if u.Role != duban.RoleReporter {
		u.UnitCode = ""
	}
	var err error
	u.PasswordHash, err = signin.HashNewPassword("password", r.PostFormValue("password"))
	if err == nil {
		err = h.cfg.Users.CreateUser(r.Context(), userFrom(r).Username, u)
	}
	if err != nil {
		h.showFormError(w, r, v, err)
		return
	}
	http.Redirect(w, r, "/admin?done=user", http.StatusSeeOther)
}

func (h *Handler) importPlan(w http.ResponseWriter, r *http.Request) {
	v := h.newAdmin(r)
	data, name, err := uploaded(r, "file")
	var b *duban.Bundle
	if err == nil {
		b, err = planfile.DecodeContext(r.Context(), name, bytes.NewReader(data))
	}
	var id int64
	if err == nil {
		id, err = h.cfg.Plans.ImportBundle(r.Context(), b, userFrom(r).Username)
	}
	if err != nil {
		h.showFormError(w, r, v, err)
		return
	}
	h.cfg.Tracker.Forget(id)
	http.Redirect(w, r, "/admin?done=import", http.StatusSeeOther)
}

// uploaded reads a posted file.
func uploaded(r *http.Request, field string) ([]byte, string, error) {
	f, hdr, err := r.FormFile(field)
	if err != nil {
		return nil, "", duban.Invalid("请选择文件 (choose a file)", duban.FieldError{Field: field, Message: "必填 (required)"})
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return data, hdr.Filename, err
}

func (h *Handler) exportPlan(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.notFound(w, r)
		return
	}
	b, err := h.cfg.Plans.ExportBundle(r.Context(), id)
	var buf bytes.Buffer
	if err == nil {
		err = planfile.Encode(&buf, b)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.yaml"`, b.Plan.Code))
	_, _ = buf.WriteTo(w)
}
