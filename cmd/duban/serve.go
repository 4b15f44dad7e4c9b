package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
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
	pprofAddr := fs.String("pprof", "", "在此本机地址提供 /debug/pprof/，如 127.0.0.1:6060 (serve pprof on this loopback address)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*pprofAddr); *pprofAddr != "" && err != nil {
		return err
	}
	limitMemory(serveMemoryLimit)
	db, err := store.Open(ctx, *dsn)
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
	fmt.Fprintf(stdout, "duban 已启动 (listening): http://%s/\n", srv.Addr())
	warnWithoutAdmin(ctx, db, stderr)
	if *pprofAddr != "" {
		if err := startPprof(ctx, *pprofAddr, stdout); err != nil {
			return err
		}
	}
	return serveUntilDone(ctx, srv, db, stderr, time.Now)
}

func startServer(db *store.DB, fileStore *files.Store, addr string, stderr io.Writer, now func() time.Time) (*web.Server, error) {
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	tr, sign := tracker.NewService(db), signin.New(db, db, now)
	ledger := projects.NewService(db, tr)
	pages, err := ui.New(ui.Config{Plans: db, Users: db, Reports: db, Notices: db, Tracker: tr,
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
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	dispatcher := notify.NewDispatcher(db, logger)
	go dispatcher.Run(ctx, 5*time.Second)
	runner := jobs.New(jobs.Config{Plans: db, Notices: db, Sessions: db, Tracker: srv.Tracker(), Statuses: db,
		Now: now, Logger: logger})
	go runner.Run(ctx, jobInterval)
	go runBulletinSchedule(ctx, db, logger, time.Hour, now)
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

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("migrate", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintln(stdout, "数据库已迁移到最新版本 (database migrated)")
	return nil
}
