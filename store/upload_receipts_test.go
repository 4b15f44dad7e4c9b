package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// TestUploadTwiceWritesOnce: the same upload key from the same user writes
// once, in order or racing; the repeat answers with the first reports and
// says it is a replay; another user, another key or a failed first try
// writes anew.
func TestUploadTwiceWritesOnce(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		body := []byte(`{"reports":[…]}`)
		key, err := duban.UploadKeyOf(duban.UploadBatch, "", body)
		if err != nil {
			t.Fatal(err)
		}
		ins := []duban.ReportInput{f.input("2021-07", 3), f.input("2021-06", 2)}
		first, err := db.SubmitReportsOnce(ctx, f.jsj, key, ins, today)
		if err != nil || first.Replayed || len(first.Reports) != 2 {
			t.Fatalf("first upload: %+v, %v", first, err)
		}
		reports := mustCount(t, db, "reports")
		again, err := db.SubmitReportsOnce(ctx, f.jsj, key, ins, today)
		if err != nil {
			t.Fatal(err)
		}
		if !again.Replayed || !again.ReceivedAt.Equal(first.ReceivedAt) || again.ReplayNotice() == "" {
			t.Errorf("repeat: replayed %v at %v, want the first's %v and a notice", again.Replayed, again.ReceivedAt, first.ReceivedAt)
		}
		assertEqual(t, "replayed reports", again.Reports, first.Reports)
		if n := mustCount(t, db, "reports"); n != reports {
			t.Errorf("reports %d after the repeat, want %d", n, reports)
		}

		// Racing repeats of a new upload: exactly one writes.
		key2, _ := duban.UploadKeyOf(duban.UploadBatch, "client-42", nil)
		var wg sync.WaitGroup
		var mu sync.Mutex
		written := 0
		for range 6 {
			wg.Go(func() {
				res, err := db.SubmitReportsOnce(ctx, f.jsj, key2, []duban.ReportInput{f.input("2021-05", 1)}, today)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				written += boolInt(!res.Replayed)
				mu.Unlock()
			})
		}
		wg.Wait()
		if written != 1 || mustCount(t, db, "reports") != reports+1 {
			t.Errorf("%d racing uploads wrote, %d reports; want 1 and %d", written, mustCount(t, db, "reports"), reports+1)
		}

		// The same client key with other content is refused, not replayed:
		// the new values were never written and the user must be told.
		other, _ := duban.UploadKeyOf(duban.UploadBatch, "client-42", []byte("other"))
		_, err = db.SubmitReportsOnce(ctx, f.jsj, other, []duban.ReportInput{f.input("2021-04", 9)}, today)
		if duban.ErrorCode(err) != duban.ECONFLICT || !strings.Contains(err.Error(), "另一份内容") {
			t.Errorf("client key reused for other content: %v, want a conflict naming it", err)
		}
		if n := mustCount(t, db, "reports"); n != reports+1 {
			t.Errorf("reports %d after the reused key, want %d", n, reports+1)
		}

		// Another user with the same bytes is another upload.
		if res, err := db.SubmitReportsOnce(ctx, f.supervisor, key, ins, today); err != nil || res.Replayed {
			t.Errorf("same bytes by another user: replayed %v, %v", res != nil && res.Replayed, err)
		}
	})
}

func TestFailedUploadLeavesNoReceipt(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		key, _ := duban.UploadKeyOf(duban.UploadWorkbook, "", []byte("book"))
		bad := []duban.ReportInput{f.input("2021-07", 3), f.input("not-a-period", 1)}
		if _, err := db.SubmitReportsOnce(ctx, f.jsj, key, bad, today); duban.ErrorCode(err) != duban.EINVALID {
			t.Fatalf("bad row: %v, want invalid", err)
		}
		if n := mustCount(t, db, "reports") + mustCount(t, db, "upload_receipts"); n != 0 {
			t.Fatalf("a refused upload left %d rows", n)
		}
		res, err := db.SubmitReportsOnce(ctx, f.jsj, key, bad[:1], today)
		if err != nil || res.Replayed || len(res.Reports) != 1 {
			t.Fatalf("retry after a refusal: %+v, %v", res, err)
		}
	})
}

func TestUploadReceiptExpires(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		key, _ := duban.UploadKeyOf(duban.UploadWorkbook, "", []byte("book"))
		ins := []duban.ReportInput{f.input("2021-07", 3)}
		if _, err := db.SubmitReportsOnce(ctx, f.jsj, key, ins, today); err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return clock.Add(duban.ReplayWindow + time.Minute) }
		res, err := db.SubmitReportsOnce(ctx, f.jsj, key, ins, today)
		if err != nil || res.Replayed || res.Reports[0].Version != 2 {
			t.Fatalf("after the window: %+v, %v; want a new version 2", res, err)
		}
		if n := mustCount(t, db, "upload_receipts"); n != 1 {
			t.Errorf("%d receipts, want the new one only", n)
		}
	})
}
