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
// it; a short or common one is EINVALID naming field. Every way of setting
// a password (API, pages, the duban user command) comes here.
func HashNewPassword(field, password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return "", duban.Invalid("密码不符合要求 (password too short)",
			duban.FieldError{Field: field, Message: "至少 8 个字符 (at least 8 characters)"})
	}
	if IsCommonPassword(password) {
		return "", duban.Invalid("密码过于常见 (password too common)",
			duban.FieldError{Field: field, Message: "该密码在常见密码表中，容易被猜中，请换一个 (this password is on the common-password list; choose another)"})
	}
	var hash string
	var err error
	if slotErr := withHashSlot(context.Background(), func() { hash, err = auth.HashPassword(password) }); slotErr != nil {
		return "", slotErr
	}
	return hash, err
}

// ChangePassword gives u a new password after checking its current one.
// Every session of the account ends, the caller's too: it signs in again
// with the new password.
func (s *Service) ChangePassword(ctx context.Context, u *duban.User, current, next string) error {
	// A stolen session must not become a way round the login throttle.
	key := strings.ToLower(u.Username) + "|change-password"
	try := s.throttle.Reserve(key, s.Now())
	if try == nil {
		return duban.Errorf(duban.ETOOMANY, "当前密码错误次数过多，请 15 分钟后再试 (too many wrong passwords)")
	}
	defer try.Release() // when no outcome was recorded
	stored, err := s.Users.FindUserByUsername(ctx, u.Username)
	if err != nil {
		return err
	}
	var ok bool
	if err := checkPassword(ctx, stored.PasswordHash, current, &ok); err != nil {
		return err
	}
	if !ok {
		try.Fail(s.Now())
		return duban.Invalid("当前密码不正确 (wrong current password)",
			duban.FieldError{Field: "current_password", Message: "不正确 (wrong)"})
	}
	try.Succeed()
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
