package store_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func ptr[T any](v T) *T { return &v }

// Changing an account: the change is stored and audited without the
// password hash; a new password or disabling ends the account's sessions;
// the last enabled administrator cannot be demoted or disabled.
func TestUpdateUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		session := func(u *duban.User, token string) {
			t.Helper()
			if err := db.CreateSession(ctx, u.ID, []byte(token), clock.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		alive := func(token string) bool {
			_, err := db.FindSessionUser(ctx, []byte(token), clock)
			return err == nil
		}
		session(f.jsj, "jsj-1")
		session(f.fgw, "fgw-1")

		got, err := db.UpdateUser(ctx, "admin", "jsj.zhang", duban.UserPatch{UnitCode: ptr("fgw"), DisplayName: ptr("张伟")})
		if err != nil || got.UnitCode != "fgw" || got.DisplayName != "张伟" || got.Disabled {
			t.Fatalf("moved to fgw: %+v, %v", got, err)
		}
		if !alive("jsj-1") {
			t.Error("a change of unit ended the session; only a password or disabling should")
		}
		if found, _ := db.FindUserByUsername(ctx, "jsj.zhang"); found.UnitCode != "fgw" {
			t.Errorf("stored unit %q", found.UnitCode)
		}

		if _, err := db.UpdateUser(ctx, "admin", "jsj.zhang", duban.UserPatch{PasswordHash: ptr("$argon2id$new")}); err != nil {
			t.Fatal(err)
		}
		if alive("jsj-1") {
			t.Error("the session outlived a new password")
		}
		if _, err := db.UpdateUser(ctx, "admin", "fgw.chen", duban.UserPatch{Disabled: ptr(true)}); err != nil {
			t.Fatal(err)
		}
		if alive("fgw-1") {
			t.Error("the session outlived disabling the account")
		}
		session(f.fgw, "fgw-2") // a session left by a race must not work either
		if alive("fgw-2") {
			t.Error("a disabled account's session works")
		}
		if found, _ := db.FindUserByUsername(ctx, "fgw.chen"); !found.Disabled {
			t.Error("fgw.chen not stored as disabled")
		}
		users, err := db.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range users {
			if u.Disabled != (u.Username == "fgw.chen") || u.PasswordHash != "" {
				t.Errorf("listed %+v", u)
			}
		}

		entries, err := db.ListAudit(ctx, "user", f.jsj.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range entries {
			actions = append(actions, e.Action)
			if strings.Contains(string(e.Before)+string(e.After), "argon2id") {
				t.Errorf("audit entry %s holds a password hash", e.Action)
			}
		}
		assertEqual(t, "audited actions", actions, []string{"user.create", "user.update", "user.update"})
		var last struct {
			PasswordChanged bool `json:"password_changed"`
		}
		if json.Unmarshal(entries[2].After, &last) != nil || !last.PasswordChanged {
			t.Errorf("the password change is not recorded: %s", entries[2].After)
		}

		before := mustCounts(t, db)
		cases := []struct {
			name, user string
			patch      duban.UserPatch
			code       string
		}{
			{"demote the last admin", "admin", duban.UserPatch{Role: ptr(duban.RoleReader)}, duban.ECONFLICT},
			{"disable the last admin", "admin", duban.UserPatch{Disabled: ptr(true)}, duban.ECONFLICT},
			{"unknown role", "qz.wang", duban.UserPatch{Role: ptr(duban.Role("boss"))}, duban.EINVALID},
			{"unknown unit", "jsj.zhang", duban.UserPatch{UnitCode: ptr("nope")}, duban.EINVALID},
			{"reporter without a unit", "dcs.li", duban.UserPatch{Role: ptr(duban.RoleReporter)}, duban.EINVALID},
			{"unknown user", "nobody", duban.UserPatch{DisplayName: ptr("x")}, duban.ENOTFOUND},
		}
		for _, c := range cases {
			_, err := db.UpdateUser(ctx, "admin", c.user, c.patch)
			if duban.ErrorCode(err) != c.code {
				t.Errorf("%s: %v, want %s", c.name, err, c.code)
			}
		}
		assertEqual(t, "row counts after refused changes", mustCounts(t, db), before)
		if found, _ := db.FindUserByUsername(ctx, "admin"); found.Role != duban.RoleAdmin || found.Disabled {
			t.Errorf("admin after refused changes: %+v", found)
		}

		mustUser(t, db, "admin2", duban.RoleAdmin, "")
		if _, err := db.UpdateUser(ctx, "admin2", "admin", duban.UserPatch{Disabled: ptr(true)}); err != nil {
			t.Errorf("disabling one of two admins: %v", err)
		}
		if got, err := db.UpdateUser(ctx, "admin2", "fgw.chen", duban.UserPatch{Disabled: ptr(false)}); err != nil || got.Disabled {
			t.Errorf("enabling fgw.chen: %+v, %v", got, err)
		}
	})
}
