package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

var _ duban.WebhookService = (*DB)(nil)

func mayManageWebhooks(u *duban.User) error {
	if u == nil || u.Role != duban.RoleAdmin {
		return duban.Errorf(duban.EFORBIDDEN, "只有管理员可以管理通知接收方 (only administrators manage webhooks)")
	}
	return nil
}

// AddWebhook validates and inserts a webhook for an administrator.
func (db *DB) AddWebhook(ctx context.Context, actor *duban.User, in duban.WebhookInput) (*duban.Webhook, error) {
	if err := mayManageWebhooks(actor); err != nil {
		return nil, err
	}
	w := duban.Webhook{Name: in.Name, Kind: in.Kind, URL: in.URL, Secret: in.Secret, Active: in.Active == nil || *in.Active}
	if err := db.createWebhook(ctx, actor.Username, &w); err != nil {
		return nil, err
	}
	return &w, nil
}

const webhookSelect = "SELECT id, name, kind, url, secret, active FROM webhooks "

func scanWebhook(s scanner) (duban.Webhook, error) {
	var w duban.Webhook
	err := s.Scan(&w.ID, &w.Name, &w.Kind, &w.URL, &w.Secret, &w.Active)
	return w, err
}

// FindWebhook returns a webhook, ENOTFOUND if there is none.
func (db *DB) FindWebhook(ctx context.Context, id int64) (*duban.Webhook, error) {
	var w duban.Webhook
	err := db.read(ctx, func(t *tx) error {
		var err error
		w, err = t.findWebhook(ctx, id, "")
		return err
	})
	if err != nil {
		return nil, wrap(err, "find webhook %d", id)
	}
	return &w, nil
}

func (t *tx) findWebhook(ctx context.Context, id int64, lock string) (duban.Webhook, error) {
	w, err := scanWebhook(t.queryRow(ctx, webhookSelect+"WHERE id = ?"+lock, id))
	if isNoRows(err) {
		return w, duban.Errorf(duban.ENOTFOUND, "通知接收方不存在 (webhook not found): %d", id)
	}
	return w, err
}

// UpdateWebhook changes the given fields of a webhook, audited.
func (db *DB) UpdateWebhook(ctx context.Context, actor *duban.User, id int64, p duban.WebhookPatch) (*duban.Webhook, error) {
	if err := mayManageWebhooks(actor); err != nil {
		return nil, err
	}
	var w duban.Webhook
	err := db.write(ctx, func(t *tx) error {
		before, err := t.findWebhook(ctx, id, t.lockRows("webhooks"))
		if err != nil {
			return err
		}
		w = patched(before, p)
		if errs := validateWebhook(&w); len(errs) > 0 {
			return duban.Invalid("通知接收方有误 (invalid webhook)", errs...)
		}
		_, err = t.exec(ctx, "UPDATE webhooks SET name = ?, url = ?, secret = ?, active = ? WHERE id = ?",
			w.Name, w.URL, w.Secret, w.Active, id)
		if err != nil {
			return err
		}
		return t.audit(ctx, actor.Username, "webhook.update", "webhook", id, before, w)
	})
	if err != nil {
		return nil, wrap(err, "update webhook %d", id)
	}
	return &w, nil
}

func patched(w duban.Webhook, p duban.WebhookPatch) duban.Webhook {
	if p.Name != nil {
		w.Name = *p.Name
	}
	// A client that sends back the redacted URL it was shown keeps the
	// stored one rather than saving the asterisks.
	if p.URL != nil && *p.URL != duban.RedactURL(w.URL) {
		w.URL = *p.URL
	}
	if p.Secret != nil {
		w.Secret = *p.Secret
	}
	if p.Active != nil {
		w.Active = *p.Active
	}
	return w
}

// ListWebhookDeliveries lists the attempts to deliver to one webhook,
// newest first. An unknown webhook is ENOTFOUND.
func (db *DB) ListWebhookDeliveries(ctx context.Context, webhookID int64, page duban.Page) ([]duban.Delivery, int, error) {
	page = page.Normalize()
	list := []duban.Delivery{}
	var total int
	err := db.read(ctx, func(t *tx) error {
		if _, err := t.findWebhook(ctx, webhookID, ""); err != nil {
			return err
		}
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM deliveries WHERE webhook_id = ?", webhookID).Scan(&total); err != nil {
			return err
		}
		return t.eachRow(ctx, `SELECT id, outbox_id, webhook_id, attempt, at, status, error FROM deliveries
			WHERE webhook_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, []any{webhookID, page.PerPage, page.Offset()},
			func(rows *sql.Rows) error {
				var d duban.Delivery
				err := rows.Scan(&d.ID, &d.OutboxID, &d.WebhookID, &d.Attempt, timeCol{&d.At}, &d.Status, &d.Error)
				list = append(list, d)
				return err
			})
	})
	if err != nil {
		return nil, 0, wrap(err, "list deliveries of webhook %d", webhookID)
	}
	return list, total, nil
}
