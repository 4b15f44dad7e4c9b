package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// ListUsers returns every account by username, without password hashes.
func (db *DB) ListUsers(ctx context.Context) ([]duban.User, error) {
	list := []duban.User{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, "SELECT "+userColumns+userFrom+" ORDER BY s.username", nil, func(rows *sql.Rows) error {
			var u duban.User
			err := rows.Scan(userDest(&u)...)
			u.PasswordHash = ""
			list = append(list, u)
			return err
		})
	})
	if err != nil {
		return nil, wrap(err, "list users")
	}
	return list, nil
}
