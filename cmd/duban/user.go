package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/store"
)

// passwordIn is where `duban user` reads a password when $DUBAN_PASSWORD
// is not set; a variable so tests can feed it.
var passwordIn io.Reader = os.Stdin

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("用法 (usage): duban user add|set|list ...")
	}
	switch args[0] {
	case "add":
		return runUserAdd(ctx, args[1:], stdout, stderr)
	case "set":
		return runUserSet(ctx, args[1:], stdout, stderr)
	case "list":
		return runUserList(ctx, args[1:], stdout, stderr)
	}
	return fmt.Errorf("未知子命令 user %s (unknown subcommand)", args[0])
}

func runUserAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("user add", stderr)
	u := duban.User{}
	fs.StringVar(&u.Username, "username", "", "用户名 (username)")
	fs.StringVar(&u.DisplayName, "name", "", "姓名 (display name)")
	role := fs.String("role", string(duban.RoleAdmin), "角色 admin|supervisor|leader|reporter (role)")
	fs.StringVar(&u.UnitCode, "unit", "", "单位代码，填报员必填 (unit code; reporters)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	u.Role = duban.Role(*role)
	hash, err := readNewPassword()
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	return withStore(ctx, *dsn, func(db *store.DB) error {
		if err := db.CreateUser(ctx, cliActor.Username, &u); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "已创建账号 (created) %s (%s)\n", u.Username, u.Role)
		return nil
	})
}

func runUserSet(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("user set", stderr)
	username := fs.String("username", "", "用户名 (username)")
	fs.String("name", "", "新姓名 (new display name)")
	fs.String("role", "", "新角色 (new role)")
	fs.String("unit", "", "新单位代码 (new unit code)")
	fs.Bool("disable", false, "停用账号并结束其登录 (disable the account and end its sessions)")
	fs.Bool("enable", false, "启用账号 (enable the account)")
	reset := fs.Bool("reset-password", false, "重设密码：读取 $DUBAN_PASSWORD 或标准输入的一行 (new password from $DUBAN_PASSWORD or a line of stdin)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := patchFromFlags(fs)
	if err == nil && *reset {
		var hash string
		hash, err = readNewPassword()
		p.PasswordHash = &hash
	}
	if err != nil {
		return err
	}
	return withExistingStore(ctx, *dsn, func(db *store.DB) error {
		u, err := db.UpdateUser(ctx, cliActor.Username, *username, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "已修改账号 (updated) %s (%s%s)\n", u.Username, u.Role, map[bool]string{true: ", 已停用 disabled"}[u.Disabled])
		return nil
	})
}

// patchFromFlags turns the flags given on the command line into a patch.
func patchFromFlags(fs *flag.FlagSet) (duban.UserPatch, error) {
	var p duban.UserPatch
	given := map[string]string{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = f.Value.String() })
	if _, ok := given["disable"]; ok {
		if _, both := given["enable"]; both {
			return p, duban.Invalid("参数冲突 (conflicting flags)", duban.FieldError{Field: "enable", Message: "不能与 --disable 同用 (not with --disable)"})
		}
	}
	for name, v := range given {
		switch name {
		case "name":
			p.DisplayName = &v
		case "role":
			role := duban.Role(v)
			p.Role = &role
		case "unit":
			p.UnitCode = &v
		case "disable", "enable":
			disabled := (name == "disable") == (v == "true")
			p.Disabled = &disabled
		}
	}
	return p, nil
}

func runUserList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("user list", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withExistingStore(ctx, *dsn, func(db *store.DB) error {
		users, err := db.ListUsers(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "用户名\t角色\t单位\t状态\t姓名")
		for _, u := range users {
			state := "启用"
			if u.Disabled {
				state = "已停用"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Role, u.UnitCode, state, u.DisplayName)
		}
		return tw.Flush()
	})
}

// readNewPassword takes a new password from $DUBAN_PASSWORD, else the first
// line of standard input (never from a flag, which other users could see
// in the process list), and hashes it.
func readNewPassword() (string, error) {
	pw, ok := os.LookupEnv("DUBAN_PASSWORD")
	if !ok {
		line, err := bufio.NewReader(passwordIn).ReadString('\n')
		if err != nil && line == "" {
			return "", duban.Invalid("缺少密码 (no password)", duban.FieldError{Field: "password",
				Message: "请设置 $DUBAN_PASSWORD 或从标准输入提供 (set $DUBAN_PASSWORD or give it on stdin)"})
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	return signin.HashNewPassword("password", pw)
}

// withStore opens the database, runs f and closes it; only `user add` (the
// first administrator of a new database) may create it.
func withStore(ctx context.Context, dsn string, f func(db *store.DB) error) error {
	return withStoreOpen(ctx, dsn, store.Open, f)
}

func withExistingStore(ctx context.Context, dsn string, f func(db *store.DB) error) error {
	return withStoreOpen(ctx, dsn, openExisting, f)
}

func withStoreOpen(ctx context.Context, dsn string, open func(context.Context, string) (*store.DB, error), f func(db *store.DB) error) error {
	db, err := open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return f(db)
}

// warnWithoutAdmin tells whoever starts a server that nobody can manage it
// yet, and how to fix that.
func warnWithoutAdmin(ctx context.Context, db *store.DB, stderr io.Writer) {
	if ok, err := db.HasEnabledAdmin(ctx); err != nil || ok {
		return
	}
	fmt.Fprintln(stderr, "注意：尚无启用的管理员账号，请用 duban user add --username 用户名 创建 "+
		"(no enabled administrator: create one with duban user add)")
}
