package store

import (
	"context"
	"time"

	"github.com/duban-dev/duban"
)

const displayLinkColumns = "id, plan_id, label, created_by, created_at, revoked_at"

// CreateDisplayLink stores a wall-screen link under the hash of its token
// and fills in its id and creation time.
func (db *DB) CreateDisplayLink(ctx context.Context, l *duban.DisplayLink, tokenHash []byte) error {
	if len(tokenHash) == 0 || l.PlanID == 0 {
		return duban.Invalid("大屏链接无效 (invalid display link)", duban.FieldError{Field: "plan_id", Message: "必填 (required)"})
	}
	err := db.write(ctx, func(t *tx) error {
		id, err := t.insertID(ctx, `INSERT INTO display_links (token_hash, plan_id, label, created_by, created_at)
			VALUES (?, ?, ?, ?, ?) RETURNING id`, tokenHash, l.PlanID, l.Label, l.CreatedBy, t.now)
		l.ID, l.CreatedAt, l.RevokedAt = id, t.now, nil
		return err
	})
	return wrap(err, "create display link")
}

// FindDisplayLink returns the unrevoked link with the token hash.
func (db *DB) FindDisplayLink(ctx context.Context, tokenHash []byte) (*duban.DisplayLink, error) {
	var l duban.DisplayLink
	err := db.read(ctx, func(t *tx) error {
		err := scanDisplayLink(t.queryRow(ctx, "SELECT "+displayLinkColumns+
			" FROM display_links WHERE token_hash = ? AND revoked_at IS NULL", tokenHash), &l)
		if isNoRows(err) {
			return duban.Errorf(duban.ENOTFOUND, "大屏链接不存在或已撤销 (display link not found or revoked)")
		}
		return err
	})
	if err != nil {
		return nil, wrap(err, "find display link")
	}
	return &l, nil
}

// ListDisplayLinks lists a plan's links, revoked ones too, newest first.
func (db *DB) ListDisplayLinks(ctx context.Context, planID int64) ([]duban.DisplayLink, error) {
	var out []duban.DisplayLink
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.query(ctx, "SELECT "+displayLinkColumns+" FROM display_links WHERE plan_id = ? ORDER BY id DESC", planID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l duban.DisplayLink
			if err := scanDisplayLink(rows, &l); err != nil {
				return err
			}
			out = append(out, l)
		}
		return rows.Err()
	})
	return out, wrap(err, "list display links")
}

// RevokeDisplayLink ends a link at once; revoking it again is not an error.
func (db *DB) RevokeDisplayLink(ctx context.Context, id int64) error {
	err := db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "UPDATE display_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", t.now, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return firstErr(err, duban.Errorf(duban.ENOTFOUND, "大屏链接不存在 (display link not found)"))
		}
		return nil
	})
	return wrap(err, "revoke display link")
}

func scanDisplayLink(s scanner, l *duban.DisplayLink) error {
	var revoked time.Time
	if err := s.Scan(&l.ID, &l.PlanID, &l.Label, &l.CreatedBy, timeCol{&l.CreatedAt}, timeCol{&revoked}); err != nil {
		return err
	}
	if !revoked.IsZero() {
		l.RevokedAt = &revoked
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

var _ duban.DisplayLinkService = (*DB)(nil)
