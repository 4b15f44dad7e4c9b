package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestWebhookAdministration(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		in := duban.WebhookInput{Name: "群", Kind: duban.WebhookDingTalk, URL: "https://oapi.dingtalk.com/robot/send", Secret: "SEC1"}
		_, err := db.AddWebhook(ctx, f.supervisor, in)
		wantCode(t, err, duban.EFORBIDDEN)
		w, err := db.AddWebhook(ctx, f.admin, in)
		if err != nil {
			t.Fatal(err)
		}
		if !w.Active || w.Secret != "SEC1" {
			t.Fatalf("added %+v; want active with its secret", w)
		}
		off, name := false, "停用的群"
		_, err = db.UpdateWebhook(ctx, f.admin, w.ID, duban.WebhookPatch{URL: new(string)})
		wantCode(t, err, duban.EINVALID)
		got, err := db.UpdateWebhook(ctx, f.admin, w.ID, duban.WebhookPatch{Active: &off, Name: &name})
		if err != nil {
			t.Fatal(err)
		}
		want := duban.Webhook{ID: w.ID, Name: name, Kind: duban.WebhookDingTalk, URL: in.URL, Secret: "SEC1"}
		assertEqual(t, "updated", *got, want)
		found, _ := db.FindWebhook(ctx, w.ID)
		assertEqual(t, "found", *found, want)
		entries, _ := db.ListAudit(ctx, "webhook", w.ID)
		if len(entries) != 2 || entries[1].Action != "webhook.update" || entries[1].Actor != "admin" {
			t.Fatalf("audit %+v", entries)
		}
		before := mustCount(t, db, "outbox")
		f.mustNotice(t, f.notice())
		if got := mustCount(t, db, "outbox"); got != before {
			t.Fatalf("an inactive webhook got %d outbox items", got-before)
		}
		list, total, err := db.ListWebhookDeliveries(ctx, w.ID, duban.Page{})
		if err != nil || total != 0 || len(list) != 0 {
			t.Fatalf("deliveries %v %d %v", list, total, err)
		}
		_, _, err = db.ListWebhookDeliveries(ctx, w.ID+100, duban.Page{})
		wantCode(t, err, duban.ENOTFOUND)
	})
}
