package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/duban-dev/duban"
)

type ctxKey int

const userKey ctxKey = 1

// userFrom returns the signed-in user, or nil for the public.
func userFrom(r *http.Request) *duban.User {
	u, _ := r.Context().Value(userKey).(*duban.User)
	return u
}

// canReadPrivate reports whether the caller is signed in: every role reads
// every plan; only the public is limited to public plans.
func canReadPrivate(r *http.Request) bool { return userFrom(r) != nil }

// authenticate resolves a bearer token to its user. A request with a bad or
// expired token is refused rather than treated as public, so a client
// notices that its session ended.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" || s.cfg.Sessions == nil {
			next.ServeHTTP(w, r)
			return
		}
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			s.writeError(w, r, duban.Errorf(duban.EUNAUTHORIZED, "Authorization 须为 Bearer 令牌 (want a Bearer token)"))
			return
		}
		u, err := s.signin.User(r.Context(), token)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, u)))
	})
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type loginResponse struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	User      *duban.User `json:"user"`
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := decodeJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	sess, err := s.signin.SignIn(r.Context(), req.Username, req.Password, clientIP(r))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, loginResponse{Token: sess.Token, ExpiresAt: sess.Expires, User: sess.User})
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if userFrom(r) == nil {
		s.writeError(w, r, duban.Errorf(duban.EUNAUTHORIZED, "未登录 (not signed in)"))
		return
	}
	if err := s.signin.SignOut(r.Context(), token); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	if u == nil {
		s.writeError(w, r, duban.Errorf(duban.EUNAUTHORIZED, "未登录 (not signed in)"))
		return
	}
	writeJSON(w, http.StatusOK, u)
}

const maxBodyBytes = 4 << 20

// decodeJSON reads a JSON body of bounded size, refusing unknown fields so
// a client cannot set what it must not.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errorsAs(err, &tooBig) {
			return duban.Errorf(duban.ETOOLARGE, "请求体超过 4 MB (request body too large)")
		}
		return duban.Invalid("请求体不是有效的 JSON (invalid JSON body)", duban.FieldError{Field: "body", Message: err.Error()})
	}
	return nil
}
