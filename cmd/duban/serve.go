package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/duban-dev/duban/files"
	"github.com/duban-dev/duban/jobs"
	"github.com/duban-dev/duban/notify"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/ui"
	"github.com/duban-dev/duban/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址 (listen address)")
	data := addDataFlags(fs)
	readDB := fs.String("read-db", "", "PostgreSQL 只读副本地址：看板、树、公开页和列表从此读取 (postgres:// URL of a streaming replica for reads that may lag)")
	migrate := fs.Bool("migrate", true, "启动时在主库执行待执行的迁移；设为 false 则有待迁移时拒绝启动 (apply pending migrations at start; false: refuse and ask for duban migrate)")
	notices := addNoticeFlags(fs)
	pprofAddr := fs.String("pprof", "", "在此本机地址提供 /debug/pprof/，如 127.0.0.1:6060 (serve pprof on this loopback address)")
	webhookAllow := fs.String("webhook-allow", os.Getenv("DUBAN_WEBHOOK_ALLOW"),
		"允许推送的内网主机，逗号分隔 (hosts webhooks may reach although loopback or private; comma-separated)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*pprofAddr); *pprofAddr != "" && err != nil {
		return err
	}
	jobCfg, err := notices.config()
	if err != nil {
		return err
	}
	limitMemory(serveMemoryLimit)
	db, err := store.OpenWith(ctx, *dsn, store.Options{ReadDSN: *readDB, NoMigrate: !*migrate})
	if err != nil {
		return err
	}
	defer db.Close()
	fileStore, err := data.open(*dsn, db)
	if err != nil {
		return err
	}
	srv, err := startServer(db, fileStore, *addr, stderr, time.Now)
	if err != nil {
		return err
	}
	srv.SetWebhookPolicy(notify.ParseAllow(*webhookAllow))
	fmt.Fprintf(stdout, "duban 已启动 (listening): http://%s/\n", srv.Addr())
	warnWithoutAdmin(ctx, db, stderr)
	if *pprofAddr != "" {
		if err := startPprof(ctx, *pprofAddr, stdout); err != nil {
			return err
		}
	}
	return serveWithJobs(ctx, srv, db, jobCfg, stderr, time.Now)
}

func startServer(db *store.DB, fileStore *files.Store, addr string, stderr io.Writer, now func() time.Time) (*web.Server, error) {
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	tr, sign := tracker.NewService(db), signin.New(db, db, now)
	ledger := projects.NewService(db, tr)
	pages, err := ui.New(ui.Config{Displays: db, Plans: db, Users: db, Reports: db, Notices: db, Tracker: tr,
		Directory: db, Audit: db, UserList: db, Files: fileStore, SignIn: sign, Logger: logger, Now: now, Bulletins: db,
		Projects: db, ProjectLedger: ledger})
	if err != nil {
		return nil, err
	}
	srv := web.NewServer(web.Config{
		Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Directory: db, Audit: db, Tracker: tr, Bulletins: db, Rollup: db, Webhooks: db, Projects: db, ProjectLedger: ledger,
		Files: fileStore, MaxUpload: fileStore.MaxSize(),
		Logger: logger, Now: now, SignIn: sign, Pages: pages,
	})
	if err := srv.Listen(addr); err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	return srv, nil
}

// jobInterval is how often the server escalates overdue notices, runs the
// notice rules and removes expired sessions (also once at start).
const jobInterval = time.Hour

// serveUntilDone serves until ctx is cancelled, then shuts down gracefully.
// Meanwhile it delivers the notification outbox to webhooks and runs the
// periodic jobs.
func serveUntilDone(ctx context.Context, srv *web.Server, db *store.DB, stderr io.Writer, now func() time.Time) error {
	return serveWithJobs(ctx, srv, db, jobs.Config{}, stderr, now)
}

// serveWithJobs is serveUntilDone with the notice-rule settings of the
// periodic jobs.
func serveWithJobs(ctx context.Context, srv *web.Server, db *store.DB, jobCfg jobs.Config, stderr io.Writer, now func() time.Time) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	dispatcher := notify.NewDispatcher(db, logger)
	dispatcher.Sender = notify.NewSenderWith(srv.WebhookPolicy())
	go lead(ctx, db, "outbox", logger, func(ctx context.Context) { dispatcher.Run(ctx, 5*time.Second) })
	fill(&jobCfg, db, logger, now)
	if tr := srv.Tracker(); tr != nil {
		jobCfg.ProblemsChanged = tr.Forget // the project ledgers cached on this server rebuild
	}
	go jobs.New(jobCfg).Run(ctx, jobInterval) // takes the lead per run
	go lead(ctx, db, "bulletins", logger, func(ctx context.Context) { runBulletinSchedule(ctx, db, logger, time.Hour, now) })
	go refreshStatuses(ctx, srv, db, logger)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	return <-errc
}

// runMigrate is the explicit schema step: it applies pending migrations
// on the primary and says which. `serve --migrate=false` expects it to
// have run.
// leaderRetry is how often a server that does not lead a job asks again,
// so a job moves to another server this long after its leader goes away.
const leaderRetry = 30 * time.Second

// lead runs fn, a loop that ends with ctx, on this server only while it
// holds the job's leader lock: with several servers on one PostgreSQL
// database, webhook delivery and scheduled bulletins run on one of them.
func lead(ctx context.Context, db *store.DB, job string, logger *slog.Logger, fn func(context.Context)) {
	for {
		release, ok, err := db.TryLead(ctx, job)
		if ok {
			defer release()
			fn(ctx)
			return
		}
		if err != nil && ctx.Err() == nil {
			logger.Error("leader lock", "job", job, "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(leaderRetry):
		}
	}
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("migrate", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := store.OpenWith(ctx, *dsn, store.Options{NoMigrate: true})
	if err == nil {
		db.Close()
		fmt.Fprintln(stdout, "数据库已是最新版本，无需迁移 (database up to date)")
		return nil
	}
	db, err = store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := db.AppliedMigrations(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "数据库已迁移到最新版本 %s (database migrated)\n", applied[len(applied)-1])
	return nil
}
