package ui

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/web"
)

const (
	sessionCookie = "duban_session"
	loginCookie   = "duban_login" // random value for the sign-in form's CSRF field
)

type ctxKey int

const (
	userKey ctxKey = iota + 1
	tokenKey
	langKey
	csrfKey
)

func withValue(ctx context.Context, k ctxKey, v any) context.Context {
	return context.WithValue(ctx, k, v)
}

func userFrom(r *http.Request) *duban.User {
	u, _ := r.Context().Value(userKey).(*duban.User)
	return u
}

func csrfFrom(r *http.Request) string {
	s, _ := r.Context().Value(csrfKey).(string)
	return s
}

// csrfToken is bound to the session: an HMAC of a fixed label keyed by the
// session's secret token, so it needs no storage and dies with the session.
func csrfToken(sessionToken string) string {
	m := hmac.New(sha256.New, []byte(sessionToken))
	m.Write([]byte("duban csrf"))
	return hex.EncodeToString(m.Sum(nil))
}

// withSession resolves the session cookie; a bad or expired one is the
// public.
func (h *Handler) withSession(r *http.Request) *http.Request {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		if lc, err := r.Cookie(loginCookie); err == nil {
			return r.WithContext(withValue(r.Context(), csrfKey, lc.Value))
		}
		return r
	}
	u, err := h.cfg.SignIn.User(r.Context(), c.Value)
	if err != nil {
		return r
	}
	ctx := withValue(r.Context(), userKey, u)
	ctx = withValue(ctx, tokenKey, c.Value)
	return r.WithContext(withValue(ctx, csrfKey, csrfToken(c.Value)))
}

// checkCSRF refuses a POST whose form token does not match the session's.
func checkCSRF(r *http.Request) bool {
	want := csrfFrom(r)
	got := r.PostFormValue("csrf")
	return want != "" && subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}

// member wraps a page that needs a signed-in user; POSTs must carry the
// CSRF token.
func (h *Handler) member(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if userFrom(r) == nil {
			h.redirectToLogin(w, r)
			return
		}
		if r.Method == http.MethodPost && !checkCSRF(r) {
			h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "表单已过期，请刷新页面后重试 (bad or missing CSRF token)"))
			return
		}
		next(w, r)
	}
}

func (h *Handler) redirectToLogin(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		h.fail(w, r, duban.Errorf(duban.EUNAUTHORIZED, "请先登录 (sign in first)"))
		return
	}
	http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
}

func isPublicPath(p string) bool {
	return p == "/login" || strings.HasPrefix(p, "/public/") || strings.HasPrefix(p, "/static/") || strings.HasPrefix(p, "/display/")
}

type loginView struct {
	page
	Username string
	Next     string
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	if userFrom(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	r = h.ensureLoginToken(w, r)
	v := loginView{page: h.newPage(r, "login.title"), Next: safeNext(r.URL.Query().Get("next"))}
	if r.URL.Query().Get("done") == "password" {
		v.Notice = v.T("login.password_changed")
	}
	h.render(w, r, http.StatusOK, "login", &v)
}

// ensureLoginToken gives an anonymous visitor a random CSRF value (cookie
// and hidden field must match: double submit).
func (h *Handler) ensureLoginToken(w http.ResponseWriter, r *http.Request) *http.Request {
	if csrfFrom(r) != "" {
		return r
	}
	raw := make([]byte, 16)
	_, _ = rand.Read(raw)
	tok := hex.EncodeToString(raw)
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: tok, Path: "/login", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	return r.WithContext(withValue(r.Context(), csrfKey, tok))
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	if !checkCSRF(r) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "表单已过期，请刷新页面后重试 (bad or missing CSRF token)"))
		return
	}
	username, next := strings.TrimSpace(r.PostFormValue("username")), safeNext(r.PostFormValue("next"))
	sess, err := h.cfg.SignIn.SignIn(r.Context(), username, r.PostFormValue("password"), clientIP(r))
	if err != nil {
		v := loginView{page: h.newPage(r, "login.title"), Username: username, Next: next}
		v.Error = duban.ErrorMessage(err)
		code := web.HTTPStatus(duban.ErrorCode(err))
		if duban.ErrorCode(err) == duban.EINTERNAL {
			h.cfg.Logger.Error("sign-in failed", "err", err)
		}
		h.render(w, r, code, "login", &v)
		return
	}
	// No Expires: the server ends the session (the demo's clock is not the
	// browser's); the cookie ends with the browser.
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: sess.Token, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Path: "/login", MaxAge: -1})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	tok, _ := r.Context().Value(tokenKey).(string)
	if err := h.cfg.SignIn.SignOut(r.Context(), tok); err != nil {
		h.fail(w, r, err)
		return
	}
	clearSession(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// clearSession tells the browser to drop the session cookie.
func clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
