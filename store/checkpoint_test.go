package store_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/duban-dev/duban/store"
)

// Commits never copy the write-ahead log back into the database file; the
// store's own goroutine does, soon after writes.
func TestBackgroundCheckpoint(t *testing.T) {
	path := sqliteDSN(t)
	db := mustOpen(t, path)
	ctx := context.Background()
	auto, err := store.QueryInt(ctx, db, "PRAGMA wal_autocheckpoint")
	if err != nil || auto != 0 {
		t.Fatalf("wal_autocheckpoint = %d (%v), want 0", auto, err)
	}
	time.Sleep(1200 * time.Millisecond) // let the checkpoint after the migrations pass
	before := fileSize(t, path)
	mustImport(t, db, benchBundle(200, 2000))
	deadline := time.Now().Add(10 * time.Second)
	for fileSize(t, path) <= before {
		if time.Now().After(deadline) {
			t.Fatalf("the database file stayed at %d bytes: nothing checkpointed the import", before)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}
