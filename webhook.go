package duban

import "context"

// WebhookInput is a webhook as an administrator creates it.
type WebhookInput struct {
	Name   string      `json:"name"`
	Kind   WebhookKind `json:"kind"`
	URL    string      `json:"url"`
	Secret string      `json:"secret"` // DingTalk signing secret (SEC…)
	Active *bool       `json:"active"` // true when absent
}

// WebhookPatch changes a webhook; absent fields stay as they are.
type WebhookPatch struct {
	Name   *string `json:"name"`
	URL    *string `json:"url"`
	Secret *string `json:"secret"`
	Active *bool   `json:"active"`
}

// WebhookService lets administrators manage notification receivers. An
// inactive webhook is sent nothing.
type WebhookService interface {
	AddWebhook(ctx context.Context, actor *User, in WebhookInput) (*Webhook, error)
	FindWebhook(ctx context.Context, id int64) (*Webhook, error)
	ListWebhooks(ctx context.Context) ([]Webhook, error)
	UpdateWebhook(ctx context.Context, actor *User, id int64, p WebhookPatch) (*Webhook, error)
	// ListWebhookDeliveries lists the delivery attempts to one webhook,
	// newest first, with their total.
	ListWebhookDeliveries(ctx context.Context, webhookID int64, page Page) ([]Delivery, int, error)
}
