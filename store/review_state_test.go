package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestReviewReport(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		hook := f.mustWebhook(t, "wecom", true)
		f.mustWebhook(t, "off", false)
		reps := f.mustSubmit(t, f.jsj, f.input("2021-05", 1), f.input("2021-06", 1),
			duban.ReportInput{IndicatorID: f.ind["ind-4"].ID, Period: "2021-04", Draft: true})
		approved, returned, draft := reps[0].ID, reps[1].ID, reps[2].ID
		cases := []struct {
			name    string
			actor   *duban.User
			id      int64
			approve bool
			reason  string
			code    string
			state   duban.ReportState
		}{
			{"a reporter cannot review", f.jsj, approved, true, "", duban.EFORBIDDEN, ""},
			{"a leader cannot review", f.leader, approved, true, "", duban.EFORBIDDEN, ""},
			{"return without a reason", f.supervisor, returned, false, "  ", duban.EINVALID, ""},
			{"unknown report", f.supervisor, 999999, true, "", duban.ENOTFOUND, ""},
			{"a draft is not reviewed", f.supervisor, draft, true, "", duban.ECONFLICT, ""},
			{"approve", f.supervisor, approved, true, "", "", duban.Approved},
			{"approve twice", f.admin, approved, true, "", duban.ECONFLICT, ""},
			{"return", f.admin, returned, false, "缺少佐证材料", "", duban.Returned},
			{"approve after return", f.admin, returned, true, "", duban.ECONFLICT, ""},
		}
		for _, c := range cases {
			r, err := db.ReviewReport(ctx, c.actor, c.id, c.approve, c.reason)
			if c.code != "" {
				wantCode(t, err, c.code)
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			stored, _ := db.FindReport(ctx, c.id)
			if r.State != c.state || stored.State != c.state || stored.ReviewedBy != c.actor.Username ||
				stored.ReviewedAt == nil || !stored.ReviewedAt.Equal(clock) || stored.ReturnReason != c.reason {
				t.Errorf("%s: returned %+v, stored %+v", c.name, r, stored)
			}
		}
		assertReviewAudit(t, db, approved, "report.approve", duban.Submitted, duban.Approved)
		assertReviewAudit(t, db, returned, "report.return", duban.Submitted, duban.Returned)

		due, err := db.DueDeliveries(ctx, clock, 10)
		if err != nil || len(due) != 1 {
			t.Fatalf("due deliveries: %d, %v; want one, to the active webhook", len(due), err)
		}
		m := due[0].Message
		if due[0].Webhook.ID != hook.ID || m.Event != "report.returned" || m.Data["unit_code"] != "jsj" ||
			m.Title != "填报被退回：安全事故起数 2021-06" {
			t.Errorf("outbox item = %+v", due[0])
		}
	})
}

func assertReviewAudit(t *testing.T, db *store.DB, id int64, action string, before, after duban.ReportState) {
	t.Helper()
	entries, err := db.ListAudit(context.Background(), "report", id)
	if err != nil || len(entries) != 2 {
		t.Fatalf("audit of report %d: %d entries, %v", id, len(entries), err)
	}
	e := entries[1]
	var b, a duban.Report
	if json.Unmarshal(e.Before, &b) != nil || json.Unmarshal(e.After, &a) != nil {
		t.Fatalf("audit %s: before %s after %s", action, e.Before, e.After)
	}
	if e.Action != action || b.State != before || a.State != after {
		t.Errorf("audit = %s %s→%s, want %s %s→%s", e.Action, b.State, a.State, action, before, after)
	}
}

func TestListReportsFiltered(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		jsj := f.mustSubmit(t, f.jsj, f.input("2021-05", 1), f.input("2021-06", 2), f.input("2021-07", 3))
		fgw := f.mustSubmit(t, f.fgw, duban.ReportInput{IndicatorID: f.ind["ind-3"].ID, Period: "2021-W27", MilestonesDone: new(int)})
		if _, err := db.ReviewReport(ctx, f.admin, jsj[1].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name   string
			filter duban.ReportFilter
			want   []int64
			total  int
		}{
			{"all, newest first", duban.ReportFilter{}, []int64{fgw[0].ID, jsj[2].ID, jsj[1].ID, jsj[0].ID}, 4},
			{"by unit", duban.ReportFilter{UnitCode: "jsj"}, []int64{jsj[2].ID, jsj[1].ID, jsj[0].ID}, 3},
			{"by state", duban.ReportFilter{State: duban.Submitted, PlanID: f.planID}, []int64{fgw[0].ID, jsj[2].ID, jsj[0].ID}, 3},
			{"by indicator, page 2", duban.ReportFilter{IndicatorID: f.ind["ind-4"].ID, Page: duban.Page{Page: 2, PerPage: 2}},
				[]int64{jsj[0].ID}, 3},
			{"other plan", duban.ReportFilter{PlanID: f.planID + 1}, []int64{}, 0},
			{"by plan", duban.ReportFilter{PlanID: f.planID}, []int64{fgw[0].ID, jsj[2].ID, jsj[1].ID, jsj[0].ID}, 4},
			{"by plan, unit and state", duban.ReportFilter{PlanID: f.planID, UnitCode: "jsj", State: duban.Approved},
				[]int64{jsj[1].ID}, 1},
			{"by state across plans", duban.ReportFilter{State: duban.Approved}, []int64{jsj[1].ID}, 1},
			{"by unit, every state", duban.ReportFilter{UnitCode: "fgw"}, []int64{fgw[0].ID}, 1},
			{"unknown unit", duban.ReportFilter{UnitCode: "nobody"}, []int64{}, 0},
		}
		for _, c := range cases {
			list, total, err := db.ListReportsFiltered(ctx, c.filter)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			ids := []int64{}
			for _, r := range list {
				ids = append(ids, r.ID)
			}
			assertEqual(t, c.name, ids, c.want)
			if total != c.total {
				t.Errorf("%s: total %d, want %d", c.name, total, c.total)
			}
		}
	})
}

func TestFindReportTarget(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		target, err := db.FindReportTarget(ctx, f.ind["ind-4"].ID)
		if err != nil {
			t.Fatal(err)
		}
		if target.Plan.ID != f.planID || target.Plan.PeriodEnd.String() != "2021-12-31" ||
			target.Node.Code != "T1" || target.Node.LeadUnit != "jsj" || target.Node.ID != f.node["T1"].ID ||
			target.Indicator.Code != "ind-4" || target.Indicator.Cadence != duban.Monthly {
			t.Errorf("target = %+v", target)
		}
		_, err = db.FindReportTarget(ctx, 999999)
		wantCode(t, err, duban.ENOTFOUND)
	})
}

// Sixteen reporters correct the same report at once: every submission
// succeeds and the versions are 1…16 without a gap or a repeat.
func TestSubmitReportsConcurrently(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		const writers = 16
		var wg sync.WaitGroup
		versions := make(chan int, writers*2)
		errs := make(chan error, writers)
		for w := range writers {
			wg.Go(func() {
				in := f.input("2021-07", float64(w))
				other := duban.ReportInput{IndicatorID: f.ind["ind-2"].ID, Period: "2021-Q2", Value: float(7)}
				reps, err := db.SubmitReports(ctx, f.admin, []duban.ReportInput{in, other}, today)
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				versions <- reps[0].Version
			})
		}
		wg.Wait()
		close(errs)
		close(versions)
		for err := range errs {
			t.Error(err)
		}
		seen := map[int]bool{}
		for v := range versions {
			if seen[v] || v < 1 || v > writers {
				t.Errorf("version %d repeated or out of 1…%d", v, writers)
			}
			seen[v] = true
		}
		if len(seen) != writers {
			t.Errorf("%d distinct versions, want %d", len(seen), writers)
		}
	})
}
