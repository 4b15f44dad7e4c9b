package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustImport(t, db, richBundle())
		u := &duban.User{Username: "jsj.zhang", DisplayName: "张伟", Role: duban.RoleReporter,
			UnitCode: "jsj", PasswordHash: "$argon2id$v=19$..."}
		if err := db.CreateUser(ctx, "test", u); err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		if u.ID == 0 || !u.CreatedAt.Equal(clock) {
			t.Errorf("created user id %d at %v, want an id and the clock", u.ID, u.CreatedAt)
		}
		got, err := db.FindUserByUsername(ctx, "jsj.zhang")
		if err != nil {
			t.Fatalf("FindUserByUsername: %v", err)
		}
		assertEqual(t, "user", got, u)

		admin := &duban.User{Username: "admin", Role: duban.RoleAdmin}
		if err := db.CreateUser(ctx, "test", admin); err != nil {
			t.Fatalf("CreateUser without unit: %v", err)
		}
		if got, _ := db.FindUserByUsername(ctx, "admin"); got == nil || got.UnitCode != "" {
			t.Errorf("admin read back as %+v", got)
		}

		cases := []struct {
			name  string
			user  duban.User
			code  string
			field string
		}{
			{"duplicate username", duban.User{Username: "jsj.zhang", Role: duban.RoleAdmin}, duban.ECONFLICT, "username"},
			{"unknown unit", duban.User{Username: "x", Role: duban.RoleReporter, UnitCode: "nope"}, duban.EINVALID, "unit"},
			{"bad username", duban.User{Username: "张 三", Role: duban.RoleAdmin}, duban.EINVALID, "username"},
			{"reporter without unit", duban.User{Username: "y", Role: duban.RoleReporter}, duban.EINVALID, "unit"},
		}
		for _, c := range cases {
			err := db.CreateUser(ctx, "test", &c.user)
			wantCode(t, err, c.code)
			if f := duban.ErrorFields(err); len(f) == 0 || f[0].Field != c.field {
				t.Errorf("%s: fields %v, want %s", c.name, f, c.field)
			}
		}
		if n := mustCounts(t, db)["users"]; n != 2 {
			t.Errorf("users = %d, want 2", n)
		}
	})
}

func TestNotFound(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		calls := map[string]func() error{
			"FindPlan":           func() error { _, err := db.FindPlan(ctx, 42); return err },
			"ExportBundle":       func() error { _, err := db.ExportBundle(ctx, 42); return err },
			"FindIndicator":      func() error { _, err := db.FindIndicator(ctx, 42); return err },
			"ListIndicators":     func() error { _, _, err := db.ListIndicators(ctx, duban.IndicatorFilter{PlanID: 42}); return err },
			"ListReports":        func() error { _, err := db.ListReports(ctx, 42); return err },
			"FindUserByUsername": func() error { _, err := db.FindUserByUsername(ctx, "nobody"); return err },
		}
		for name, call := range calls {
			err := call()
			if duban.ErrorCode(err) != duban.ENOTFOUND {
				t.Errorf("%s: err = %v, want ENOTFOUND", name, err)
			}
		}
	})
}

func TestFindIndicator(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		id := mustImport(t, db, richBundle())
		b, _ := db.ExportBundle(ctx, id)
		for _, want := range b.Indicators {
			got, err := db.FindIndicator(ctx, want.ID)
			if err != nil {
				t.Fatalf("FindIndicator(%d): %v", want.ID, err)
			}
			assertEqual(t, "indicator "+want.Code, *got, want)
		}
	})
}
