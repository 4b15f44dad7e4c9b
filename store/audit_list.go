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
	if err := f.Check(); err != nil {
		return nil, 0, err
	}
	page := f.Page.Normalize()
	where, args := auditWhere(f)
	list := []duban.AuditEntry{}
	var total int
	err := db.readLag(ctx, func(t *tx) error {
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
				if e.Entity == "webhook" { // entries written before URLs were redacted
					e.Before, e.After = duban.RedactJSON(e.Before), duban.RedactJSON(e.After)
				}
				list = append(list, e)
				return err
			})
	})
	if err != nil {
		return nil, 0, wrap(err, "list audit entries")
	}
	return list, total, nil
}

// auditWhere is the WHERE clause of a filter and its arguments. Each
// condition has an index to start from: (entity, entity_id, id),
// (actor, id) or (at).
func auditWhere(f duban.AuditFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) { conds, args = append(conds, cond), append(args, arg) }
	if f.Entity != "" {
		add("entity = ?", f.Entity)
	}
	if f.EntityID != 0 {
		add("entity_id = ?", f.EntityID)
	}
	if f.Actor != "" {
		add("actor = ?", f.Actor)
	}
	if strings.HasSuffix(f.Action, ".") {
		conds = append(conds, "substr(action, 1, ?) = ?")
		args = append(args, len(f.Action), f.Action)
	} else if f.Action != "" {
		add("action = ?", f.Action)
	}
	if !f.From.IsZero() {
		add("at >= ?", timeArg(f.From.Start(duban.Beijing)))
	}
	if !f.To.IsZero() {
		add("at < ?", timeArg(f.To.AddDays(1).Start(duban.Beijing)))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// rawJSON keeps a JSON column as is; NULL reads as nil.
func rawJSON(b []byte) json.RawMessage {
	if len(b) == 0 {
		return nil
	}
	return json.RawMessage(b)
}
