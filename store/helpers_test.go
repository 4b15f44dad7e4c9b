package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// clock is the fixed time every test store starts at.
var clock = time.Date(2021, 7, 15, 9, 30, 0, 123456000, time.UTC)

// forEachDSN runs fn against a fresh SQLite file and, when
// DUBAN_TEST_POSTGRES is set, a fresh PostgreSQL database.
func forEachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, sqliteDSN(t)) })
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, postgresDSN(t, admin)) })
	}
}

// forEachStore runs fn against each engine with an open, migrated store
// whose clock is fixed at clock.
func forEachStore(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	forEachDSN(t, func(t *testing.T, dsn string) { fn(t, mustOpen(t, dsn)) })
}

func mustOpen(t testing.TB, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	db.Now = func() time.Time { return clock }
	t.Cleanup(func() { db.Close() })
	return db
}

func sqliteDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "duban.db")
}

// postgresDSN creates an empty database for one test and drops it after.
func postgresDSN(t testing.TB, admin string) string {
	t.Helper()
	ctx := context.Background()
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("open admin: %v", err)
	}
	name := "duban_t_" + randomHex(t)
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		adminDB.Close()
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		defer adminDB.Close()
		if _, err := adminDB.ExecContext(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("parse DUBAN_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func mustImport(t testing.TB, db *store.DB, b *duban.Bundle) int64 {
	t.Helper()
	id, err := db.ImportBundle(context.Background(), b, "tester")
	if err != nil {
		t.Fatalf("ImportBundle: %v", err)
	}
	return id
}

func mustCounts(t testing.TB, db *store.DB) map[string]int {
	t.Helper()
	counts, err := store.RowCounts(context.Background(), db)
	if err != nil {
		t.Fatalf("RowCounts: %v", err)
	}
	return counts
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := duban.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

// assertEqual compares with reflect.DeepEqual and shows both sides as JSON.
func assertEqual(t testing.TB, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Fatalf("%s differs\n got: %s\nwant: %s", what, g, w)
}

func float(v float64) *float64 { return &v }
