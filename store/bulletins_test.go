package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestBulletinScheduleRoundTrips(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		b := richBundle()
		b.Plan.Bulletin = &duban.BulletinSchedule{Cadence: duban.Monthly, Day: 5, Prefix: "二七督", Issuer: "督查室"}
		id := mustImport(t, db, b)
		p, err := db.FindPlan(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "schedule", p.Bulletin, b.Plan.Bulletin)
		out, err := db.ExportBundle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "exported schedule", out.Plan.Bulletin, b.Plan.Bulletin)
		b.Plan.Bulletin = nil // re-import without a schedule removes it
		mustImport(t, db, b)
		if p, _ = db.FindPlan(ctx, id); p.Bulletin != nil {
			t.Fatalf("schedule survived re-import without one: %+v", p.Bulletin)
		}
	})
}

func TestCreateBulletin(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		hook := duban.Webhook{Name: "群", Kind: duban.WebhookJSON, URL: "https://example.com/hook", Active: true}
		if err := db.CreateWebhook(ctx, &hook); err != nil {
			t.Fatal(err)
		}
		in := duban.BulletinInput{PlanID: f.planID, Period: "2021-06", AsOf: duban.MustDate("2021-06-30"),
			Title: "6月通报", Data: json.RawMessage(`{"period":"2021-06"}`)}
		before := mustCounts(t, db)
		_, err := db.CreateBulletin(ctx, f.jsj, in)
		wantCode(t, err, duban.EFORBIDDEN)
		assertEqual(t, "rows after a refused bulletin", mustCounts(t, db), before)

		first, err := db.CreateBulletin(ctx, f.supervisor, in)
		if err != nil {
			t.Fatal(err)
		}
		if first.Number != "督查通报〔2021〕1号" || first.Seq != 1 || first.CreatedBy != "dcs.li" {
			t.Fatalf("first = %+v", first)
		}
		_, err = db.CreateBulletin(ctx, f.admin, in)
		wantCode(t, err, duban.ECONFLICT)
		in.Period, in.AsOf, in.Data = "2021-07", duban.MustDate("2021-07-31"), json.RawMessage(`{"period":"2021-07"}`)
		second, err := db.CreateBulletin(ctx, f.admin, in)
		if err != nil || second.Seq != 2 {
			t.Fatalf("second = %+v, %v", second, err)
		}
		after := mustCounts(t, db)
		if after["bulletins"] != 2 || after["audit_log"]-before["audit_log"] != 2 {
			t.Fatalf("counts before %v after %v", before, after)
		}
		items, err := db.DueDeliveries(ctx, clock, 10)
		if err != nil || len(items) != 2 || items[0].Message.Event != "bulletin.issued" ||
			items[0].Message.Data["number"] != "督查通报〔2021〕1号" {
			t.Fatalf("outbox = %+v, %v", items, err)
		}
		audit, err := db.ListAudit(ctx, "bulletin", first.ID)
		if err != nil || len(audit) != 1 || audit[0].Action != "bulletin.create" {
			t.Fatalf("audit = %+v, %v", audit, err)
		}

		list, err := db.ListBulletins(ctx, f.planID)
		if err != nil || len(list) != 2 || list[0].Period != "2021-07" || list[1].Number != first.Number || list[0].Data != nil {
			t.Fatalf("list = %+v, %v", list, err)
		}
		prev, err := db.PreviousBulletin(ctx, f.planID, "2021-07")
		if err != nil || prev.ID != first.ID || string(prev.Data) != `{"period":"2021-06"}` {
			t.Fatalf("previous = %+v, %v", prev, err)
		}
		_, err = db.PreviousBulletin(ctx, f.planID, "2021-06")
		wantCode(t, err, duban.ENOTFOUND)
		got, err := db.FindBulletin(ctx, second.ID)
		if err != nil || got.Number != second.Number || !got.AsOf.Time().Equal(in.AsOf.Time()) || got.CreatedAt != second.CreatedAt {
			t.Fatalf("find = %+v, %v (want %+v)", got, err, second)
		}
		_, err = db.FindBulletin(ctx, 999)
		wantCode(t, err, duban.ENOTFOUND)
		_, err = db.ListBulletins(ctx, 999)
		wantCode(t, err, duban.ENOTFOUND)
	})
}
