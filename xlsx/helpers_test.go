package xlsx_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/xlsx"
)

// asOf is the demo's day: mid-July 2021.
var asOf = demo.DefaultAsOf

// fixture is a store holding the demo plan, its users and simulated
// reports up to asOf.
type fixture struct {
	db     *store.DB
	svc    xlsx.Services
	planID int64
	bundle *duban.Bundle
}

// forEachEngine runs fn on a fixture in SQLite and, when
// DUBAN_TEST_POSTGRES is set, in a fresh PostgreSQL database.
func forEachEngine(t *testing.T, fn func(t *testing.T, fx *fixture)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, newFixture(t)) })
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, newFixtureAt(t, postgresDSN(t, admin))) })
	}
}

func newFixture(t testing.TB) *fixture {
	return newFixtureAt(t, filepath.Join(t.TempDir(), "duban.db"))
}

func newFixtureAt(t testing.TB, dsn string) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return asOf.Time().Add(9 * time.Hour) }
	b, err := planfile.Decode(demo.ErqiPlanName, bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	planID, err := db.ImportBundle(ctx, b, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range demo.Users(b) {
		u.PasswordHash = "unused"
		if err := db.CreateUser(ctx, "test", &u); err != nil {
			t.Fatal(err)
		}
	}
	stored, err := db.ExportBundle(ctx, planID)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, in := range stored.Indicators {
		ids[in.Code] = in.ID
	}
	if err := db.InsertReports(ctx, demo.SimulateReports(b, ids, asOf, demo.DefaultSeed), "test"); err != nil {
		t.Fatal(err)
	}
	svc := xlsx.Services{Plans: db, Reports: db, Tracker: tracker.NewService(db)}
	return &fixture{db: db, svc: svc, planID: planID, bundle: stored}
}

// export writes the plan workbook and reopens it.
func (fx *fixture) export(t testing.TB) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := fx.svc.ExportPlan(context.Background(), &buf, fx.planID, asOf); err != nil {
		t.Fatalf("ExportPlan: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func (fx *fixture) user(t testing.TB, name string) *duban.User {
	t.Helper()
	u, err := fx.db.FindUserByUsername(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func saveBook(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// postgresDSN creates an empty database for one test and drops it after.
func postgresDSN(t testing.TB, admin string) string {
	t.Helper()
	ctx := context.Background()
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("open admin: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "duban_xlsx_" + hex.EncodeToString(b)
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
