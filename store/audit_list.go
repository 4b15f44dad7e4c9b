package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/duban-dev/duban"
)

// ListAuditEntries lists audit entries, newest first, with the total that
// match the filter.
func (db *DB) ListAuditEntries(ctx context.Context, f duban.AuditFilter) ([]duban.AuditEntry, int, error) {
	page := f.Page.Normalize()
	var conds []string
	var args []any
	if f.Entity != "" {
		conds, args = append(conds, "entity = ?"), append(args, f.Entity)
	}
	if f.EntityID != 0 {
		conds, args = append(conds, "entity_id = ?"), append(args, f.EntityID)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	list := []duban.AuditEntry{}
	var total int
	err := db.read(ctx, func(t *tx) error {
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM audit_log"+where, args...).Scan(&total); err != nil {
			return err
		}
		return t.eachRow(ctx, `SELECT id, at, actor, action, entity, entity_id, before_json, after_json
			FROM audit_log`+where+" ORDER BY id DESC LIMIT ? OFFSET ?", append(args, page.PerPage, page.Offset()),
			func(rows *sql.Rows) error {
				var e duban.AuditEntry
				var before, after []byte
				err := rows.Scan(&e.ID, timeCol{&e.At}, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &before, &after)
				e.Before, e.After = rawJSON(before), rawJSON(after)
				list = append(list, e)
				return err
			})
	})
	if err != nil {
		return nil, 0, wrap(err, "list audit entries")
	}
	return list, total, nil
}

// rawJSON keeps a JSON column as is; NULL reads as nil.
func rawJSON(b []byte) json.RawMessage {
	if len(b) == 0 {
		return nil
	}
	return json.RawMessage(b)
}
