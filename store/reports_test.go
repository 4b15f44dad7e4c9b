package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestInsertAndListReports(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		planID := mustImport(t, db, richBundle())
		b, _ := db.ExportBundle(ctx, planID)
		ind := b.Indicators[0].ID
		reviewed := time.Date(2021, 7, 3, 8, 0, 0, 0, time.UTC)
		in := []duban.Report{
			{IndicatorID: ind, UnitCode: "jsj", Period: "2021-07", Version: 2, Value: float(131), State: duban.Approved,
				Note: "更正", SubmittedBy: "jsj.zhang", SubmittedAt: time.Date(2021, 7, 2, 10, 0, 0, 0, time.UTC),
				ReviewedBy: "dcs.li", ReviewedAt: &reviewed},
			{IndicatorID: ind, UnitCode: "jsj", Period: "2021-06", Version: 1, Value: float(120), State: duban.Approved,
				SubmittedBy: "jsj.zhang"},
			{IndicatorID: ind, UnitCode: "hmjd", Period: "2021-07", Version: 1, State: duban.Returned,
				ReturnReason: "缺少佐证材料", Investment: float(25.5), Stage: duban.StageStarted, MilestonesDone: 1},
			{IndicatorID: ind, UnitCode: "jsj", Period: "2021-07", Version: 1, Value: float(130), State: duban.Submitted},
		}
		if err := db.InsertReports(ctx, in, "jsj.zhang"); err != nil {
			t.Fatalf("InsertReports: %v", err)
		}
		got, err := db.ListReports(ctx, ind)
		if err != nil {
			t.Fatalf("ListReports: %v", err)
		}
		want := []duban.Report{in[1], in[2], in[3], in[0]} // period, unit, version
		for i := range want {
			want[i].PlanID = planID
			if want[i].SubmittedAt.IsZero() {
				want[i].SubmittedAt = clock
			}
			if got[i].ID == 0 {
				t.Errorf("report %d has no id", i)
			}
			got[i].ID = 0
		}
		assertEqual(t, "reports", got, want)

		audit, _ := db.ListAudit(ctx, "plan", planID)
		last := audit[len(audit)-1]
		if last.Action != "report.insert" || last.Actor != "jsj.zhang" || !jsonEqual(last.After, `{"reports": 4}`) {
			t.Errorf("audit entry = %+v after %s", last, last.After)
		}
	})
}

func TestInsertReportsIsAllOrNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		planID := mustImport(t, db, richBundle())
		b, _ := db.ExportBundle(ctx, planID)
		ind := b.Indicators[0].ID
		ok := duban.Report{IndicatorID: ind, UnitCode: "jsj", Period: "2021-06", Version: 1, State: duban.Draft}
		if err := db.InsertReports(ctx, []duban.Report{ok}, "u"); err != nil {
			t.Fatalf("InsertReports: %v", err)
		}
		counts := mustCounts(t, db)
		fresh := ok
		fresh.Period = "2021-07"
		cases := []struct {
			name  string
			batch []duban.Report
			code  string
		}{
			{"duplicate of a stored report", []duban.Report{fresh, ok}, duban.ECONFLICT},
			{"duplicate within the batch", []duban.Report{fresh, fresh}, duban.ECONFLICT},
			{"unknown indicator", []duban.Report{fresh, withIndicator(fresh, 999999)}, duban.EINVALID},
			{"unknown unit", []duban.Report{fresh, withUnit(fresh, "nope")}, duban.EINVALID},
			{"wrong plan", []duban.Report{fresh, withPlan(fresh, planID+1)}, duban.EINVALID},
			{"missing fields", []duban.Report{fresh, {IndicatorID: ind}}, duban.EINVALID},
		}
		for _, c := range cases {
			err := db.InsertReports(ctx, c.batch, "u")
			if duban.ErrorCode(err) != c.code {
				t.Errorf("%s: err = %v, want %s", c.name, err, c.code)
			}
			assertEqual(t, c.name+": row counts", mustCounts(t, db), counts)
		}
	})
}

func withIndicator(r duban.Report, id int64) duban.Report { r.IndicatorID = id; return r }
func withUnit(r duban.Report, code string) duban.Report   { r.UnitCode = code; return r }
func withPlan(r duban.Report, id int64) duban.Report      { r.PlanID = id; return r }

func jsonEqual(raw json.RawMessage, want string) bool {
	var a, b any
	if json.Unmarshal(raw, &a) != nil || json.Unmarshal([]byte(want), &b) != nil {
		return false
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func TestImportWritesAudit(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		id := mustImport(t, db, richBundle())
		changed := richBundle()
		changed.Indicators = changed.Indicators[:3]
		if _, err := db.ImportBundle(ctx, changed, "editor"); err != nil {
			t.Fatalf("re-import: %v", err)
		}
		entries, err := db.ListAudit(ctx, "plan", id)
		if err != nil {
			t.Fatalf("ListAudit: %v", err)
		}
		if len(entries) != 2 {
			t.Fatalf("audit entries = %d, want 2", len(entries))
		}
		first, second := entries[0], entries[1]
		if first.Action != "plan.import" || first.Actor != "tester" || !first.At.Equal(clock) || first.Before != nil {
			t.Errorf("first entry = %+v", first)
		}
		if !jsonEqual(first.After, `{"code":"erqi-2021","title":"二七区2021年重点工作","nodes":6,"indicators":4}`) {
			t.Errorf("first entry after = %s", first.After)
		}
		if second.Actor != "editor" || !jsonEqual(second.Before, string(first.After)) ||
			!jsonEqual(second.After, `{"code":"erqi-2021","title":"二七区2021年重点工作","nodes":6,"indicators":3}`) {
			t.Errorf("second entry = %+v before %s after %s", second, second.Before, second.After)
		}
	})
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustImport(t, db, richBundle())
		if err := store.Exec(ctx, db, "UPDATE audit_log SET actor = ?", "forger"); err == nil {
			t.Error("UPDATE audit_log succeeded")
		}
		if err := store.Exec(ctx, db, "DELETE FROM audit_log"); err == nil {
			t.Error("DELETE FROM audit_log succeeded")
		}
		if n := mustCounts(t, db)["audit_log"]; n != 1 {
			t.Errorf("audit rows = %d, want 1", n)
		}
	})
}
