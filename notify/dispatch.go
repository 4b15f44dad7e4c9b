package notify

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"sync"
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
	// HookTimeout bounds each delivery; the hooks of a round are served
	// concurrently (at most Parallel at once), each in its items' order,
	// so one stuck receiver delays only its own messages.
	HookTimeout time.Duration
	Parallel    int
}

// NewDispatcher returns a dispatcher with production defaults.
func NewDispatcher(outbox duban.OutboxService, logger *slog.Logger) *Dispatcher {
	return &Dispatcher{
		Outbox: outbox, Sender: NewSender(), Logger: logger, Now: time.Now,
		BaseBackoff: 30 * time.Second, MaxBackoff: time.Hour, MaxAttempts: 10, Batch: 100,
		HookTimeout: SendTimeout, Parallel: 8,
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
	var order []int64
	byHook := map[int64][]duban.OutboxItem{}
	for _, it := range items {
		if _, seen := byHook[it.Webhook.ID]; !seen {
			order = append(order, it.Webhook.ID)
		}
		byHook[it.Webhook.ID] = append(byHook[it.Webhook.ID], it)
	}
	var (
		mu        sync.Mutex
		delivered int
		firstErr  error
		wg        sync.WaitGroup
		slots     = make(chan struct{}, max(1, d.Parallel))
	)
	for _, id := range order {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			n, err := d.deliverAll(ctx, byHook[id])
			mu.Lock()
			defer mu.Unlock()
			delivered += n
			if firstErr == nil {
				firstErr = err
			}
		})
	}
	wg.Wait()
	return delivered, firstErr
}

// deliverAll delivers one hook's items in order.
func (d *Dispatcher) deliverAll(ctx context.Context, items []duban.OutboxItem) (int, error) {
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
	sendCtx, cancel := context.WithTimeout(ctx, d.hookTimeout())
	status, sendErr := d.Sender.Send(sendCtx, it.Webhook, it.Message)
	cancel()
	rec := duban.Delivery{OutboxID: it.ID, WebhookID: it.Webhook.ID, Attempt: attempt, At: d.Now(), Status: status}
	var next time.Time
	if sendErr != nil {
		rec.Error = describe(sendErr)
		if attempt < d.MaxAttempts {
			next = rec.At.Add(d.Backoff(attempt))
		}
		d.Logger.Warn("webhook delivery failed", "webhook", it.Webhook.Name, "attempt", attempt, "err", rec.Error)
	}
	return sendErr == nil, d.Outbox.RecordDelivery(ctx, rec, sendErr == nil, next)
}

// describe is the short, redacted outcome kept of a failed delivery: the
// HTTP client's errors quote the URL, robot key and all.
func describe(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return Short(ue.Op + " " + duban.RedactURL(ue.URL) + ": " + ue.Err.Error())
	}
	return Short(err.Error())
}

func (d *Dispatcher) hookTimeout() time.Duration {
	if d.HookTimeout > 0 {
		return d.HookTimeout
	}
	return SendTimeout
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
