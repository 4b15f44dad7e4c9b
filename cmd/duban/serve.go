package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/duban-dev/duban/store"
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
	srv, err := startServer(db, *addr, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "duban 已启动 (listening): http://%s/\n", srv.Addr())
	return serveUntilDone(ctx, srv)
}

func startServer(db *store.DB, addr string, stderr io.Writer) (*web.Server, error) {
	srv := web.NewServer(web.Config{
		Plans:  db,
		Users:  db,
		Logger: slog.New(slog.NewTextHandler(stderr, nil)),
	})
	if err := srv.Listen(addr); err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	return srv, nil
}

// serveUntilDone serves until ctx is cancelled, then shuts down gracefully.
func serveUntilDone(ctx context.Context, srv *web.Server) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()
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
