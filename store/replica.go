package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/duban-dev/duban"
)

// A PostgreSQL streaming replica serves the reads that may show data a
// moment old: dashboards, trees, public pages, lists and rollups (readLag).
// Every write, and every read that must see what its caller just wrote
// (read), goes to the primary.

// replicaCatchUp bounds how long opening waits for the replica to replay
// the migrations the primary has: right after `duban migrate` it may be a
// moment behind.
const replicaCatchUp = 30 * time.Second

func (db *DB) openReplica(ctx context.Context, dsn string) error {
	if db.dialect != DialectPostgres || !isPostgres(dsn) {
		return fmt.Errorf("store: a read replica needs PostgreSQL for both --db and --read-db")
	}
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("store: open read replica: %w", err)
	}
	pool.SetMaxOpenConns(pgMaxConns)
	pool.SetMaxIdleConns(pgMaxConns)
	if err := waitForSchema(ctx, &DB{sql: pool, dialect: db.dialect, Now: db.Now}); err != nil {
		pool.Close()
		return err
	}
	db.replica = pool
	return nil
}

// waitForSchema waits until the replica has replayed every migration.
func waitForSchema(ctx context.Context, r *DB) error {
	deadline := time.Now().Add(replicaCatchUp)
	for {
		pending, err := r.PendingMigrations(ctx)
		if err == nil && len(pending) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = errPending(pending)
			}
			return fmt.Errorf("store: read replica: %w", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// readLag runs fn in a read-only transaction on the replica, or on the
// primary when there is none or ctx asks for fresh reads
// (duban.WithFreshReads). Use it only for reads that may lag the primary
// by the replication delay.
func (db *DB) readLag(ctx context.Context, fn func(*tx) error) error {
	if db.replica == nil || duban.FreshReads(ctx) {
		return db.read(ctx, fn)
	}
	return db.inTxOn(ctx, db.replica, &sql.TxOptions{ReadOnly: true}, fn)
}

// HasReplica reports whether reads that may lag go to a replica.
func (db *DB) HasReplica() bool { return db.replica != nil }
