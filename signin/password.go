package signin

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
)

// MinPasswordLen is the shortest password an account may be given, in
// characters.
const MinPasswordLen = 8

// HashNewPassword checks a password an account is about to get and hashes
// it; a short one is EINVALID naming field.
func HashNewPassword(field, password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return "", duban.Invalid("密码不符合要求 (password too short)",
			duban.FieldError{Field: field, Message: "至少 8 个字符 (at least 8 characters)"})
	}
	return auth.HashPassword(password)
}

// ChangePassword gives u a new password after checking its current one.
// Every session of the account ends, the caller's too: it signs in again
// with the new password.
func (s *Service) ChangePassword(ctx context.Context, u *duban.User, current, next string) error {
	// A stolen session must not become a way round the login throttle.
	key := strings.ToLower(u.Username) + "|change-password"
	if !s.throttle.Allow(key, s.Now()) {
		return duban.Errorf(duban.ETOOMANY, "当前密码错误次数过多，请 15 分钟后再试 (too many wrong passwords)")
	}
	stored, err := s.Users.FindUserByUsername(ctx, u.Username)
	if err != nil {
		return err
	}
	if !auth.CheckPassword(stored.PasswordHash, current) {
		s.throttle.Fail(key, s.Now())
		return duban.Invalid("当前密码不正确 (wrong current password)",
			duban.FieldError{Field: "current_password", Message: "不正确 (wrong)"})
	}
	s.throttle.Reset(key)
	if next == current {
		return duban.Invalid("新密码须与当前密码不同 (the new password must differ)",
			duban.FieldError{Field: "new_password", Message: "与当前密码相同 (same as the current one)"})
	}
	hash, err := HashNewPassword("new_password", next)
	if err != nil {
		return err
	}
	_, err = s.Users.UpdateUser(ctx, u.Username, u.Username, duban.UserPatch{PasswordHash: &hash})
	return err
}
