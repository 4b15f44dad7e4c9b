package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
	"github.com/duban-dev/duban/tracker"
)

// statusWorld is a small generated dataset whose clock the test moves.
type statusWorld struct {
	db         *store.DB
	c          synth.Config
	day        duban.Date
	supervisor *duban.User
}

func newStatusWorld(t *testing.T, db *store.DB) *statusWorld {
	t.Helper()
	c := synth.Config{Districts: 2, Items: 20, Months: 3, Seed: 7}
	if _, err := db.BulkLoad(context.Background(), &synth.Dataset{Config: c, PasswordHash: "x"}, "gen", nil); err != nil {
		t.Fatalf("BulkLoad: %v", err)
	}
	w := &statusWorld{db: db, c: c, supervisor: &duban.User{Username: synth.SupervisorUsername, Role: duban.RoleSupervisor}}
	w.moveTo(t, c.AsOf())
	return w
}

// moveTo sets the store's clock to the day and runs the daily job.
func (w *statusWorld) moveTo(t *testing.T, day duban.Date) {
	t.Helper()
	w.day = day
	w.db.Now = func() time.Time { return day.Time().Add(10 * time.Hour) }
	if _, err := w.db.AdvanceStatuses(context.Background(), day, "jobs"); err != nil {
		t.Fatalf("AdvanceStatuses %s: %v", day, err)
	}
}

// submit writes a report (a correction when its period has one already)
// on a random indicator for one of the first few months.
func (w *statusWorld) submit(t *testing.T, rng *rand.Rand) {
	t.Helper()
	d := rng.IntN(w.c.Districts)
	ind := w.c.IndicatorID(d, rng.IntN(w.c.Items))
	target, err := w.db.FindReportTarget(context.Background(), ind)
	if err != nil {
		t.Fatal(err)
	}
	months := int(w.day.Time().Month())
	period := fmt.Sprintf("%d-%02d", synth.Year, 1+rng.IntN(min(months, 4)))
	value := float64(rng.IntN(int(*target.Indicator.Target*1.2) + 1))
	in := duban.ReportInput{IndicatorID: ind, Period: period, Value: &value, Draft: rng.IntN(8) == 0}
	if _, err := w.db.SubmitReport(context.Background(), w.supervisor, in, w.day); err != nil {
		t.Fatalf("submit %+v: %v", in, err)
	}
}

// review approves or returns a random submitted report; approving one a
// newer version overtook must be refused as a conflict.
func (w *statusWorld) review(t *testing.T, rng *rand.Rand, approve bool) {
	t.Helper()
	ctx := context.Background()
	list, _, err := w.db.ListReportsFiltered(ctx, duban.ReportFilter{State: duban.Submitted, Page: duban.Page{PerPage: 500}})
	if err != nil || len(list) == 0 {
		return
	}
	r := list[rng.IntN(len(list))]
	_, err = w.db.ReviewReport(ctx, w.supervisor, r.ID, approve, "请核实")
	if err != nil && !(approve && duban.ErrorCode(err) == duban.ECONFLICT) {
		t.Fatalf("review %d (approve %v): %v", r.ID, approve, err)
	}
}

// assertStoredEqualsRecompute holds every plan's stored state against a
// full evaluation of a fresh snapshot as of the day.
func (w *statusWorld) assertStoredEqualsRecompute(t *testing.T, step int) {
	t.Helper()
	ctx := context.Background()
	for d := range w.c.Districts {
		planID := synth.PlanID(d)
		sp, ok, err := w.db.StoredStatus(ctx, planID, w.day)
		if err != nil || !ok {
			t.Fatalf("step %d: plan %d not stored as of %s (%v)", step, planID, w.day, err)
		}
		stored, err := tracker.FromStored(sp)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := w.db.Snapshot(ctx, planID, w.day)
		if err != nil {
			t.Fatal(err)
		}
		full, err := tracker.Evaluate(snap, w.day)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range full.Indicators {
			got, _ := stored.Rollup.Result(ind.Code)
			want, _ := full.Rollup.Result(ind.Code)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d, %s, indicator %s:\nstored %+v\nfull   %+v", step, w.day, ind.Code, got, want)
			}
		}
		for _, n := range full.Nodes {
			got, _ := stored.Rollup.Node(n.Code)
			want, _ := full.Rollup.Node(n.Code)
			if got != want {
				t.Fatalf("step %d, %s, node %s:\nstored %+v\nfull   %+v", step, w.day, n.Code, got, want)
			}
		}
		if got, want := stored.Rollup.Plan(), full.Rollup.Plan(); got != want {
			t.Fatalf("step %d, plan %d:\nstored %+v\nfull   %+v", step, planID, got, want)
		}
		if !reflect.DeepEqual(stored.Rollup.Units(), full.Rollup.Units()) {
			t.Fatalf("step %d: units %v, want %v", step, stored.Rollup.Units(), full.Rollup.Units())
		}
		for _, u := range full.Rollup.Units() {
			got, _ := stored.Rollup.Unit(u)
			want, _ := full.Rollup.Unit(u)
			if got != want {
				t.Fatalf("step %d, unit %s:\nstored %+v\nfull   %+v", step, u, got, want)
			}
		}
		w.assertLatestApprovedWins(t, step, stored)
	}
}

// assertLatestApprovedWins checks, from the raw versions, that each
// indicator's stored value is the latest approved version of its latest
// approved period (issue 17: whatever the order of approvals).
func (w *statusWorld) assertLatestApprovedWins(t *testing.T, step int, ps *tracker.PlanStatus) {
	t.Helper()
	for _, ind := range ps.Indicators {
		reps, err := w.db.ListReports(context.Background(), ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		var best *duban.Report
		for i := range reps {
			r := &reps[i]
			start, err := duban.ParsePeriod(ind.Cadence, r.Period)
			if r.State != duban.Approved || err != nil || start.Start.After(w.day) {
				continue
			}
			if best == nil || r.Period > best.Period || r.Period == best.Period && r.Version > best.Version {
				best = r
			}
		}
		res, _ := ps.Rollup.Result(ind.Code)
		switch {
		case best == nil && res.Value != nil:
			t.Fatalf("step %d: indicator %s has value %v with nothing approved", step, ind.Code, *res.Value)
		case best != nil && (res.Value == nil || *res.Value != *best.Value || res.Period != best.Period):
			t.Fatalf("step %d: indicator %s stores %v of %s, want version %d's %v of %s", step, ind.Code,
				res.Value, res.Period, best.Version, *best.Value, best.Period)
		}
	}
}

// After random sequences of reports, corrections, approvals, returns and
// days passing (the daily job), the stored state equals a full
// recomputation, on both engines.
func TestStoredStatusEqualsFullRecompute(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
				if seed > 1 {
					db = mustOpen(t, freshLike(t, db))
				}
				w := newStatusWorld(t, db)
				rng := rand.New(rand.NewPCG(seed, 99))
				w.assertStoredEqualsRecompute(t, 0)
				for step := 1; step <= 60; step++ {
					switch k := rng.IntN(10); {
					case k < 4:
						w.submit(t, rng)
					case k < 7:
						w.review(t, rng, true)
					case k < 8:
						w.review(t, rng, false)
					default:
						w.moveTo(t, w.day.AddDays(1+rng.IntN(25)))
					}
					w.assertStoredEqualsRecompute(t, step)
				}
			})
		}
	})
}

// freshLike is a new empty database of the same engine as db.
func freshLike(t *testing.T, db *store.DB) string {
	t.Helper()
	if db.Dialect() == store.DialectPostgres {
		return postgresDSN(t, os.Getenv("DUBAN_TEST_POSTGRES"))
	}
	return sqliteDSN(t)
}

// Approving v1 after its correction v2 was approved is refused, and v2
// keeps driving the light.
func TestOlderVersionCannotBeApprovedOverANewerOne(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newStatusWorld(t, db)
		ind := w.c.IndicatorID(0, 0)
		period := fmt.Sprintf("%d-%02d", synth.Year, 3)
		var ids []int64
		var versions []string
		for _, v := range []float64{1, 2} {
			r, err := db.SubmitReport(ctx, w.supervisor, duban.ReportInput{IndicatorID: ind, Period: period, Value: &v}, w.day)
			if err != nil {
				t.Fatal(err)
			}
			ids, versions = append(ids, r.ID), append(versions, fmt.Sprintf("第 %d 版", r.Version))
		}
		if _, err := db.ReviewReport(ctx, w.supervisor, ids[1], true, ""); err != nil {
			t.Fatal(err)
		}
		_, err := db.ReviewReport(ctx, w.supervisor, ids[0], true, "")
		wantCode(t, err, duban.ECONFLICT)
		if msg := duban.ErrorMessage(err); !strings.Contains(msg, versions[1]) || !strings.Contains(msg, versions[0]) {
			t.Fatalf("message %q does not name the versions", msg)
		}
		sp, _, err := db.StoredStatus(ctx, synth.PlanID(0), w.day)
		if err != nil {
			t.Fatal(err)
		}
		if r := sp.Results[0]; r.Value == nil || *r.Value != 2 || r.Period != period {
			t.Fatalf("stored %+v, want version 2's value 2 of %s", r, period)
		}
		// Returning the older version stays possible.
		if _, err := db.ReviewReport(ctx, w.supervisor, ids[0], false, "已有更正版本"); err != nil {
			t.Fatal(err)
		}
	})
}

// Approvals on one plan running side by side leave its stored state equal
// to a full recomputation: each writer takes the plan's row before it
// recomputes the rollups, so none works from a view missing another's.
func TestConcurrentApprovalsKeepTheRollupWhole(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newStatusWorld(t, db)
		period := fmt.Sprintf("%d-%02d", synth.Year, 3)
		var ids []int64
		for i := range w.c.Items {
			v := float64(1000 + i)
			r, err := db.SubmitReport(ctx, w.supervisor, duban.ReportInput{IndicatorID: w.c.IndicatorID(0, i), Period: period, Value: &v}, w.day)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		errs := make(chan error, len(ids))
		for _, id := range ids {
			go func() {
				_, err := db.ReviewReport(ctx, w.supervisor, id, true, "")
				errs <- err
			}()
		}
		for range ids {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		w.assertStoredEqualsRecompute(t, 1)
	})
}

// TestRebuildStatusesEqualsFullRecompute: rebuilding every plan after a
// bulk load (on PostgreSQL several transactions at once) stores each
// plan's state as a full evaluation gives it, on both engines.
func TestRebuildStatusesEqualsFullRecompute(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		c := synth.Config{Districts: 20, Items: 12, Months: 4, Seed: 11}
		if _, err := db.BulkLoad(context.Background(), &synth.Dataset{Config: c, PasswordHash: "x"}, "gen", nil); err != nil {
			t.Fatalf("BulkLoad: %v", err)
		}
		day := c.AsOf()
		db.Now = func() time.Time { return day.Time().Add(10 * time.Hour) }
		n, err := db.RebuildStatuses(context.Background(), day, "gen")
		if err != nil || n != c.Districts {
			t.Fatalf("RebuildStatuses: %d plans, %v", n, err)
		}
		w := &statusWorld{db: db, c: c, day: day}
		w.assertStoredEqualsRecompute(t, 0)
	})
}

// Day after day without reports, the move re-judges only the indicators
// whose light can flip, writes only the rows that change and keeps the
// stored state equal to a full recompute, on both engines: what moves
// daily (序时进度, the gap, the explanation) is derived on read.
func TestQuietDaysTouchOnlyFlippingLights(t *testing.T) {
	store.SetMoveChunkRows(t, 1) // a transaction a plan: the chunks run side by side on PostgreSQL
	forEachStore(t, func(t *testing.T, db *store.DB) {
		w := newStatusWorld(t, db)
		ctx := context.Background()
		total := w.c.Districts * w.c.Items
		flipped := 0
		for range 40 {
			day := w.day.AddDays(1)
			w.day = day
			w.db.Now = func() time.Time { return day.Time().Add(10 * time.Hour) }
			adv, err := w.db.AdvanceStatuses(ctx, day, "jobs")
			if err != nil {
				t.Fatal(err)
			}
			if adv.Plans != w.c.Districts {
				t.Fatalf("%s: moved %d plans, want %d", day, adv.Plans, w.c.Districts)
			}
			if adv.Rejudged >= total/2 {
				t.Fatalf("%s: re-judged %d of %d indicators on a day without reports", day, adv.Rejudged, total)
			}
			written, err := store.QueryInt(ctx, db, "SELECT COUNT(*) FROM indicator_status WHERE as_of = '"+day.String()+"'")
			if err != nil {
				t.Fatal(err)
			}
			if written > adv.Rejudged {
				t.Fatalf("%s: %d rows rewritten, more than the %d re-judged", day, written, adv.Rejudged)
			}
			flipped += written
			w.assertStoredEqualsRecompute(t, 0)
		}
		if flipped == 0 {
			t.Fatal("no light flipped in 40 days: the test moves nothing")
		}
	})
}
