package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/demo/demodb"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

const demoDefaultPassword = "erqi2021"

type demoOptions struct {
	addr, db, password string
	data               *dataFlags
	asOf               duban.Date
	seed               int64
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := parseDemoFlags(args, stderr)
	if err != nil {
		return err
	}
	limitMemory(demoMemoryLimit)
	started := time.Now()
	db, users, err := seedDemo(ctx, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	fileStore, err := opts.data.open(opts.db, db)
	if err != nil {
		return err
	}
	srv, err := startServer(db, fileStore, opts.addr, stderr, demoClock(opts.asOf))
	if err != nil {
		return err
	}
	printDemoBanner(stdout, srv.Addr(), opts, users, time.Since(started))
	return serveUntilDone(ctx, srv, db, stderr, demoClock(opts.asOf))
}

func parseDemoFlags(args []string, stderr io.Writer) (demoOptions, error) {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o demoOptions
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "监听地址 (listen address)")
	fs.StringVar(&o.db, "db", "duban-demo.db", "演示数据库文件，每次启动重建 (demo SQLite file, recreated at start)")
	fs.StringVar(&o.password, "password", demoDefaultPassword, "所有演示账号的密码 (password of every demo account)")
	asOf := fs.String("as-of", "2021-07-15", "模拟填报截至日期 (simulate reports up to this date)")
	fs.Int64Var(&o.seed, "seed", 2021, "模拟数据随机种子 (simulation seed)")
	o.data = addDataFlags(fs)
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	d, err := duban.ParseDate(*asOf)
	if err != nil || d.IsZero() {
		return o, duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "as-of", Message: "不是有效日期，应为 YYYY-MM-DD (not a valid date)"})
	}
	o.asOf = d
	return o, nil
}

// seedDemo creates a fresh database holding the Erqi plan, its users and
// simulated reports up to the as-of date.
func seedDemo(ctx context.Context, o demoOptions) (*store.DB, []duban.User, error) {
	if !strings.Contains(o.db, "://") {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(o.db + suffix); err != nil && !os.IsNotExist(err) {
				return nil, nil, err
			}
		}
	}
	// The password hash (deliberately slow, one core) does not depend on
	// the data: it runs on the other core while the database is created
	// and the plan imported.
	hashed := make(chan hashResult, 1)
	go func() {
		h, err := auth.HashPassword(o.password)
		hashed <- hashResult{h, err}
	}()
	db, err := store.Open(ctx, o.db)
	if err != nil {
		return nil, nil, err
	}
	db.Now = demoClock(o.asOf)
	users, err := loadDemo(ctx, db, o, hashed)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, users, nil
}

func loadDemo(ctx context.Context, db *store.DB, o demoOptions, hashed <-chan hashResult) ([]duban.User, error) {
	b, err := planfile.Decode("erqi-2021.yaml", bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		return nil, fmt.Errorf("embedded demo plan: %w", err)
	}
	demo.AddProjects(b, demo.StatedProjects, o.seed)
	planID, err := db.ImportBundle(ctx, b, "demo")
	if err != nil {
		return nil, err
	}
	users, err := createDemoUsers(ctx, db, b, <-hashed)
	if err != nil {
		return nil, err
	}
	ids, err := demodb.IndicatorIDs(ctx, db, planID)
	if err != nil {
		return nil, err
	}
	ids, projectIDs := demodb.SplitProjectIDs(ids)
	reports := demo.SimulateReports(b, ids, o.asOf, o.seed)
	if err := loadDemoProjects(ctx, db, b, planID, projectIDs, o, reports); err != nil {
		return nil, err
	}
	if err := issueDemoNotices(ctx, db, planID, users, o.asOf); err != nil {
		return nil, err
	}
	if err := issueDemoBulletins(ctx, db, o.asOf); err != nil {
		return nil, err
	}
	debug.FreeOSMemory() // hand the password hash's 19 MiB back before serving
	return users, nil
}

// demoClock runs the demo on its as-of day: the plan's world is July 2021,
// so "today", default as-of dates and deadlines all read as they would then.
func demoClock(asOf duban.Date) func() time.Time {
	return func() time.Time {
		now := time.Now()
		return asOf.Time().Add(now.Sub(now.Truncate(24 * time.Hour)))
	}
}

// issueDemoNotices lets the supervision office run the notice rules once,
// so the demo opens with red and overdue items already under notice.
func issueDemoNotices(ctx context.Context, db *store.DB, planID int64, users []duban.User, asOf duban.Date) error {
	supervisor, err := db.FindUserByUsername(ctx, demo.SupervisorUsername)
	if err != nil {
		return err
	}
	var inputs []duban.NoticeInput
	err = tracker.NewService(db).View(ctx, planID, asOf, func(ps *tracker.PlanStatus) error {
		inputs = ps.NoticeCandidates(func(int64) bool { return false })
		return nil
	})
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if _, err := db.CreateNotice(ctx, supervisor, in); err != nil {
			return fmt.Errorf("demo notice: %w", err)
		}
	}
	return nil
}

// hashResult is the demo password's hash, made concurrently.
type hashResult struct {
	hash string
	err  error
}

func createDemoUsers(ctx context.Context, db *store.DB, b *duban.Bundle, h hashResult) ([]duban.User, error) {
	// Every demo account shares one password, so one (deliberately slow)
	// hash serves them all and start-up stays fast.
	hash, err := h.hash, h.err
	if err != nil {
		return nil, err
	}
	users := demo.Users(b)
	for i := range users {
		users[i].PasswordHash = hash
		if err := db.CreateUser(ctx, "demo", &users[i]); err != nil {
			return nil, fmt.Errorf("create user %s: %w", users[i].Username, err)
		}
	}
	return users, nil
}

// printDemoBanner writes the banner in one write, so that a reader that
// waits for the address line also sees the accounts.
func printDemoBanner(out io.Writer, addr string, o demoOptions, users []duban.User, took time.Duration) {
	w := &strings.Builder{}
	fmt.Fprintf(w, "duban 演示已就绪 (demo ready) in %d ms — 二七区2021年重点工作, 数据截至 %s\n", took.Milliseconds(), o.asOf)
	fmt.Fprintf(w, "  地址 (address):  http://%s/\n", addr)
	fmt.Fprintf(w, "  数据库 (db):     %s\n", o.db)
	fmt.Fprintf(w, "  附件 (files):    %s\n", dataDir(o.data.dir, o.db))
	fmt.Fprintf(w, "  密码 (password): %s  (所有账号 / every account)\n", o.password)
	fmt.Fprintf(w, "  先打开 (open first): http://%s/login ，以 %s（督查室 supervisor）登录：总览、审核、督办单\n", addr, demo.SupervisorUsername)
	if r := firstReporter(users); r != "" {
		fmt.Fprintf(w, "  再试 (then):  %s（领导 leader）看大屏；%s（单位填报 unit reporter）填报进展\n", demo.LeaderUsername, r)
	}
	fmt.Fprintln(w, "  账号 (accounts):")
	for _, u := range users {
		fmt.Fprintf(w, "    %-12s %-10s %s\n", u.Username, u.Role, u.DisplayName)
	}
	io.WriteString(out, w.String())
}

// firstReporter is the username of the first unit reporter, "" if none.
func firstReporter(users []duban.User) string {
	for _, u := range users {
		if u.Role == duban.RoleReporter {
			return u.Username
		}
	}
	return ""
}
