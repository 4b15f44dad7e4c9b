package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// A batch larger than a hundred goes through the bulk path: every report
// gets its own id and one audit entry per plan lists them. One of 5,000
// (past overlapMin) is checked and built beside its inserts on SQLite.
func TestSubmitLargeBatch(t *testing.T) {
	for _, size := range []int{150, 5000} {
		t.Run(fmt.Sprint(size), func(t *testing.T) { testSubmitLargeBatch(t, size) })
	}
}

func testSubmitLargeBatch(t *testing.T, size int) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustSubmit(t, f.jsj, f.input("2021-01", 1)) // an id below the batch
		ins := make([]duban.ReportInput, size)
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
		if after.Reports != size {
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

// Bad rows anywhere in a large batch (three chunks apart) fail it whole:
// the error lists each in row order and nothing is written.
func TestSubmitLargeBatchWithBadRows(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		ins := make([]duban.ReportInput, 5000)
		for i := range ins {
			ins[i] = f.input(fmt.Sprintf("2021-%02d", i%6+1), float64(i))
		}
		bad := []int{4999, 7, 3001} // rows, 1-based
		for _, row := range bad {
			ins[row-1].Period = "2021-13"
		}
		before := tableCounts(t, db)
		_, err := db.SubmitReports(ctx, f.admin, ins, today)
		wantCode(t, err, duban.EINVALID)
		var rows []int
		for _, fe := range duban.ErrorFields(err) {
			rows = append(rows, fe.Row)
		}
		assertEqual(t, "bad rows", rows, []int{7, 3001, 4999})
		if msg := duban.ErrorMessage(err); !strings.Contains(msg, "第 7 行") {
			t.Errorf("message %q does not name row 7", msg)
		}
		assertEqual(t, "row counts after the failed batch", tableCounts(t, db), before)

		ins[6].Period, ins[3000].Period, ins[4998].Period = "2021-01", "2021-01", "2021-01"
		ins[4000].IndicatorID = f.ind["ind-3"].ID // fgw's item
		_, err = db.SubmitReports(ctx, f.jsj, ins, today)
		wantCode(t, err, duban.EFORBIDDEN)
		if fields := duban.ErrorFields(err); len(fields) != 1 || fields[0].Row != 4001 {
			t.Errorf("forbidden rows %+v, want row 4001", fields)
		}
		assertEqual(t, "row counts after the forbidden batch", tableCounts(t, db), before)
	})
}
