package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed migrations
var migrationFiles embed.FS

// migrationLockKey is an arbitrary constant naming the PostgreSQL advisory
// lock that keeps two processes from migrating at once.
const migrationLockKey = 7_312_026

// Migrate applies the embedded migrations of the dialect that are not yet
// recorded in schema_migrations, in name order, each in its own transaction.
// It finds them with a read first, so on an up-to-date database it writes
// nothing (a streaming replica can be opened).
func (db *DB) Migrate(ctx context.Context) error {
	pending, err := db.PendingMigrations(ctx)
	if err != nil {
		return err
	}
	for _, version := range pending {
		if err := db.applyMigration(ctx, version+".sql"); err != nil {
			return fmt.Errorf("store: migration %s: %w", version, err)
		}
	}
	return nil
}

// PendingMigrations lists the embedded migration versions the database has
// not recorded, in order, reading only.
func (db *DB) PendingMigrations(ctx context.Context) ([]string, error) {
	names, err := db.migrationNames()
	if err != nil {
		return nil, err
	}
	applied, err := db.AppliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	done := make(map[string]bool, len(applied))
	for _, v := range applied {
		done[v] = true
	}
	var pending []string
	for _, name := range names {
		if v := strings.TrimSuffix(name, ".sql"); !done[v] {
			pending = append(pending, v)
		}
	}
	return pending, nil
}

// AppliedMigrations lists the recorded migration versions in order; none
// on a database never migrated.
func (db *DB) AppliedMigrations(ctx context.Context) ([]string, error) {
	var versions []string
	err := db.read(ctx, func(t *tx) error {
		if ok, err := t.hasMigrationTable(ctx); err != nil || !ok {
			return err
		}
		rows, err := t.query(ctx, "SELECT version FROM schema_migrations ORDER BY version")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			versions = append(versions, v)
		}
		return rows.Err()
	})
	return versions, wrap(err, "list migrations")
}

func (t *tx) hasMigrationTable(ctx context.Context) (bool, error) {
	query := "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
	if t.db.dialect == DialectPostgres {
		query = "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'"
	}
	var n int
	err := t.queryRow(ctx, query).Scan(&n)
	return n > 0, err
}

func (db *DB) migrationNames() ([]string, error) {
	dir := path.Join("migrations", db.dialect)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("store: read migrations: %w", err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// applyMigration checks and applies one migration inside one transaction,
// which holds the write lock (SQLite BEGIN IMMEDIATE, PostgreSQL advisory
// lock) so a concurrent Open cannot apply it twice.
func (db *DB) applyMigration(ctx context.Context, name string) error {
	version := strings.TrimSuffix(name, ".sql")
	body, err := migrationFiles.ReadFile(path.Join("migrations", db.dialect, name))
	if err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		if db.dialect == DialectPostgres {
			if _, err := t.exec(ctx, "SELECT pg_advisory_xact_lock(?)", migrationLockKey); err != nil {
				return err
			}
		}
		if _, err := t.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
			return err
		}
		var n int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := t.exec(ctx, string(body)); err != nil {
			return err
		}
		_, err := t.exec(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
			version, t.now.Format("2006-01-02T15:04:05.000000Z"))
		return err
	})
}
