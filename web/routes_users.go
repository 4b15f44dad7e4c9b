package web

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/signin"
)

func (s *Server) routesUsers() {
	s.handle("GET /api/v1/users", s.handleListUsers)
	s.handle("POST /api/v1/users", s.handleCreateUser)
	s.handle("PATCH /api/v1/users/{username}", s.handleUpdateUser)
	s.handle("POST /api/v1/me/password", s.handleChangePassword)
}

// userInput is a new account as the API takes it: the password in clear,
// hashed here.
type userInput struct {
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Role        duban.Role `json:"role"`
	Unit        string     `json:"unit"`
	Password    string     `json:"password"`
	Disabled    bool       `json:"disabled"`
}

// userPatchInput changes an account; absent fields stay.
type userPatchInput struct {
	DisplayName *string     `json:"display_name"`
	Role        *duban.Role `json:"role"`
	Unit        *string     `json:"unit"`
	Password    *string     `json:"password"`
	Disabled    *bool       `json:"disabled"`
}

func (s *Server) handleListUsers(w http.ResponseWriter, r *http.Request) {
	if s.requireRole(w, r, duban.CanAdminister) == nil {
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	all, err := s.cfg.Users.ListUsers(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := r.URL.Query()
	var list []duban.User
	for _, u := range all {
		if (q.Get("role") == "" || string(u.Role) == q.Get("role")) && (q.Get("unit") == "" || u.UnitCode == q.Get("unit")) {
			list = append(list, u)
		}
	}
	writeJSON(w, http.StatusOK, newList(pageOf(list, page), len(list), page))
}

func (s *Server) handleCreateUser(w http.ResponseWriter, r *http.Request) {
	actor := s.requireRole(w, r, duban.CanAdminister)
	if actor == nil {
		return
	}
	var in userInput
	err := decodeJSON(w, r, &in)
	u := &duban.User{Username: in.Username, DisplayName: in.DisplayName, Role: in.Role, UnitCode: in.Unit, Disabled: in.Disabled}
	if err == nil {
		u.PasswordHash, err = signin.HashNewPassword("password", in.Password)
	}
	if err == nil {
		err = s.cfg.Users.CreateUser(r.Context(), actor.Username, u)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, u)
}

func (s *Server) handleUpdateUser(w http.ResponseWriter, r *http.Request) {
	actor := s.requireRole(w, r, duban.CanAdminister)
	if actor == nil {
		return
	}
	var in userPatchInput
	err := decodeJSON(w, r, &in)
	p := duban.UserPatch{DisplayName: in.DisplayName, Role: in.Role, UnitCode: in.Unit, Disabled: in.Disabled}
	if err == nil && in.Password != nil {
		var hash string
		hash, err = signin.HashNewPassword("password", *in.Password)
		p.PasswordHash = &hash
	}
	var u *duban.User
	if err == nil {
		u, err = s.cfg.Users.UpdateUser(r.Context(), actor.Username, r.PathValue("username"), p)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, u)
}

// handleChangePassword lets any signed-in account change its own password.
// Every session of the account ends with it, this one too.
func (s *Server) handleChangePassword(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var in struct {
		Current string `json:"current_password"`
		New     string `json:"new_password"`
	}
	err := decodeJSON(w, r, &in)
	if err == nil {
		err = s.cfg.SignIn.ChangePassword(r.Context(), u, in.Current, in.New)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
