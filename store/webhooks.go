package store

import (
	"context"
	"database/sql"
	"net/url"

	"github.com/duban-dev/duban"
)

// CreateWebhook validates and inserts a webhook, setting its ID; the audit
// log names the system as the actor.
func (db *DB) CreateWebhook(ctx context.Context, w *duban.Webhook) error {
	return db.createWebhook(ctx, "system", w)
}

func (db *DB) createWebhook(ctx context.Context, actor string, w *duban.Webhook) error {
	if errs := validateWebhook(w); len(errs) > 0 {
		return duban.Invalid("通知接收方有误 (invalid webhook)", errs...)
	}
	err := db.write(ctx, func(t *tx) error {
		id, err := t.insertID(ctx, `INSERT INTO webhooks (name, kind, url, secret, active) VALUES (?, ?, ?, ?, ?)
			RETURNING id`, w.Name, string(w.Kind), w.URL, w.Secret, w.Active)
		if err != nil {
			return err
		}
		w.ID = id
		return t.audit(ctx, actor, "webhook.create", "webhook", id, nil, w)
	})
	return wrap(err, "create webhook %s", w.Name)
}

func validateWebhook(w *duban.Webhook) []duban.FieldError {
	var errs []duban.FieldError
	if w.Name == "" {
		errs = append(errs, duban.FieldError{Field: "name", Message: "必填 (required)"})
	}
	if !w.Kind.Valid() {
		errs = append(errs, duban.FieldError{Field: "kind", Message: "须为 wecom、dingtalk 或 json (want wecom, dingtalk or json)"})
	}
	if u, err := url.Parse(w.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, duban.FieldError{Field: "url", Message: "须为 http(s) 地址 (want an http or https URL)"})
	}
	return errs
}

// ListWebhooks returns every webhook in id order.
func (db *DB) ListWebhooks(ctx context.Context) ([]duban.Webhook, error) {
	list := []duban.Webhook{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, "SELECT id, name, kind, url, secret, active FROM webhooks ORDER BY id", nil,
			func(rows *sql.Rows) error {
				var w duban.Webhook
				err := rows.Scan(&w.ID, &w.Name, &w.Kind, &w.URL, &w.Secret, &w.Active)
				list = append(list, w)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "list webhooks")
	}
	return list, nil
}
