package ui

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/web"
)

func (h *Handler) routesAccount() {
	h.mux.HandleFunc("GET /account/password", h.member(h.passwordForm))
	h.mux.HandleFunc("POST /account/password", h.member(h.changePassword))
}

// passwordView is the page where a signed-in user changes its own
// password; it never shows a password back.
type passwordView struct{ page }

func (h *Handler) passwordForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "password", &passwordView{h.newPage(r, "account.title")})
}

func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	current, next := r.PostFormValue("current_password"), r.PostFormValue("new_password")
	var err error
	if next != r.PostFormValue("repeat_password") {
		err = duban.Invalid("两次输入的新密码不一致 (the new passwords differ)",
			duban.FieldError{Field: "repeat_password", Message: "与新密码不一致 (does not match)"})
	} else {
		err = h.cfg.SignIn.ChangePassword(r.Context(), userFrom(r), current, next)
	}
	if err != nil {
		h.showPasswordError(w, r, err)
		return
	}
	h.signedOut(w, r, true)
}

// showPasswordError re-shows the form, empty, with the refusal's error;
// internal errors go to the error page.
func (h *Handler) showPasswordError(w http.ResponseWriter, r *http.Request, err error) {
	if duban.ErrorCode(err) == duban.EINTERNAL {
		h.fail(w, r, err)
		return
	}
	v := &passwordView{h.newPage(r, "account.title")}
	v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
	h.render(w, r, web.HTTPStatus(duban.ErrorCode(err)), "password", v)
}

// sessionAlive reports whether the request's session still exists, after a
// change that may have ended it.
func (h *Handler) sessionAlive(r *http.Request) bool {
	tok, _ := r.Context().Value(tokenKey).(string)
	_, err := h.cfg.SignIn.User(r.Context(), tok)
	return err == nil
}

// signedOut clears the session cookie of a session the server has ended and
// sends the user to sign in, saying why when the password changed.
func (h *Handler) signedOut(w http.ResponseWriter, r *http.Request, passwordChanged bool) {
	clearSession(w, r)
	to := "/login"
	if passwordChanged {
		to += "?done=password"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
