package ui

import (
	"net/http"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/web"
)

func (h *Handler) routesAdminUsers() {
	h.mux.HandleFunc("GET /admin/users/{username}", h.admin(h.userForm))
	h.mux.HandleFunc("POST /admin/users/{username}", h.admin(h.updateUser))
}

// userView is the edit page of one account. Form holds display_name, role,
// unit and disabled ("1" or "") as shown or as posted.
type userView struct {
	page
	Username string
	Disabled bool // as stored, for the status line
	Units    []duban.Unit
	Roles    []duban.Role
	Form     map[string]string
}

func (h *Handler) newUserView(r *http.Request) *userView {
	v := &userView{page: h.newPage(r, "user.title"), Username: r.PathValue("username"), Form: map[string]string{},
		Roles: []duban.Role{duban.RoleReporter, duban.RoleSupervisor, duban.RoleReader, duban.RoleAdmin}}
	v.Title += " · " + v.Username
	return v
}

func (h *Handler) userForm(w http.ResponseWriter, r *http.Request) {
	v := h.newUserView(r)
	u, err := h.cfg.Users.FindUserByUsername(r.Context(), v.Username)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form["display_name"], v.Form["role"], v.Form["unit"] = u.DisplayName, string(u.Role), u.UnitCode
	if u.Disabled {
		v.Form["disabled"] = "1"
	}
	h.showUser(w, r, v, u, http.StatusOK)
}

// showUser renders the edit page; the status line shows the stored account
// u, read again when nil.
func (h *Handler) showUser(w http.ResponseWriter, r *http.Request, v *userView, u *duban.User, code int) {
	var err error
	if u == nil {
		u, err = h.cfg.Users.FindUserByUsername(r.Context(), v.Username)
	}
	if err == nil {
		v.Disabled = u.Disabled
		v.Units, err = h.cfg.Directory.ListUnits(r.Context())
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, code, "user", v)
}

func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request) {
	v := h.newUserView(r)
	for _, k := range []string{"display_name", "role", "unit", "disabled"} {
		v.Form[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	p, err := userPatch(v.Form, r.PostFormValue("password"))
	actor := userFrom(r)
	if err == nil {
		_, err = h.cfg.Users.UpdateUser(r.Context(), actor.Username, v.Username, p)
	}
	if err != nil {
		h.showUserError(w, r, v, err)
		return
	}
	if v.Username == actor.Username && !h.sessionAlive(r) {
		// A new password or disabling one's own account ended this session.
		h.signedOut(w, r, p.PasswordHash != nil)
		return
	}
	http.Redirect(w, r, "/admin?done=user_saved", http.StatusSeeOther)
}

// userPatch reads the edit form: every field is set; an empty password
// leaves the password as it is.
func userPatch(form map[string]string, password string) (duban.UserPatch, error) {
	role, disabled := duban.Role(form["role"]), form["disabled"] != ""
	unit, name := form["unit"], form["display_name"]
	p := duban.UserPatch{DisplayName: &name, Role: &role, UnitCode: &unit, Disabled: &disabled}
	if password == "" {
		return p, nil
	}
	hash, err := signin.HashNewPassword("password", password)
	p.PasswordHash = &hash
	return p, err
}

// showUserError re-shows the edit form with a refused change's error; an
// unknown account and internal errors go to the error page.
func (h *Handler) showUserError(w http.ResponseWriter, r *http.Request, v *userView, err error) {
	code := duban.ErrorCode(err)
	if code == duban.EINTERNAL || code == duban.ENOTFOUND {
		h.fail(w, r, err)
		return
	}
	v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
	h.showUser(w, r, v, nil, web.HTTPStatus(code))
}
