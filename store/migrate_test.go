package store_test

import (
	"context"
	"testing"

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
		assertEqual(t, "applied migrations", applied, []string{"0001_init", "0002_tracking", "0003_files_ingest", "0004_bulletins", "0005_scale", "0006_ingest_indexes", "0007_notice_history", "0008_user_admin", "0009_audit_filters", "0025_display_links"})
		mustImport(t, db, richBundle())
		counts := mustCounts(t, db)

		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		again := mustOpen(t, dsn)
		assertEqual(t, "row counts after re-migrating", mustCounts(t, again), counts)
		applied, _ = again.AppliedMigrations(ctx)
		assertEqual(t, "applied migrations after reopening", applied, []string{"0001_init", "0002_tracking", "0003_files_ingest", "0004_bulletins", "0005_scale", "0006_ingest_indexes", "0007_notice_history", "0008_user_admin", "0009_audit_filters", "0025_display_links"})
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
