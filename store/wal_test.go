package store_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/duban-dev/duban/store"
)

// TestWALStaysBounded writes 1,000 transactions of 8 KiB while two readers
// keep overlapping read transactions open, which keeps passive
// checkpoints from ever resetting the log, and checks the -wal file after
// every commit: it must stay under the bound (here 1 MiB for speed; 64 MiB
// in production), an eighth of what was written.
func TestWALStaysBounded(t *testing.T) {
	const limit, writes, rowSize = 1 << 20, 1000, 8 << 10
	ctx := context.Background()
	db := mustOpen(t, sqliteDSN(t))
	store.SetWALLimit(db, limit)
	if got, err := store.QueryInt(ctx, db, "PRAGMA journal_size_limit"); err != nil || got != 64<<20 {
		t.Fatalf("journal_size_limit = %d (%v), want 64 MiB", got, err)
	}
	if err := store.WriteExec(ctx, db, "CREATE TABLE filler (b BLOB)"); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := store.ReadQuery(ctx, db, "SELECT COUNT(*) FROM filler"); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	defer func() { close(stop); readers.Wait() }()
	blob := make([]byte, rowSize)
	var largest int64
	for i := range writes {
		blob[0] = byte(i)
		if err := store.WriteExec(ctx, db, "INSERT INTO filler (b) VALUES (?)", blob); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(store.WALPath(db))
		if err != nil {
			t.Fatal(err)
		}
		largest = max(largest, st.Size())
	}
	if largest >= limit {
		t.Fatalf("the -wal file reached %d bytes, bound %d (%d bytes written)", largest, limit, writes*rowSize)
	}
	t.Logf("largest -wal file %d bytes for %d bytes written", largest, writes*rowSize)
}
