package store

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckWritableFailsOnAReadOnlyDatabase turns the one pooled
// connection read-only the way each engine allows (SQLite query_only, a
// PostgreSQL session whose transactions default to read only) and expects
// the probe to fail, while leaving no row behind when it succeeds.
func TestCheckWritableFailsOnAReadOnlyDatabase(t *testing.T) {
	engines := map[string]string{"sqlite": "PRAGMA query_only = 1"}
	if os.Getenv("DUBAN_TEST_POSTGRES") != "" {
		engines["postgres"] = "SET default_transaction_read_only = on"
	}
	for engine, readOnly := range engines {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db := openForProbe(t, engine)
			if err := db.CheckWritable(ctx); err != nil {
				t.Fatalf("writable database: %v", err)
			}
			var n int
			if err := db.sql.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version LIKE '~%'").Scan(&n); err != nil || n != 0 {
				t.Fatalf("the probe kept %d rows (%v)", n, err)
			}
			db.sql.SetMaxOpenConns(1)
			if _, err := db.sql.ExecContext(ctx, readOnly); err != nil {
				t.Fatal(err)
			}
			if err := db.CheckWritable(ctx); err == nil {
				t.Fatal("a read-only database passed the write probe")
			}
		})
	}
}

func openForProbe(t *testing.T, engine string) *DB {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "probe.db")
	if engine == "postgres" {
		dsn = freshPostgres(t, os.Getenv("DUBAN_TEST_POSTGRES"))
	}
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func freshPostgres(t *testing.T, admin string) string {
	t.Helper()
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	name := "duban_probe_" + strings.ToLower(strings.ReplaceAll(t.Name(), "/", "_"))
	ctx := context.Background()
	_, _ = adminDB.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer adminDB.Close()
		_, _ = adminDB.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, _ := url.Parse(admin)
	u.Path = "/" + name
	return u.String()
}
