package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestMigrationsAreIdempotent(t *testing.T) {
	forEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := mustOpen(t, dsn)
		applied, err := db.AppliedMigrations(ctx)
		if err != nil {
			t.Fatalf("AppliedMigrations: %v", err)
		}
		all, err := store.MigrationVersions(db)
		if err != nil || len(all) < 9 || all[0] != "0001_init" {
			t.Fatalf("embedded migrations %v, %v", all, err)
		}
		assertEqual(t, "applied migrations", applied, all)
		mustImport(t, db, richBundle())
		counts := mustCounts(t, db)

		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		again := mustOpen(t, dsn)
		assertEqual(t, "row counts after re-migrating", mustCounts(t, again), counts)
		applied, _ = again.AppliedMigrations(ctx)
		assertEqual(t, "applied migrations after reopening", applied, all)
	})
}

// TestOpenWithoutMigrating: with pending migrations, NoMigrate refuses and
// names `duban migrate`, writing nothing; once migrated the same options
// open the store.
func TestOpenWithoutMigrating(t *testing.T) {
	forEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		_, err := store.OpenWith(ctx, dsn, store.Options{NoMigrate: true})
		wantCode(t, err, duban.ECONFLICT)
		if !strings.Contains(err.Error(), "duban migrate") || !strings.Contains(err.Error(), "0001_init") {
			t.Fatalf("error %q, want the pending versions and advice to run duban migrate", err)
		}
		db := mustOpen(t, dsn)
		pending, err := db.PendingMigrations(ctx)
		if err != nil || len(pending) != 0 {
			t.Fatalf("PendingMigrations after Open = %v, %v", pending, err)
		}
		again, err := store.OpenWith(ctx, dsn, store.Options{NoMigrate: true})
		if err != nil {
			t.Fatalf("OpenWith(NoMigrate) on a migrated database: %v", err)
		}
		again.Close()
	})
}

func TestOpenDialectAndPragmas(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		if db.Dialect() != store.DialectSQLite {
			if db.Dialect() != store.DialectPostgres {
				t.Fatalf("Dialect() = %q", db.Dialect())
			}
			return
		}
		ctx := context.Background()
		checks := []struct {
			pragma string
			want   string
		}{
			{"journal_mode", "wal"},
			{"foreign_keys", "1"},
			{"synchronous", "1"}, // NORMAL
			{"busy_timeout", "10000"},
		}
		for _, c := range checks {
			got, err := store.QueryString(ctx, db, "PRAGMA "+c.pragma)
			if err != nil || got != c.want {
				t.Errorf("PRAGMA %s = %q (%v), want %q", c.pragma, got, err, c.want)
			}
		}
	})
}

func TestOpenInMemory(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, ":memory:")
	id := mustImport(t, db, richBundle())
	if _, err := db.ExportBundle(ctx, id); err != nil {
		t.Fatalf("ExportBundle on :memory: %v", err)
	}
}
