package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/duban-dev/duban"
)

// enqueue writes the message to the outbox once for every active webhook,
// in the caller's transaction, due at once.
func (t *tx) enqueue(ctx context.Context, msg duban.Message) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("store: encode message: %w", err)
	}
	hooks, err := t.activeHooks(ctx)
	if err != nil {
		return err
	}
	rows := make([][]any, len(hooks))
	for i, id := range hooks {
		rows[i] = []any{id, string(body), 0, timeArg(t.now), t.now}
	}
	return t.insertRows(ctx, "outbox", []string{"webhook_id", "message", "attempts", "next_attempt", "created_at"}, rows, "", nil)
}

const outboxSelect = `SELECT o.id, o.message, o.attempts, o.next_attempt, o.delivered_at, o.last_error, o.created_at,
	w.id, w.name, w.kind, w.url, w.secret, w.active
	FROM outbox o JOIN webhooks w ON w.id = o.webhook_id `

func scanOutboxItem(s scanner) (duban.OutboxItem, error) {
	var it duban.OutboxItem
	var body []byte
	err := s.Scan(&it.ID, &body, &it.Attempts, timeCol{&it.NextAttempt}, timeCol{&it.DeliveredAt}, &it.LastError,
		timeCol{&it.CreatedAt}, &it.Webhook.ID, &it.Webhook.Name, &it.Webhook.Kind, &it.Webhook.URL,
		&it.Webhook.Secret, &it.Webhook.Active)
	if err != nil {
		return it, err
	}
	if err := json.Unmarshal(body, &it.Message); err != nil {
		return it, fmt.Errorf("store: decode outbox message %d: %w", it.ID, err)
	}
	return it, nil
}

// DueDeliveries returns up to limit undelivered items of active webhooks
// whose next attempt is due at now, oldest first.
func (db *DB) DueDeliveries(ctx context.Context, now time.Time, limit int) ([]duban.OutboxItem, error) {
	if limit < 1 {
		limit = duban.DefaultPerPage
	}
	items := []duban.OutboxItem{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, outboxSelect+`WHERE o.delivered_at IS NULL AND o.next_attempt IS NOT NULL
			AND o.next_attempt <= ? AND w.active = ? ORDER BY o.id LIMIT ?`,
			[]any{timeArg(now), true, limit}, func(rows *sql.Rows) error {
				it, err := scanOutboxItem(rows)
				items = append(items, it)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "list due deliveries")
	}
	return items, nil
}

// OutboxItem returns one outbox item, ENOTFOUND if there is none.
func (db *DB) OutboxItem(ctx context.Context, id int64) (*duban.OutboxItem, error) {
	var it duban.OutboxItem
	err := db.read(ctx, func(t *tx) error {
		var err error
		it, err = scanOutboxItem(t.queryRow(ctx, outboxSelect+"WHERE o.id = ?", id))
		if isNoRows(err) {
			return duban.Errorf(duban.ENOTFOUND, "投递记录不存在 (outbox item not found): %d", id)
		}
		return err
	})
	if err != nil {
		return nil, wrap(err, "find outbox item %d", id)
	}
	return &it, nil
}

// RecordDelivery logs an attempt and updates its item: delivered, retried
// at next, or given up when next is zero.
func (db *DB) RecordDelivery(ctx context.Context, d duban.Delivery, delivered bool, next time.Time) error {
	err := db.write(ctx, func(t *tx) error {
		at := d.At
		if at.IsZero() {
			at = t.now
		}
		var deliveredAt, nextAttempt any
		if delivered {
			deliveredAt = timeArg(at)
		} else if !next.IsZero() {
			nextAttempt = timeArg(next)
		}
		res, err := t.exec(ctx, `UPDATE outbox SET attempts = ?, last_error = ?, delivered_at = ?, next_attempt = ?
			WHERE id = ?`, d.Attempt, d.Error, deliveredAt, nextAttempt, d.OutboxID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return duban.Errorf(duban.ENOTFOUND, "投递记录不存在 (outbox item not found): %d", d.OutboxID)
		}
		_, err = t.exec(ctx, `INSERT INTO deliveries (outbox_id, webhook_id, attempt, at, status, error)
			VALUES (?, ?, ?, ?, ?, ?)`, d.OutboxID, d.WebhookID, d.Attempt, timeArg(at), d.Status, d.Error)
		return mapErr(err)
	})
	return wrap(err, "record delivery of %d", d.OutboxID)
}

// ListDeliveries returns the delivery log of one outbox item, oldest first.
func (db *DB) ListDeliveries(ctx context.Context, outboxID int64) ([]duban.Delivery, error) {
	list := []duban.Delivery{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT id, outbox_id, webhook_id, attempt, at, status, error FROM deliveries
			WHERE outbox_id = ? ORDER BY id`, []any{outboxID}, func(rows *sql.Rows) error {
			var d duban.Delivery
			err := rows.Scan(&d.ID, &d.OutboxID, &d.WebhookID, &d.Attempt, timeCol{&d.At}, &d.Status, &d.Error)
			list = append(list, d)
			return err
		})
	})
	if err != nil {
		return nil, wrap(err, "list deliveries of %d", outboxID)
	}
	return list, nil
}
