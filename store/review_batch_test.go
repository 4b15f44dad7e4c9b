package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// A batch larger than a hundred goes through the bulk path: every report
// gets its own id and one audit entry per plan lists them.
func TestSubmitLargeBatch(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustSubmit(t, f.jsj, f.input("2021-01", 1)) // an id below the batch
		ins := make([]duban.ReportInput, 150)
		for i := range ins {
			ins[i] = f.input(fmt.Sprintf("2021-%02d", i%6+1), float64(i))
		}
		reps := f.mustSubmit(t, f.admin, ins...)
		ids := make([]int64, len(reps))
		for i, r := range reps {
			ids[i] = r.ID
			found, err := db.FindReport(ctx, r.ID)
			if err != nil || *found.Value != float64(i) || found.Version != i/6+1+boolInt(i%6 == 0) {
				t.Fatalf("report %d (row %d): %+v, %v", r.ID, i+1, found, err)
			}
		}
		entries, err := db.ListAudit(ctx, "plan", f.planID)
		if err != nil {
			t.Fatal(err)
		}
		last := entries[len(entries)-1]
		var after struct {
			Reports int     `json:"reports"`
			IDs     []int64 `json:"ids"`
		}
		if err := json.Unmarshal(last.After, &after); err != nil || last.Action != "report.submit_batch" || last.Actor != "admin" {
			t.Fatalf("last plan audit %+v (%v)", last, err)
		}
		assertEqual(t, "audited ids", after.IDs, ids)
		if after.Reports != 150 {
			t.Fatalf("audited count %d", after.Reports)
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
