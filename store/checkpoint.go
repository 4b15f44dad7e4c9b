package store

import (
	"context"
	"os"
	"time"
)

// On a SQLite file, the connection whose commit makes the write-ahead log
// pass 1,000 pages normally copies the log back into the database inside
// that commit, fsync included: the writer that happens to cross the line
// waits for it, and every other writer waits behind it. The store turns
// that off (wal_autocheckpoint 0) and checkpoints from a goroutine of its
// own instead, at most once per checkpointGap after writes, in PASSIVE mode,
// which never blocks readers or writers. SQLite still checkpoints when the
// last connection closes.

// checkpointGap is the least time between two background checkpoints: the
// log grows by at most this much of writes, and a burst of small commits
// costs one checkpoint (and one fsync), not one each.
const checkpointGap = time.Second

// walLimit is the bound on the -wal file under sustained writes.
const walLimit = 64 << 20

// boundWAL runs in write with the write slot held; see above. A checkpoint
// that cannot finish (a reader held past busy_timeout, another process
// writing) is tried again after the next write.
func (db *DB) boundWAL() {
	if db.walPath == "" {
		return
	}
	st, err := os.Stat(db.walPath)
	if err != nil || st.Size() < db.walLimit/2 {
		return
	}
	// SQLite lets one checkpoint run at a time and answers another with
	// SQLITE_BUSY at once, without its busy handler: under load the
	// background PASSIVE one was often running and the log grew past the
	// bound. Waiting for it here makes the TRUNCATE run.
	db.ckptMu.Lock()
	defer db.ckptMu.Unlock()
	db.sql.ExecContext(context.Background(), "PRAGMA wal_checkpoint(TRUNCATE)")
}

type checkpointer struct {
	wrote chan struct{} // a write committed since the last checkpoint
	stop  chan struct{}
	done  chan struct{}
}

func (db *DB) startCheckpointer() {
	c := &checkpointer{wrote: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	db.ckpt = c
	go c.run(db)
}

// noteWrite tells the checkpointer a write committed; it never blocks.
func (db *DB) noteWrite() {
	if db.ckpt == nil {
		return
	}
	select {
	case db.ckpt.wrote <- struct{}{}:
	default:
	}
}

func (c *checkpointer) run(db *DB) {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.wrote:
		}
		// A failed checkpoint (the database closing, a lock held by
		// another process) is retried after the next write.
		db.ckptMu.Lock()
		db.sql.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
		db.ckptMu.Unlock()
		select {
		case <-c.stop:
			return
		case <-time.After(checkpointGap):
		}
	}
}

// stopCheckpointer ends the goroutine before the connections close.
func (db *DB) stopCheckpointer() {
	if db.ckpt == nil {
		return
	}
	close(db.ckpt.stop)
	<-db.ckpt.done
}
