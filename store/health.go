package store

import (
	"context"
	"errors"
	"time"
)

// probeTimeout bounds the write probe: a health check that waits behind a
// long import should answer "busy", not hang the load balancer.
const probeTimeout = 3 * time.Second

var errProbeRollback = errors.New("store: write probe rolled back")

// CheckWritable proves the database takes writes: it inserts a row in a
// transaction and rolls it back, so nothing is kept. A database that
// became read-only (a full disk remounted read-only, a PostgreSQL standby
// after a failover, a closed pool) answers an error.
func (db *DB) CheckWritable(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	err := db.write(ctx, func(t *tx) error {
		if _, err := t.exec(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
			"~write-probe", t.now.Format(time.RFC3339)); err != nil {
			return err
		}
		return errProbeRollback
	})
	if errors.Is(err, errProbeRollback) {
		return nil
	}
	return wrap(err, "write probe")
}
