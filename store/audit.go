package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEntry is one row of the append-only audit log. Before and After are
// JSON documents, empty when there is nothing to record.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string
	Action   string
	Entity   string
	EntityID int64
	Before   json.RawMessage
	After    json.RawMessage
}

const auditInsert = `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
	VALUES (?, ?, ?, ?, ?, ?, ?)`

func (t *tx) audit(ctx context.Context, actor, action, entity string, entityID int64, before, after any) error {
	args, err := auditArgs(t.now, actor, action, entity, entityID, before, after)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, auditInsert, args...)
	return wrap(err, "write audit %s", action)
}

func auditArgs(at time.Time, actor, action, entity string, entityID int64, before, after any) ([]any, error) {
	b, err := auditJSON(before)
	if err != nil {
		return nil, err
	}
	a, err := auditJSON(after)
	if err != nil {
		return nil, err
	}
	return []any{at, actor, action, entity, entityID, b, a}, nil
}

func auditJSON(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("store: encode audit: %w", err)
	}
	return string(b), nil
}

// ListAudit returns the audit entries about one entity, oldest first.
func (db *DB) ListAudit(ctx context.Context, entity string, entityID int64) ([]AuditEntry, error) {
	var list []AuditEntry
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.query(ctx, `SELECT id, at, actor, action, entity, entity_id, before_json, after_json
			FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, entityID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e AuditEntry
			var before, after []byte
			if err := rows.Scan(&e.ID, timeCol{&e.At}, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &before, &after); err != nil {
				return err
			}
			e.Before, e.After = json.RawMessage(before), json.RawMessage(after)
			list = append(list, e)
		}
		return rows.Err()
	})
	return list, wrap(err, "list audit")
}
