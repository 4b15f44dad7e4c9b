package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func mustFile(t testing.TB, db *store.DB, id, name string) *duban.File {
	t.Helper()
	f, err := db.CreateFile(context.Background(), &duban.File{ID: id, Name: name, ContentType: "image/png", Size: 42, UploadedBy: "jsj.zhang"})
	if err != nil {
		t.Fatalf("CreateFile: %v", err)
	}
	return f
}

func TestCreateFileKeepsTheFirstRecord(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		id := strings.Repeat("ab", 32)
		first := mustFile(t, db, id, "现场.png")
		audits := mustCount(t, db, "audit_log")
		again := mustFile(t, db, id, "other.png")
		assertEqual(t, "file uploaded again", again, first)
		if got := mustCount(t, db, "audit_log"); got != audits {
			t.Fatalf("uploading known bytes wrote %d audit entries", got-audits)
		}
		found, err := db.FindFile(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "found file", found, &duban.File{ID: id, Name: "现场.png", ContentType: "image/png", Size: 42,
			UploadedBy: "jsj.zhang", UploadedAt: clock.Truncate(1000)})
		_, err = db.FindFile(context.Background(), strings.Repeat("cd", 32))
		wantCode(t, err, duban.ENOTFOUND)
	})
}

func TestSubmitReportsWithAttachments(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		a, b := mustFile(t, db, strings.Repeat("0a", 32), "a.png"), mustFile(t, db, strings.Repeat("0b", 32), "b.pdf")
		in := f.input("2021-06", 10)
		in.Attachments = []string{b.ID, a.ID}
		reps := f.mustSubmit(t, f.jsj, in)
		want := []duban.Attachment{{ID: b.ID, Name: "b.pdf", ContentType: "image/png", Size: 42},
			{ID: a.ID, Name: "a.png", ContentType: "image/png", Size: 42}}
		assertEqual(t, "submitted attachments", reps[0].Attachments, want)
		found, err := db.FindReport(ctx, reps[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "found attachments", found.Attachments, want)
		list, _, err := db.ListReportsFiltered(ctx, duban.ReportFilter{IndicatorID: in.IndicatorID})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "listed attachments", list[0].Attachments, want)
		reviewed, err := db.ReviewReport(ctx, f.supervisor, reps[0].ID, true, "")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "reviewed attachments", reviewed.Attachments, want)
	})
}

func TestSubmitReportsUnknownAttachmentWritesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		f := mustTracking(t, db)
		known := mustFile(t, db, strings.Repeat("0a", 32), "a.png")
		before := tableCounts(t, db)
		good, bad := f.input("2021-05", 5), f.input("2021-06", 10)
		good.Attachments = []string{known.ID}
		bad.Attachments = []string{known.ID, strings.Repeat("ff", 32)}
		_, err := db.SubmitReports(context.Background(), f.jsj, []duban.ReportInput{good, bad}, today)
		wantCode(t, err, duban.EINVALID)
		fields := duban.ErrorFields(err)
		if len(fields) != 1 || fields[0].Field != "attachments[1]" || fields[0].Row != 2 {
			t.Fatalf("fields = %+v, want attachments[1] on row 2", fields)
		}
		assertEqual(t, "table counts", tableCounts(t, db), before)
	})
}
