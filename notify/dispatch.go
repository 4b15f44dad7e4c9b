package notify

import (
	"context"
	"log/slog"
	"time"

	"github.com/duban-dev/duban"
)

// Dispatcher delivers due outbox items and reschedules failures with
// exponential backoff.
type Dispatcher struct {
	Outbox      duban.OutboxService
	Sender      *Sender
	Logger      *slog.Logger
	Now         func() time.Time
	BaseBackoff time.Duration // first retry delay
	MaxBackoff  time.Duration
	MaxAttempts int // after this many failures an item is given up
	Batch       int
}

// NewDispatcher returns a dispatcher with production defaults.
func NewDispatcher(outbox duban.OutboxService, logger *slog.Logger) *Dispatcher {
	return &Dispatcher{
		Outbox: outbox, Sender: NewSender(), Logger: logger, Now: time.Now,
		BaseBackoff: 30 * time.Second, MaxBackoff: time.Hour, MaxAttempts: 10, Batch: 100,
	}
}

// Backoff is the delay before retry number attempt (1-based).
func (d *Dispatcher) Backoff(attempt int) time.Duration {
	delay := d.BaseBackoff
	for i := 1; i < attempt && delay < d.MaxBackoff; i++ {
		delay *= 2
	}
	return min(delay, d.MaxBackoff)
}

// RunOnce delivers every item due now and returns how many were delivered.
func (d *Dispatcher) RunOnce(ctx context.Context) (int, error) {
	items, err := d.Outbox.DueDeliveries(ctx, d.Now(), d.Batch)
	if err != nil {
		return 0, err
	}
	delivered := 0
	for _, it := range items {
		ok, err := d.deliver(ctx, it)
		if err != nil {
			return delivered, err
		}
		if ok {
			delivered++
		}
	}
	return delivered, nil
}

func (d *Dispatcher) deliver(ctx context.Context, it duban.OutboxItem) (bool, error) {
	attempt := it.Attempts + 1
	status, sendErr := d.Sender.Send(ctx, it.Webhook, it.Message)
	rec := duban.Delivery{OutboxID: it.ID, WebhookID: it.Webhook.ID, Attempt: attempt, At: d.Now(), Status: status}
	var next time.Time
	if sendErr != nil {
		rec.Error = sendErr.Error()
		if attempt < d.MaxAttempts {
			next = rec.At.Add(d.Backoff(attempt))
		}
		d.Logger.Warn("webhook delivery failed", "webhook", it.Webhook.Name, "attempt", attempt, "err", sendErr)
	}
	return sendErr == nil, d.Outbox.RecordDelivery(ctx, rec, sendErr == nil, next)
}

// Run delivers every interval until ctx ends.
func (d *Dispatcher) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := d.RunOnce(ctx); err != nil && ctx.Err() == nil {
			d.Logger.Error("outbox dispatch", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
