package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
)

const sessionTTL = 12 * time.Hour

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

func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

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
		u, err := s.cfg.Sessions.FindSessionUser(r.Context(), hashToken(token), s.now())
		if err != nil {
			if duban.ErrorCode(err) == duban.ENOTFOUND {
				err = duban.Errorf(duban.EUNAUTHORIZED, "登录已失效，请重新登录 (session expired or unknown)")
			}
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
	key := strings.ToLower(req.Username) + "|" + clientIP(r)
	if !s.throttle.allow(key, s.now()) {
		s.writeError(w, r, duban.Errorf(duban.ETOOMANY, "登录失败次数过多，请 15 分钟后再试 (too many failed sign-ins)"))
		return
	}
	u, err := s.signIn(r.Context(), req)
	if err != nil {
		s.throttle.fail(key, s.now())
		s.writeError(w, r, err)
		return
	}
	s.throttle.reset(key)
	token, expires, err := s.newSession(r.Context(), u)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, loginResponse{Token: token, ExpiresAt: expires, User: u})
}

func (s *Server) signIn(ctx context.Context, req loginRequest) (*duban.User, error) {
	wrong := duban.Errorf(duban.EUNAUTHORIZED, "用户名或密码错误 (wrong username or password)")
	u, err := s.cfg.Users.FindUserByUsername(ctx, req.Username)
	if duban.ErrorCode(err) == duban.ENOTFOUND {
		auth.CheckPassword(dummyHash(), req.Password) // same cost whether or not the user exists
		return nil, wrong
	}
	if err != nil {
		return nil, err
	}
	if !auth.CheckPassword(u.PasswordHash, req.Password) {
		return nil, wrong
	}
	return u, nil
}

// dummyHash is checked for unknown users so timing does not tell which
// usernames exist. It is made on first use, not at start-up.
var dummyHash = sync.OnceValue(func() string {
	h, _ := auth.HashPassword("no-such-user")
	return h
})

func (s *Server) newSession(ctx context.Context, u *duban.User) (string, time.Time, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", time.Time{}, err
	}
	token := hex.EncodeToString(raw)
	expires := s.now().Add(sessionTTL)
	return token, expires, s.cfg.Sessions.CreateSession(ctx, u.ID, hashToken(token), expires)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if userFrom(r) == nil {
		s.writeError(w, r, duban.Errorf(duban.EUNAUTHORIZED, "未登录 (not signed in)"))
		return
	}
	if err := s.cfg.Sessions.DeleteSession(r.Context(), hashToken(token)); err != nil {
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
