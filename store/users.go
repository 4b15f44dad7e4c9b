package store

import (
	"context"

	"github.com/duban-dev/duban"
)

// userColumns and userFrom read an account; scanUser takes the columns in
// this order.
const (
	userColumns = `s.id, s.username, s.display_name, s.role, COALESCE(u.code, ''), s.password_hash, s.created_at,
		s.disabled_at IS NOT NULL`
	userFrom = ` FROM users s LEFT JOIN units u ON u.id = s.unit_id`
)

func userDest(u *duban.User) []any {
	return []any{&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.UnitCode, &u.PasswordHash, timeCol{&u.CreatedAt}, &u.Disabled}
}

// CreateUser validates and inserts u, setting its ID and CreatedAt. A taken
// username is ECONFLICT; an unknown unit is EINVALID.
func (db *DB) CreateUser(ctx context.Context, actor string, u *duban.User) error {
	if errs := u.Validate(); len(errs) > 0 {
		return duban.Invalid("用户信息有误 (invalid user)", errs...)
	}
	err := db.write(ctx, func(t *tx) error {
		unitID, err := t.unitID(ctx, u.UnitCode)
		if err != nil {
			return err
		}
		id, err := t.insertID(ctx, `INSERT INTO users (username, display_name, role, unit_id, password_hash, created_at,
			disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			u.Username, u.DisplayName, string(u.Role), nullID(unitID), u.PasswordHash, t.now, disabledAt(u.Disabled, t.now))
		if classify(err) == uniqueViolation {
			return &duban.Error{Code: duban.ECONFLICT, Message: "用户名已存在 (username already taken)",
				Fields: []duban.FieldError{{Field: "username", Message: "已被使用 (already taken)"}}}
		}
		if err != nil {
			return err
		}
		u.ID, u.CreatedAt = id, t.now
		return t.audit(ctx, actor, "user.create", "user", id, nil, u)
	})
	return wrap(err, "create user %s", u.Username)
}

// unitID resolves a unit code; "" gives 0, an unknown code EINVALID.
func (t *tx) unitID(ctx context.Context, code string) (int64, error) {
	if code == "" {
		return 0, nil
	}
	var id int64
	err := t.queryRow(ctx, "SELECT id FROM units WHERE code = ?", code).Scan(&id)
	if isNoRows(err) {
		return 0, duban.Invalid("单位不存在 (unknown unit)",
			duban.FieldError{Field: "unit", Message: "单位 " + code + " 不存在 (unknown unit)"})
	}
	return id, err
}

// FindUserByUsername returns the user, ENOTFOUND if there is none.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*duban.User, error) {
	var u *duban.User
	err := db.read(ctx, func(t *tx) error {
		var err error
		u, err = t.findUser(ctx, username)
		return err
	})
	if err != nil {
		return nil, wrap(err, "find user %s", username)
	}
	return u, nil
}

func (t *tx) findUser(ctx context.Context, username string) (*duban.User, error) {
	var u duban.User
	err := t.queryRow(ctx, "SELECT "+userColumns+userFrom+" WHERE s.username = ?", username).Scan(userDest(&u)...)
	if isNoRows(err) {
		return nil, notFound("用户", username)
	}
	return &u, err
}
