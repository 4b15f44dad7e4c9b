package store

import (
	"context"
	"fmt"
	"hash/fnv"
)

// TryLead makes this process the one that runs the periodic job named, for
// as long as it holds the returned release, if no other process does. On
// PostgreSQL it takes a session-level advisory lock on a connection of its
// own, so a server that dies gives the lead up with its connection; ok is
// false, with nothing to release, when another server leads. A SQLite file
// is served by one process, which always leads.
func (db *DB) TryLead(ctx context.Context, job string) (release func(), ok bool, err error) {
	if db.dialect != DialectPostgres {
		return func() {}, true, nil
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: lead %s: %w", job, err)
	}
	key := leaderKey(job)
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok); err != nil || !ok {
		conn.Close()
		return nil, false, wrap(err, "lead %s", job)
	}
	return func() {
		// Unlocking fails only with the connection, which ends the lock too.
		conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", key)
		conn.Close()
	}, true, nil
}

// leaderKey names a job's advisory lock; the prefix keeps it apart from
// the migration lock and from other applications' locks.
func leaderKey(job string) int64 {
	h := fnv.New64a()
	h.Write([]byte("duban.leader." + job))
	return int64(h.Sum64())
}
