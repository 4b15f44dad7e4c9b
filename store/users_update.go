package store

import (
	"context"
	"time"

	"github.com/duban-dev/duban"
)

// UpdateUser applies p to the account in one transaction with its audit
// entry. A new password or disabling the account ends its sessions; no
// change may leave the system without an enabled administrator.
func (db *DB) UpdateUser(ctx context.Context, actor, username string, p duban.UserPatch) (*duban.User, error) {
	var after duban.User
	err := db.write(ctx, func(t *tx) error {
		before, err := t.findUser(ctx, username)
		if err != nil {
			return err
		}
		after = p.Apply(*before)
		if errs := after.Validate(); len(errs) > 0 {
			return duban.Invalid("用户信息有误 (invalid user)", errs...)
		}
		unitID, err := t.unitID(ctx, after.UnitCode)
		if err != nil {
			return err
		}
		_, err = t.exec(ctx, `UPDATE users SET display_name = ?, role = ?, unit_id = ?, password_hash = ?,
			disabled_at = CASE WHEN ? THEN COALESCE(disabled_at, ?) END WHERE id = ?`,
			after.DisplayName, string(after.Role), nullID(unitID), after.PasswordHash, after.Disabled, t.now, after.ID)
		if err != nil {
			return err
		}
		if err := t.keepAnAdmin(ctx); err != nil {
			return err
		}
		if p.PasswordHash != nil || after.Disabled && !before.Disabled {
			if _, err := t.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", after.ID); err != nil {
				return err
			}
		}
		return t.audit(ctx, actor, "user.update", "user", after.ID, before,
			userChange{User: after, PasswordChanged: p.PasswordHash != nil})
	})
	if err != nil {
		return nil, wrap(err, "update user %s", username)
	}
	after.PasswordHash = ""
	return &after, nil
}

// userChange is an account after a change, as the audit log keeps it: the
// password hash is never written, only that it changed.
type userChange struct {
	duban.User
	PasswordChanged bool `json:"password_changed,omitempty"`
}

// keepAnAdmin refuses a change that leaves no enabled administrator: nobody
// could then manage accounts.
func (t *tx) keepAnAdmin(ctx context.Context) error {
	ok, err := t.hasEnabledAdmin(ctx)
	if err == nil && !ok {
		return duban.Errorf(duban.ECONFLICT, "至少须保留一个启用的管理员账号 (at least one enabled administrator must remain)")
	}
	return err
}

// HasEnabledAdmin reports whether some administrator can sign in.
func (db *DB) HasEnabledAdmin(ctx context.Context) (bool, error) {
	var ok bool
	err := db.read(ctx, func(t *tx) error {
		var err error
		ok, err = t.hasEnabledAdmin(ctx)
		return err
	})
	return ok, wrap(err, "find an administrator")
}

func (t *tx) hasEnabledAdmin(ctx context.Context) (bool, error) {
	var n int
	err := t.queryRow(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE role = ? AND disabled_at IS NULL LIMIT 1) a",
		string(duban.RoleAdmin)).Scan(&n)
	return n > 0, err
}

// disabledAt is the disabled_at of a new account.
func disabledAt(disabled bool, now time.Time) any {
	if disabled {
		return now
	}
	return nil
}
