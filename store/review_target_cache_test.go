package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/duban-dev/duban"
)

// A batch checks its rows against the plan as it stands, even when the
// targets of an earlier batch are cached: here the item's lead unit moves
// from jsj to fgw between two batches, through this handle or through a
// second one on the same file (as another process would).
func TestSubmitSeesPlanChangesAfterCachedBatches(t *testing.T) {
	for _, second := range []bool{false, true} {
		name := map[bool]string{false: "same handle", true: "another handle"}[second]
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			path := sqliteDSN(t)
			db := mustOpen(t, path)
			f := mustTracking(t, db)
			first := f.mustSubmit(t, f.jsj, f.input("2021-05", 1))
			if first[0].UnitCode != "jsj" {
				t.Fatalf("first report's unit %s", first[0].UnitCode)
			}

			editor := db
			if second {
				editor = mustOpen(t, path)
			}
			b, err := editor.ExportBundle(ctx, f.planID)
			if err != nil {
				t.Fatal(err)
			}
			for i := range b.Nodes {
				if b.Nodes[i].ID == f.ind["ind-4"].NodeID {
					b.Nodes[i].LeadUnit = "fgw"
				}
			}
			editor.Now = func() time.Time { return clock.Add(time.Minute) }
			if _, err := editor.ImportBundle(ctx, b, "admin"); err != nil {
				t.Fatal(err)
			}

			_, err = db.SubmitReports(ctx, f.jsj, []duban.ReportInput{f.input("2021-06", 2)}, today)
			wantCode(t, err, duban.EFORBIDDEN)
			reps := f.mustSubmit(t, f.fgw, f.input("2021-06", 2))
			if reps[0].UnitCode != "fgw" {
				t.Fatalf("report after the change: unit %s, want fgw", reps[0].UnitCode)
			}
		})
	}
}
