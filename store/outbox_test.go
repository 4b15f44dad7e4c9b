package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestOutboxDeliveryAndRetry(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		json := f.mustWebhook(t, "json", true)
		ding := duban.Webhook{Name: "钉钉", Kind: duban.WebhookDingTalk, URL: "https://oapi.dingtalk.com/robot/send?access_token=x",
			Secret: "SECabc", Active: true}
		if err := db.CreateWebhook(ctx, &ding); err != nil {
			t.Fatal(err)
		}
		f.mustWebhook(t, "off", false)
		f.mustNotice(t, f.notice())

		due := mustDue(t, db, clock, 10)
		if len(due) != 2 || due[0].Webhook != json || due[1].Webhook != ding || due[0].Message.Event != "notice.issued" ||
			due[0].Attempts != 0 || !due[0].CreatedAt.Equal(clock) || !due[0].NextAttempt.Equal(clock) {
			t.Fatalf("due = %+v", due)
		}
		if len(mustDue(t, db, clock, 1)) != 1 || len(mustDue(t, db, clock.Add(-time.Second), 10)) != 0 {
			t.Fatal("limit or due time ignored")
		}
		delivered, failed := due[0], due[1]
		sentAt := clock.Add(time.Minute)
		retryAt := sentAt.Add(30 * time.Second)
		record(t, db, duban.Delivery{OutboxID: delivered.ID, WebhookID: json.ID, Attempt: 1, At: sentAt, Status: 200}, true, time.Time{})
		record(t, db, duban.Delivery{OutboxID: failed.ID, WebhookID: ding.ID, Attempt: 1, At: sentAt, Status: 500, Error: "busy"}, false, retryAt)

		if got := mustDue(t, db, retryAt.Add(-time.Microsecond), 10); len(got) != 0 {
			t.Fatalf("due before the retry time: %+v", got)
		}
		retry := mustDue(t, db, retryAt, 10)
		if len(retry) != 1 || retry[0].ID != failed.ID || retry[0].Attempts != 1 || retry[0].LastError != "busy" ||
			!retry[0].NextAttempt.Equal(retryAt) {
			t.Fatalf("retry = %+v", retry)
		}
		record(t, db, duban.Delivery{OutboxID: failed.ID, WebhookID: ding.ID, Attempt: 2, At: retryAt, Error: "timeout"}, false, time.Time{})
		if got := mustDue(t, db, retryAt.Add(24*time.Hour), 10); len(got) != 0 {
			t.Fatalf("an item given up is still due: %+v", got)
		}

		item, err := db.OutboxItem(ctx, delivered.ID)
		if err != nil || !item.DeliveredAt.Equal(sentAt) || item.Attempts != 1 {
			t.Errorf("delivered item %+v, %v", item, err)
		}
		log, err := db.ListDeliveries(ctx, failed.ID)
		if err != nil || len(log) != 2 {
			t.Fatalf("delivery log %+v, %v", log, err)
		}
		want := duban.Delivery{ID: log[1].ID, OutboxID: failed.ID, WebhookID: ding.ID, Attempt: 2, At: retryAt, Error: "timeout"}
		assertEqual(t, "second delivery", log[1], want)
		err = db.RecordDelivery(ctx, duban.Delivery{OutboxID: 999999, WebhookID: ding.ID, Attempt: 1}, true, time.Time{})
		wantCode(t, err, duban.ENOTFOUND)
	})
}

func mustDue(t *testing.T, db *store.DB, now time.Time, limit int) []duban.OutboxItem {
	t.Helper()
	items, err := db.DueDeliveries(context.Background(), now, limit)
	if err != nil {
		t.Fatalf("DueDeliveries: %v", err)
	}
	return items
}

func record(t *testing.T, db *store.DB, d duban.Delivery, delivered bool, next time.Time) {
	t.Helper()
	if err := db.RecordDelivery(context.Background(), d, delivered, next); err != nil {
		t.Fatalf("RecordDelivery: %v", err)
	}
}

// A notice and its outbox rows commit together: when writing the outbox
// fails, the notice, its event and its audit entry are gone too.
func TestOutboxFailureRollsBackTheChange(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustWebhook(t, "json", true)
		counts := tableCounts(t, db)
		failOutboxInserts(t, db)
		_, err := db.CreateNotice(ctx, f.supervisor, f.notice())
		if err == nil {
			t.Fatal("CreateNotice succeeded although the outbox refused the row")
		}
		assertEqual(t, "row counts", tableCounts(t, db), counts)
	})
}

func failOutboxInserts(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	stmts := []string{`CREATE TRIGGER outbox_refuse BEFORE INSERT ON outbox
		BEGIN SELECT RAISE(ABORT, 'outbox refused'); END`}
	if db.Dialect() == store.DialectPostgres {
		stmts = []string{
			`CREATE FUNCTION outbox_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'outbox refused'; END; $$`,
			`CREATE TRIGGER outbox_refuse BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_refuse()`,
		}
	}
	for _, s := range stmts {
		if err := store.Exec(ctx, db, s); err != nil {
			t.Fatalf("install trigger: %v", err)
		}
	}
}

func TestWebhooks(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		bad := duban.Webhook{Kind: "email", URL: "ftp://example.com"}
		err := db.CreateWebhook(ctx, &bad)
		wantCode(t, err, duban.EINVALID)
		assertEqual(t, "fields", fieldNames(err), []string{"name", "kind", "url"})
		a := duban.Webhook{Name: "群机器人", Kind: duban.WebhookWeCom, URL: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", Active: true}
		b := duban.Webhook{Name: "备用", Kind: duban.WebhookDingTalk, URL: "https://oapi.dingtalk.com/robot/send", Secret: "SEC1"}
		for _, w := range []*duban.Webhook{&a, &b} {
			if err := db.CreateWebhook(ctx, w); err != nil || w.ID == 0 {
				t.Fatalf("CreateWebhook: %v (id %d)", err, w.ID)
			}
		}
		list, err := db.ListWebhooks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "webhooks", list, []duban.Webhook{a, b})
	})
}

func fieldNames(err error) []string {
	var names []string
	for _, f := range duban.ErrorFields(err) {
		names = append(names, f.Field)
	}
	return names
}
