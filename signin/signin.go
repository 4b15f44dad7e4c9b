// Package signin checks passwords and keeps sessions for both the JSON API
// (bearer tokens) and the HTML pages (a cookie holding the same kind of
// token), with one login throttle shared by both.
package signin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
)

// TTL is how long a session lasts.
const TTL = 12 * time.Hour

// Service signs users in and out.
type Service struct {
	Users    duban.UserService
	Sessions duban.SessionService
	Now      func() time.Time
	Logger   *slog.Logger // failed sign-ins are logged here; slog.Default() when nil
	throttle *Throttle
}

// New returns a service allowing five failed sign-ins per account and
// address in 15 minutes.
func New(users duban.UserService, sessions duban.SessionService, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{Users: users, Sessions: sessions, Now: now, throttle: NewThrottle(5, 15*time.Minute)}
}

// Session is a new session: its secret token and when it ends.
type Session struct {
	Token   string
	Expires time.Time
	User    *duban.User
}

// TokenHash is how a token is stored: only its hash is kept.
func TokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// SignIn checks the password (argon2id), throttled per username and client
// address, and opens a session. The try is counted before the password is
// hashed, hashing waits for one of a few process-wide slots, and every
// failure is logged with the address.
func (s *Service) SignIn(ctx context.Context, username, password, addr string) (*Session, error) {
	key := strings.ToLower(username) + "|" + addr
	try := s.throttle.Reserve(key, s.Now())
	if try == nil {
		s.logFailure(ctx, username, addr, "throttled")
		return nil, duban.Errorf(duban.ETOOMANY, "登录失败次数过多，请 15 分钟后再试 (too many failed sign-ins)")
	}
	u, err := s.check(ctx, username, password)
	switch code := duban.ErrorCode(err); {
	case err == nil:
		try.Succeed()
	case code == duban.EUNAUTHORIZED || code == duban.EFORBIDDEN:
		try.Fail(s.Now())
		s.logFailure(ctx, username, addr, code)
		return nil, err
	default: // busy, cancelled or a database error: no password was judged
		try.Release()
		s.logFailure(ctx, username, addr, code)
		return nil, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	sess := &Session{Token: hex.EncodeToString(raw), Expires: s.Now().Add(TTL), User: u}
	if err := s.Sessions.CreateSession(ctx, u.ID, TokenHash(sess.Token), sess.Expires); err != nil {
		return nil, err
	}
	return sess, nil
}

// logFailure writes a failed sign-in to the security log.
func (s *Service) logFailure(ctx context.Context, username, addr, reason string) {
	s.logger().WarnContext(ctx, "sign-in failed", "security", true, "username", username, "addr", addr, "reason", reason)
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Service) check(ctx context.Context, username, password string) (*duban.User, error) {
	wrong := duban.Errorf(duban.EUNAUTHORIZED, "用户名或密码错误 (wrong username or password)")
	u, err := s.Users.FindUserByUsername(ctx, username)
	if duban.ErrorCode(err) == duban.ENOTFOUND {
		// Same cost whether or not the user exists.
		if err := checkPassword(ctx, dummyHash(), password, new(bool)); err != nil {
			return nil, err
		}
		return nil, wrong
	}
	if err != nil {
		return nil, err
	}
	var ok bool
	if err := checkPassword(ctx, u.PasswordHash, password, &ok); err != nil {
		return nil, err
	}
	if !ok {
		return nil, wrong
	}
	if u.Disabled {
		return nil, duban.Errorf(duban.EFORBIDDEN, "账号已停用，请联系管理员 (account disabled)")
	}
	return u, nil
}

// checkPassword checks password against hash inside a hashing slot.
func checkPassword(ctx context.Context, hash, password string, ok *bool) error {
	return withHashSlot(ctx, func() { *ok = auth.CheckPassword(hash, password) })
}

// dummyHash is checked for unknown users so timing does not tell which
// usernames exist. It is made on first use, not at start-up.
var dummyHash = sync.OnceValue(func() string {
	h, _ := auth.HashPassword("no-such-user")
	return h
})

// User finds the user of a live session; an unknown or expired token is
// EUNAUTHORIZED.
func (s *Service) User(ctx context.Context, token string) (*duban.User, error) {
	u, err := s.Sessions.FindSessionUser(ctx, TokenHash(token), s.Now())
	if duban.ErrorCode(err) == duban.ENOTFOUND {
		return nil, duban.Errorf(duban.EUNAUTHORIZED, "登录已失效，请重新登录 (session expired or unknown)")
	}
	return u, err
}

// SignOut ends the session of token.
func (s *Service) SignOut(ctx context.Context, token string) error {
	return s.Sessions.DeleteSession(ctx, TokenHash(token))
}
