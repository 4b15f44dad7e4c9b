package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/duban-dev/duban/notify"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址 (listen address)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := startServer(db, *addr, stderr, time.Now)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "duban 已启动 (listening): http://%s/\n", srv.Addr())
	return serveUntilDone(ctx, srv, db, stderr)
}

func startServer(db *store.DB, addr string, stderr io.Writer, now func() time.Time) (*web.Server, error) {
	srv := web.NewServer(web.Config{
		Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Directory: db, Audit: db, Tracker: tracker.NewService(db), Bulletins: db,
		Logger: slog.New(slog.NewTextHandler(stderr, nil)), Now: now,
	})
	if err := srv.Listen(addr); err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	return srv, nil
}

// serveUntilDone serves until ctx is cancelled, then shuts down gracefully.
// Meanwhile it delivers the notification outbox to webhooks.
func serveUntilDone(ctx context.Context, srv *web.Server, db *store.DB, stderr io.Writer) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()
	dispatcher := notify.NewDispatcher(db, slog.New(slog.NewTextHandler(stderr, nil)))
	go dispatcher.Run(ctx, 5*time.Second)
	go runBulletinSchedule(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), time.Hour, time.Now)
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
