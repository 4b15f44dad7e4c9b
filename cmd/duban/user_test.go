package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/store"
)

// The first administrator of a new database comes from `duban user add`;
// `user set` changes and disables accounts with the store's rules.
func TestUserCommands(t *testing.T) {
	t.Setenv("DUBAN_PASSWORD", "") // restored after the test
	os.Unsetenv("DUBAN_PASSWORD")
	dbPath := filepath.Join(t.TempDir(), "u.db")
	userCmd := func(password string, args ...string) (string, error) {
		passwordIn = strings.NewReader(password)
		t.Cleanup(func() { passwordIn = os.Stdin })
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"user"}, append(args, "--db", dbPath)...), &stdout, &stderr)
		return stdout.String(), err
	}
	if _, err := userCmd("s3cret-pass\n", "add", "--username", "root", "--name", "管理员"); err != nil {
		t.Fatal(err)
	}
	if _, err := userCmd("short\n", "add", "--username", "other"); duban.ErrorCode(err) != duban.EINVALID {
		t.Errorf("a short password: %v", err)
	}
	if _, err := userCmd("", "add", "--username", "other"); duban.ErrorCode(err) != duban.EINVALID {
		t.Errorf("no password: %v", err)
	}
	if _, err := userCmd("", "set", "--username", "root", "--disable"); duban.ErrorCode(err) != duban.ECONFLICT {
		t.Errorf("disabling the only admin: %v", err)
	}
	if _, err := userCmd("", "set", "--username", "root", "--disable", "--enable"); duban.ErrorCode(err) != duban.EINVALID {
		t.Errorf("--disable with --enable: %v", err)
	}
	if _, err := userCmd("another-pass\n", "add", "--username", "root2"); err != nil {
		t.Fatal(err)
	}
	if _, err := userCmd("", "set", "--username", "root", "--disable"); err != nil {
		t.Fatal(err)
	}
	if _, err := userCmd("new-pass-123\n", "set", "--username", "root2", "--reset-password", "--name", "值班员"); err != nil {
		t.Fatal(err)
	}
	out, err := userCmd("", "list")
	if err != nil || !strings.Contains(out, "root ") || !strings.Contains(out, "已停用") || strings.Count(out, "\n") != 3 {
		t.Errorf("list:\n%s%v", out, err)
	}

	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	root, _ := db.FindUserByUsername(context.Background(), "root")
	root2, _ := db.FindUserByUsername(context.Background(), "root2")
	if !auth.CheckPassword(root.PasswordHash, "s3cret-pass") || !root.Disabled || root.DisplayName != "管理员" {
		t.Errorf("root: %+v", root)
	}
	if !auth.CheckPassword(root2.PasswordHash, "new-pass-123") || root2.DisplayName != "值班员" || root2.Disabled {
		t.Errorf("root2: %+v", root2)
	}
	entries, err := db.ListAudit(context.Background(), "user", root.ID)
	if err != nil || len(entries) != 2 || entries[1].Actor != cliActor.Username {
		t.Errorf("root's audit: %+v %v", entries, err)
	}
}

func TestServeWarnsWithoutAdmin(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out bytes.Buffer
	warnWithoutAdmin(ctx, db, &out)
	if !strings.Contains(out.String(), "duban user add") {
		t.Errorf("no warning on a database without accounts: %q", out.String())
	}
	if err := db.CreateUser(ctx, "test", &duban.User{Username: "root", Role: duban.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	warnWithoutAdmin(ctx, db, &out)
	if out.Len() != 0 {
		t.Errorf("a warning with an administrator: %q", out.String())
	}
}
