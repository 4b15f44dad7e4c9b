package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestListUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustImport(t, db, richBundle())
		for _, u := range []*duban.User{
			{Username: "zz.admin", Role: duban.RoleAdmin, PasswordHash: "secret"},
			{Username: "jsj.zhang", DisplayName: "张伟", Role: duban.RoleReporter, UnitCode: "jsj", PasswordHash: "secret"},
		} {
			if err := db.CreateUser(ctx, "test", u); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Username != "jsj.zhang" || got[0].UnitCode != "jsj" || got[1].Role != duban.RoleAdmin {
			t.Fatalf("ListUsers = %+v", got)
		}
		for _, u := range got {
			if u.PasswordHash != "" {
				t.Errorf("%s: password hash listed", u.Username)
			}
		}
	})
}
