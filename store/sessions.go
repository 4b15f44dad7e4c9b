package store

import (
	"context"
	"time"

	"github.com/duban-dev/duban"
)

// CreateSession stores a session under the hash of its token.
func (db *DB) CreateSession(ctx context.Context, userID int64, tokenHash []byte, expires time.Time) error {
	if len(tokenHash) == 0 {
		return duban.Invalid("会话无效 (invalid session)", duban.FieldError{Field: "token", Message: "必填 (required)"})
	}
	err := db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
			tokenHash, userID, timeArg(expires), t.now)
		return mapErr(err)
	})
	return wrap(err, "create session")
}

// FindSessionUser returns the user of a session that has not expired at
// now; an unknown or expired session is ENOTFOUND.
func (db *DB) FindSessionUser(ctx context.Context, tokenHash []byte, now time.Time) (*duban.User, error) {
	var u duban.User
	// One statement outside a transaction: every request signs in with it,
	// so one round trip instead of three. On the primary: a session is
	// read right after the sign-in that wrote it.
	err := db.sql.QueryRowContext(ctx, db.rebind("SELECT "+userColumns+userFrom+` JOIN sessions x ON x.user_id = s.id
		WHERE x.token_hash = ? AND x.expires_at > ? AND s.disabled_at IS NULL`), tokenHash, timeArg(now)).Scan(userDest(&u)...)
	if isNoRows(err) {
		err = duban.Errorf(duban.ENOTFOUND, "会话不存在或已过期 (session not found or expired)")
	}
	if err != nil {
		return nil, wrap(err, "find session")
	}
	return &u, nil
}

// DeleteSession ends a session; ending an unknown one is not an error.
func (db *DB) DeleteSession(ctx context.Context, tokenHash []byte) error {
	err := db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash)
		return err
	})
	return wrap(err, "delete session")
}

// DeleteExpiredSessions removes sessions expired at now and returns how
// many there were.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "DELETE FROM sessions WHERE expires_at <= ?", timeArg(now))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, wrap(err, "delete expired sessions")
}

// Compile-time checks that DB implements the tracking services.
var (
	_ duban.TrackingReportService = (*DB)(nil)
	_ duban.NoticeService         = (*DB)(nil)
	_ duban.SessionService        = (*DB)(nil)
	_ duban.OutboxService         = (*DB)(nil)
)
