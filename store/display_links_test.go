package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestDisplayLinksRevoke(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		l := duban.DisplayLink{PlanID: f.planID, Label: "三楼会议室", CreatedBy: "admin"}
		if err := db.CreateDisplayLink(ctx, &l, []byte{0xaa, 0x01}); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateDisplayLink(ctx, &duban.DisplayLink{PlanID: f.planID}, []byte{0xaa, 0x01}); err == nil {
			t.Error("a second link with the same token hash was stored")
		}
		got, err := db.FindDisplayLink(ctx, []byte{0xaa, 0x01})
		if err != nil || got.ID != l.ID || got.PlanID != f.planID || got.Label != "三楼会议室" || got.RevokedAt != nil {
			t.Fatalf("find: %+v, %v", got, err)
		}
		if _, err := db.FindDisplayLink(ctx, []byte{0xbb}); duban.ErrorCode(err) != duban.ENOTFOUND {
			t.Errorf("unknown token: %v, want not found", err)
		}
		if err := db.RevokeDisplayLink(ctx, l.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindDisplayLink(ctx, []byte{0xaa, 0x01}); duban.ErrorCode(err) != duban.ENOTFOUND {
			t.Errorf("revoked link still found: %v", err)
		}
		list, err := db.ListDisplayLinks(ctx, f.planID)
		if err != nil || len(list) != 1 || list[0].RevokedAt == nil {
			t.Errorf("list after revoking: %+v, %v", list, err)
		}
		if err := db.RevokeDisplayLink(ctx, 9999); duban.ErrorCode(err) != duban.ENOTFOUND {
			t.Errorf("revoking an unknown link: %v", err)
		}
	})
}
