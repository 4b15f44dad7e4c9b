package duban

import (
	"context"
	"time"
)

// WebhookKind is the message format a webhook receiver expects.
type WebhookKind string

const (
	WebhookWeCom    WebhookKind = "wecom"    // 企业微信群机器人
	WebhookDingTalk WebhookKind = "dingtalk" // 钉钉自定义机器人
	WebhookJSON     WebhookKind = "json"     // generic JSON
)

func (k WebhookKind) Valid() bool {
	return k == WebhookWeCom || k == WebhookDingTalk || k == WebhookJSON
}

// Webhook is a notification receiver.
type Webhook struct {
	ID     int64       `json:"id"`
	Name   string      `json:"name"`
	Kind   WebhookKind `json:"kind"`
	URL    string      `json:"url"`
	Secret string      `json:"-"` // DingTalk signing secret (SEC…)
	Active bool        `json:"active"`
}

// Message is a notification as written to the outbox in the same
// transaction as the change it announces.
type Message struct {
	Event string `json:"event"` // e.g. notice.issued
	Title string `json:"title"`
	Text  string `json:"text"` // Markdown
	URL   string `json:"url,omitempty"`
	// Data is the event's machine-readable body for generic receivers.
	Data map[string]any `json:"data,omitempty"`
}

// OutboxItem is one pending delivery of a message to one webhook.
type OutboxItem struct {
	ID          int64     `json:"id"`
	Webhook     Webhook   `json:"webhook"`
	Message     Message   `json:"message"`
	Attempts    int       `json:"attempts"`
	NextAttempt time.Time `json:"next_attempt"`
	DeliveredAt time.Time `json:"delivered_at"`
	LastError   string    `json:"last_error,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// Delivery is one attempt in the delivery log.
type Delivery struct {
	ID        int64     `json:"id"`
	OutboxID  int64     `json:"outbox_id"`
	WebhookID int64     `json:"webhook_id"`
	Attempt   int       `json:"attempt"`
	At        time.Time `json:"at"`
	Status    int       `json:"status"` // HTTP status, 0 when none
	Error     string    `json:"error,omitempty"`
}

// OutboxService hands out due deliveries and records their outcome.
type OutboxService interface {
	DueDeliveries(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error)
	// RecordDelivery logs an attempt; a failed one is retried at next.
	RecordDelivery(ctx context.Context, d Delivery, delivered bool, next time.Time) error
}
